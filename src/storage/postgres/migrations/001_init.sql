-- The PostgreSQL schema: the same tables and rules as the SQLite one (storage/sqlite/migrations),
-- with native uuid ids (their order is the order of their text, so keyset paging matches) and
-- pg_trgm indexes for the substring filters.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE projects (
  id                      uuid PRIMARY KEY,
  name                    text NOT NULL,
  domain_identifier       text NOT NULL UNIQUE,
  default_codecs          text NOT NULL,
  default_ciphers         text NOT NULL,
  default_encryption      text NOT NULL,
  default_send_as         text,
  default_outbound_policy text NOT NULL,
  created_at              bigint NOT NULL
);

CREATE TABLE api_tokens (
  id          uuid PRIMARY KEY,
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name        text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  scopes      text NOT NULL,
  created_at  bigint NOT NULL,
  revoked_at  bigint
);
CREATE INDEX api_tokens_by_project ON api_tokens(project_id, created_at);

CREATE TABLE resources (
  id          uuid PRIMARY KEY,
  project_id  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  type        text NOT NULL CHECK (type IN ('sip_endpoint', 'swml_webhook')),
  created_at  bigint NOT NULL
);
CREATE INDEX resources_by_project ON resources(project_id, id);

CREATE TABLE sip_endpoints (
  id                          uuid PRIMARY KEY,
  resource_id                 uuid NOT NULL UNIQUE REFERENCES resources(id) ON DELETE CASCADE,
  address_id                  uuid NOT NULL UNIQUE,
  project_id                  uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  username                    text NOT NULL,
  display_name                text,
  caller_id                   text,
  send_as                     text,
  ciphers                     text NOT NULL,
  codecs                      text NOT NULL,
  encryption                  text NOT NULL,
  call_handler                text NOT NULL,
  calling_handler_resource_id uuid REFERENCES resources(id),
  call_request_url            text,
  call_request_method         text,
  call_fallback_url           text,
  call_fallback_method        text,
  call_status_callback_url    text,
  call_status_callback_method text,
  call_laml_application_id    text,
  call_dialogflow_agent_id    text,
  call_relay_topic            text,
  call_relay_topic_status_callback_url   text,
  call_relay_context          text,
  call_relay_context_status_callback_url text,
  call_relay_application      text,
  call_video_room_id          text,
  call_relay_script_url       text,
  call_flow_id                text,
  call_flow_version           text,
  call_ai_agent_id            text,
  call_relay_connector_id     text,
  ha1                         text,
  ha1_sha256                  text,
  ha1b                        text,
  sealed_password             bytea,
  password_key_id             text,
  created_at                  bigint NOT NULL,
  updated_at                  bigint NOT NULL
);
-- Unique per project without regard to case, enforced by the database across every process.
CREATE UNIQUE INDEX sip_endpoints_username ON sip_endpoints(project_id, lower(username));
CREATE INDEX sip_endpoints_by_project ON sip_endpoints(project_id, id);
CREATE INDEX sip_endpoints_by_handler ON sip_endpoints(calling_handler_resource_id);
-- Case-insensitive substring filters (lower(x) LIKE '%...%') served by trigram indexes.
CREATE INDEX sip_endpoints_username_trgm ON sip_endpoints USING gin (lower(username) gin_trgm_ops);
CREATE INDEX sip_endpoints_caller_id_trgm ON sip_endpoints USING gin (lower(caller_id) gin_trgm_ops);

CREATE TABLE swml_webhooks (
  resource_id             uuid PRIMARY KEY REFERENCES resources(id) ON DELETE CASCADE,
  project_id              uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name                    text NOT NULL,
  used_for                text NOT NULL,
  primary_request_url     text NOT NULL,
  primary_request_method  text NOT NULL,
  fallback_request_url    text,
  fallback_request_method text,
  status_callback_url     text,
  status_callback_method  text,
  created_at              bigint NOT NULL,
  updated_at              bigint NOT NULL
);
CREATE INDEX swml_webhooks_by_project ON swml_webhooks(project_id, resource_id);
