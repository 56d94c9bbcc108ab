-- PostgreSQL only (logins, group roles, CREATEROLE): a SQLite file has no users to
-- manage. Nothing to change here.
SELECT 1;
