-- Projects with their SIP profile (CONTRACT 10) inline: one row each, read on every write.
CREATE TABLE projects (
  id                      TEXT PRIMARY KEY,
  name                    TEXT NOT NULL,
  domain_identifier       TEXT NOT NULL UNIQUE,
  default_codecs          TEXT NOT NULL,  -- comma-separated, in preference order
  default_ciphers         TEXT NOT NULL,
  default_encryption      TEXT NOT NULL,
  default_send_as         TEXT,
  default_outbound_policy TEXT NOT NULL,
  created_at              INTEGER NOT NULL  -- microseconds since the epoch, UTC
) STRICT;

-- API tokens: only the SHA-256 of the secret is kept (CONTRACT 2).
CREATE TABLE api_tokens (
  id          TEXT PRIMARY KEY,
  project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  scopes      TEXT NOT NULL,  -- comma-separated
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
) STRICT;
CREATE INDEX api_tokens_by_project ON api_tokens(project_id, created_at);

-- The Fabric resource registry: one row per resource of any type, so that the registry lists
-- with one index scan and a call handler can reference any resource by foreign key (which is what
-- refuses to delete a resource still assigned as a handler).
CREATE TABLE resources (
  id          TEXT PRIMARY KEY,  -- UUIDv7
  project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  type        TEXT NOT NULL CHECK (type IN ('sip_endpoint', 'swml_webhook')),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX resources_by_project ON resources(project_id, id);

-- One row per SIP endpoint, serving both surfaces (CONTRACT 3). Empty ciphers/codecs and a NULL
-- send_as mean "inherit the profile". The password is only ever stored sealed (CONTRACT 9).
CREATE TABLE sip_endpoints (
  id                          TEXT PRIMARY KEY,   -- UUIDv7: text order is creation order
  resource_id                 TEXT NOT NULL UNIQUE REFERENCES resources(id) ON DELETE CASCADE,
  address_id                  TEXT NOT NULL UNIQUE,  -- the endpoint's one Fabric address
  project_id                  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  username                    TEXT NOT NULL,
  display_name                TEXT,
  caller_id                   TEXT,
  send_as                     TEXT,
  ciphers                     TEXT NOT NULL,
  codecs                      TEXT NOT NULL,
  encryption                  TEXT NOT NULL,
  call_handler                TEXT NOT NULL,
  calling_handler_resource_id TEXT REFERENCES resources(id),  -- NO ACTION: blocks the delete
  call_request_url            TEXT,
  call_request_method         TEXT,
  call_fallback_url           TEXT,
  call_fallback_method        TEXT,
  call_status_callback_url    TEXT,
  call_status_callback_method TEXT,
  call_laml_application_id    TEXT,
  call_dialogflow_agent_id    TEXT,
  call_relay_topic            TEXT,
  call_relay_topic_status_callback_url   TEXT,
  call_relay_context          TEXT,
  call_relay_context_status_callback_url TEXT,
  call_relay_application      TEXT,
  call_video_room_id          TEXT,
  call_relay_script_url       TEXT,
  call_flow_id                TEXT,
  call_flow_version           TEXT,
  call_ai_agent_id            TEXT,
  call_relay_connector_id     TEXT,
  ha1                         TEXT,
  ha1_sha256                  TEXT,
  ha1b                        TEXT,
  sealed_password             BLOB,
  password_key_id             TEXT,
  created_at                  INTEGER NOT NULL,
  updated_at                  INTEGER NOT NULL
) STRICT;

-- Usernames are unique per project, case-insensitively; the database enforces it, so concurrent
-- creates cannot both win. Usernames are ASCII (CONTRACT 3), which NOCASE folds completely.
CREATE UNIQUE INDEX sip_endpoints_username ON sip_endpoints(project_id, username COLLATE NOCASE);
-- Keyset paging: newest first within a project.
CREATE INDEX sip_endpoints_by_project ON sip_endpoints(project_id, id);
-- The foreign-key check when a resource is deleted.
CREATE INDEX sip_endpoints_by_handler ON sip_endpoints(calling_handler_resource_id);

-- SWML webhook resources (CONTRACT 6), so that `resource` handlers can point at something real.
CREATE TABLE swml_webhooks (
  resource_id             TEXT PRIMARY KEY REFERENCES resources(id) ON DELETE CASCADE,
  project_id              TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name                    TEXT NOT NULL,
  used_for                TEXT NOT NULL,
  primary_request_url     TEXT NOT NULL,
  primary_request_method  TEXT NOT NULL,
  fallback_request_url    TEXT,
  fallback_request_method TEXT,
  status_callback_url     TEXT,
  status_callback_method  TEXT,
  created_at              INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL
) STRICT;
CREATE INDEX swml_webhooks_by_project ON swml_webhooks(project_id, resource_id);
