-- What a SIP registrar (Kamailio, deploy/kamailio/) reads and writes in this same database; see
-- the SQLite twin (storage/sqlite/migrations/003_registrar.sql) for the reasons.
CREATE TABLE server_settings (
  name  text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE version (
  id SERIAL PRIMARY KEY NOT NULL,
  table_name VARCHAR(32) NOT NULL,
  table_version INTEGER DEFAULT 0 NOT NULL,
  CONSTRAINT version_table_name_idx UNIQUE (table_name)
);
INSERT INTO version (table_name, table_version) VALUES ('version', 1), ('subscriber', 7),
  ('location', 9), ('location_attrs', 1);

CREATE VIEW subscriber AS
  SELECT row_number() OVER ()::integer AS id, e.username AS username,
         p.domain_identifier || '.' || s.value AS domain, ''::text AS password,
         e.ha1 AS ha1, e.ha1b AS ha1b, e.ha1_sha256 AS ha1_sha256
  FROM sip_endpoints e
  JOIN projects p ON p.id = e.project_id
  JOIN server_settings s ON s.name = 'sip_domain_suffix'
  WHERE e.ha1 IS NOT NULL;

CREATE TABLE location (
  id SERIAL PRIMARY KEY NOT NULL,
  ruid VARCHAR(64) DEFAULT '' NOT NULL,
  username VARCHAR(64) DEFAULT '' NOT NULL,
  domain VARCHAR(255) DEFAULT NULL,
  contact VARCHAR(512) DEFAULT '' NOT NULL,
  received VARCHAR(128) DEFAULT NULL,
  path VARCHAR(512) DEFAULT NULL,
  expires TIMESTAMP WITHOUT TIME ZONE DEFAULT '2030-05-28 21:32:15' NOT NULL,
  q REAL DEFAULT 1.0 NOT NULL,
  callid VARCHAR(255) DEFAULT 'Default-Call-ID' NOT NULL,
  cseq INTEGER DEFAULT 1 NOT NULL,
  last_modified TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:01' NOT NULL,
  flags INTEGER DEFAULT 0 NOT NULL,
  cflags INTEGER DEFAULT 0 NOT NULL,
  user_agent VARCHAR(255) DEFAULT '' NOT NULL,
  socket VARCHAR(64) DEFAULT NULL,
  methods INTEGER DEFAULT NULL,
  instance VARCHAR(255) DEFAULT NULL,
  reg_id INTEGER DEFAULT 0 NOT NULL,
  server_id INTEGER DEFAULT 0 NOT NULL,
  connection_id INTEGER DEFAULT 0 NOT NULL,
  keepalive INTEGER DEFAULT 0 NOT NULL,
  partition INTEGER DEFAULT 0 NOT NULL,
  CONSTRAINT location_ruid_idx UNIQUE (ruid)
);
CREATE INDEX location_account_contact_idx ON location (username, domain, contact);
CREATE INDEX location_expires_idx ON location (expires);
CREATE INDEX location_tcpcon_idx ON location (connection_id);
CREATE INDEX location_connection_idx ON location (server_id, connection_id);

CREATE TABLE location_attrs (
  id SERIAL PRIMARY KEY NOT NULL,
  ruid VARCHAR(64) DEFAULT '' NOT NULL,
  username VARCHAR(64) DEFAULT '' NOT NULL,
  domain VARCHAR(255) DEFAULT NULL,
  aname VARCHAR(64) DEFAULT '' NOT NULL,
  atype INTEGER DEFAULT 0 NOT NULL,
  avalue VARCHAR(512) DEFAULT '' NOT NULL,
  last_modified TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:01' NOT NULL
);
CREATE INDEX location_attrs_account_record_idx ON location_attrs (username, domain, ruid);
CREATE INDEX location_attrs_last_modified_idx ON location_attrs (last_modified);
