-- The lease of the consoles' periodic evaluation of the condition rules: the same table as
-- the PostgreSQL script (see there). SQLite consoles do not use it: each evaluates, the
-- write transaction letting one run at a time.
CREATE TABLE condition_evaluation_lease (
  id integer PRIMARY KEY CHECK (id = 1),
  holder text NOT NULL DEFAULT '',
  holder_name text NOT NULL DEFAULT '',
  expires_at text NOT NULL DEFAULT '0000-01-01T00:00:00Z'
);
INSERT INTO condition_evaluation_lease(id) VALUES (1);
