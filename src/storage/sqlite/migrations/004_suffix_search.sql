-- Substring filters by suffix index, replacing the FTS5 trigram index of 002. Every suffix of
-- a lower-cased username and caller id (its first 32 characters) is a key, so "contains X" is
-- one range scan of the keys that start with X: cost grows with the matches, not with the
-- table (an FTS5 phrase reads the posting lists of every trigram of X, and the trigrams of
-- synthetic or numbered names are in nearly every row). Queries still apply the exact LIKE.
-- Measured with 1,000,000 endpoints: docs/design/substring-search.md.
DROP TRIGGER sip_endpoints_search_insert;
DROP TRIGGER sip_endpoints_search_delete;
DROP TRIGGER sip_endpoints_search_update;
DROP TABLE sip_endpoints_search;

-- 1..255: the positions a suffix can start at (triggers cannot use recursive CTEs).
CREATE TABLE search_positions (n INTEGER PRIMARY KEY) STRICT;
INSERT INTO search_positions (n)
  WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 255) SELECT n FROM s;

CREATE TABLE sip_endpoint_suffixes (
  project_rowid  INTEGER NOT NULL,
  field          TEXT NOT NULL,     -- 'u': username, 'c': caller id
  suffix         TEXT NOT NULL,     -- lower(value) from one position, at most 32 characters
  endpoint_rowid INTEGER NOT NULL,
  PRIMARY KEY (project_rowid, field, suffix, endpoint_rowid)
) WITHOUT ROWID, STRICT;

CREATE TRIGGER sip_endpoint_suffixes_insert AFTER INSERT ON sip_endpoints BEGIN
  INSERT OR IGNORE INTO sip_endpoint_suffixes (project_rowid, field, suffix, endpoint_rowid)
    SELECT p.rowid, 'u', substr(lower(new.username), n, 32), new.rowid
    FROM projects p, search_positions WHERE p.id = new.project_id AND n <= length(new.username);
  INSERT OR IGNORE INTO sip_endpoint_suffixes (project_rowid, field, suffix, endpoint_rowid)
    SELECT p.rowid, 'c', substr(lower(new.caller_id), n, 32), new.rowid
    FROM projects p, search_positions
    WHERE p.id = new.project_id AND new.caller_id IS NOT NULL AND n <= length(new.caller_id);
END;

CREATE TRIGGER sip_endpoint_suffixes_delete AFTER DELETE ON sip_endpoints BEGIN
  DELETE FROM sip_endpoint_suffixes
    WHERE project_rowid = (SELECT rowid FROM projects WHERE id = old.project_id)
      AND field = 'u' AND endpoint_rowid = old.rowid
      AND suffix IN (SELECT substr(lower(old.username), n, 32) FROM search_positions
                     WHERE n <= length(old.username));
  DELETE FROM sip_endpoint_suffixes
    WHERE project_rowid = (SELECT rowid FROM projects WHERE id = old.project_id)
      AND field = 'c' AND endpoint_rowid = old.rowid
      AND suffix IN (SELECT substr(lower(old.caller_id), n, 32) FROM search_positions
                     WHERE old.caller_id IS NOT NULL AND n <= length(old.caller_id));
END;

CREATE TRIGGER sip_endpoint_suffixes_username AFTER UPDATE OF username ON sip_endpoints
  WHEN new.username IS NOT old.username BEGIN
  DELETE FROM sip_endpoint_suffixes
    WHERE project_rowid = (SELECT rowid FROM projects WHERE id = old.project_id)
      AND field = 'u' AND endpoint_rowid = old.rowid
      AND suffix IN (SELECT substr(lower(old.username), n, 32) FROM search_positions
                     WHERE n <= length(old.username));
  INSERT OR IGNORE INTO sip_endpoint_suffixes (project_rowid, field, suffix, endpoint_rowid)
    SELECT p.rowid, 'u', substr(lower(new.username), n, 32), new.rowid
    FROM projects p, search_positions WHERE p.id = new.project_id AND n <= length(new.username);
END;

CREATE TRIGGER sip_endpoint_suffixes_caller_id AFTER UPDATE OF caller_id ON sip_endpoints
  WHEN new.caller_id IS NOT old.caller_id BEGIN
  DELETE FROM sip_endpoint_suffixes
    WHERE project_rowid = (SELECT rowid FROM projects WHERE id = old.project_id)
      AND field = 'c' AND endpoint_rowid = old.rowid
      AND suffix IN (SELECT substr(lower(old.caller_id), n, 32) FROM search_positions
                     WHERE old.caller_id IS NOT NULL AND n <= length(old.caller_id));
  INSERT OR IGNORE INTO sip_endpoint_suffixes (project_rowid, field, suffix, endpoint_rowid)
    SELECT p.rowid, 'c', substr(lower(new.caller_id), n, 32), new.rowid
    FROM projects p, search_positions
    WHERE p.id = new.project_id AND new.caller_id IS NOT NULL AND n <= length(new.caller_id);
END;

INSERT OR IGNORE INTO sip_endpoint_suffixes (project_rowid, field, suffix, endpoint_rowid)
  SELECT p.rowid, 'u', substr(lower(e.username), n, 32), e.rowid
  FROM sip_endpoints e JOIN projects p ON p.id = e.project_id, search_positions
  WHERE n <= length(e.username);
INSERT OR IGNORE INTO sip_endpoint_suffixes (project_rowid, field, suffix, endpoint_rowid)
  SELECT p.rowid, 'c', substr(lower(e.caller_id), n, 32), e.rowid
  FROM sip_endpoints e JOIN projects p ON p.id = e.project_id, search_positions
  WHERE e.caller_id IS NOT NULL AND n <= length(e.caller_id);
