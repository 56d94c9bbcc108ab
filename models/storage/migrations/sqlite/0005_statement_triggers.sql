-- PostgreSQL only (statement triggers with transition tables); SQLite keeps its row
-- triggers, which cost little in-process. Nothing to change here.
SELECT 1;
