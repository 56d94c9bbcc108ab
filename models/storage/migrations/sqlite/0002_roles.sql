-- SQLite has no server roles: whoever can open the file may write it. The columns keep
-- the two dialects' logs alike.
ALTER TABLE change_log ADD COLUMN db_role text NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN db_role text NOT NULL DEFAULT '';
