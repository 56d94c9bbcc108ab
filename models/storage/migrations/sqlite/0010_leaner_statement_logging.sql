-- PostgreSQL only (its per-statement logging function); SQLite's row triggers are
-- unchanged. Nothing to change here.
SELECT 1;
