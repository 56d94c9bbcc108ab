-- The lease of the consoles' periodic evaluation of the condition rules (ConditionWatch):
-- one row naming the console that evaluates (holder: its own token; holder_name: who it is
-- in words, "pid 123, fieldops console on host-b, ana, 10.0.0.7") and until when. A console
-- takes it when it has expired or is already its own, renews it at each evaluation for
-- twice its interval, and lets it go when it disconnects; so a console that freezes without
-- disconnecting loses it once it stops renewing, where a session-level advisory lock would
-- have stayed with its connection. Not in the change feed: it changes at every evaluation
-- and no view shows it. The SQLite script has the same table (unused there: every SQLite
-- console evaluates).
CREATE TABLE condition_evaluation_lease (
  id integer PRIMARY KEY CHECK (id = 1),
  holder text NOT NULL DEFAULT '',
  holder_name text NOT NULL DEFAULT '',
  expires_at timestamptz NOT NULL DEFAULT '-infinity'
);
INSERT INTO condition_evaluation_lease(id) VALUES (1);

-- Whoever may write episodes (the roles that open work orders) evaluates; every role reads it.
GRANT SELECT ON condition_evaluation_lease TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT UPDATE ON condition_evaluation_lease TO fieldops_dispatcher, fieldops_planner, fieldops_admin;
