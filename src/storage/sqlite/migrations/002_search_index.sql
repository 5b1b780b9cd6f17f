-- Case-insensitive substring search on usernames and caller ids (the list filters), served by
-- an FTS5 trigram index kept in step with sip_endpoints by triggers. Queries still apply the
-- exact LIKE afterwards; the index only narrows the rows to look at.
CREATE VIRTUAL TABLE sip_endpoints_search USING fts5(
  username, caller_id, content = 'sip_endpoints', content_rowid = 'rowid', tokenize = 'trigram');

INSERT INTO sip_endpoints_search (rowid, username, caller_id)
  SELECT rowid, username, caller_id FROM sip_endpoints;

CREATE TRIGGER sip_endpoints_search_insert AFTER INSERT ON sip_endpoints BEGIN
  INSERT INTO sip_endpoints_search (rowid, username, caller_id)
    VALUES (new.rowid, new.username, new.caller_id);
END;

CREATE TRIGGER sip_endpoints_search_delete AFTER DELETE ON sip_endpoints BEGIN
  INSERT INTO sip_endpoints_search (sip_endpoints_search, rowid, username, caller_id)
    VALUES ('delete', old.rowid, old.username, old.caller_id);
END;

CREATE TRIGGER sip_endpoints_search_update AFTER UPDATE OF username, caller_id ON sip_endpoints
BEGIN
  INSERT INTO sip_endpoints_search (sip_endpoints_search, rowid, username, caller_id)
    VALUES ('delete', old.rowid, old.username, old.caller_id);
  INSERT INTO sip_endpoints_search (rowid, username, caller_id)
    VALUES (new.rowid, new.username, new.caller_id);
END;
