-- The alerts' thresholds, one row the whole operation shares, so every console raises the
-- same alerts and the KPIs count "on time" with the same grace as the late-arrival alert:
-- how far ahead an SLA is "due soon", the on-time grace, how far back missed starts stay
-- alerts, how long past its planned length a visit on site is overrunning, how long a
-- technician on shift may go without a position, and how long an unresolved visit with
-- nothing booked after it stays an alert. The SQLite script has the same columns and checks.
CREATE TABLE alert_thresholds (
  id integer PRIMARY KEY CHECK (id = 1),
  sla_horizon_hours integer NOT NULL DEFAULT 4 CHECK (sla_horizon_hours BETWEEN 1 AND 168),
  on_time_grace_minutes integer NOT NULL DEFAULT 15 CHECK (on_time_grace_minutes BETWEEN 0 AND 240),
  lookback_hours integer NOT NULL DEFAULT 24 CHECK (lookback_hours BETWEEN 1 AND 720),
  overrun_grace_minutes integer NOT NULL DEFAULT 15 CHECK (overrun_grace_minutes BETWEEN 0 AND 480),
  silent_minutes integer NOT NULL DEFAULT 30 CHECK (silent_minutes BETWEEN 5 AND 1440),
  unresolved_days integer NOT NULL DEFAULT 7 CHECK (unresolved_days BETWEEN 1 AND 90),
  version integer NOT NULL DEFAULT 1
);
INSERT INTO alert_thresholds(id) VALUES (1);

-- An alert a dispatcher dismissed, with the reason: hidden for every console until the
-- situation changes (the key names the alert's kind, subject and instant, so a new
-- occurrence is a new alert).
CREATE TABLE alert_dismissals (
  alert_key text PRIMARY KEY CHECK (alert_key <> ''),
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  dismissed_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);

CREATE TRIGGER alert_thresholds_track AFTER UPDATE ON alert_thresholds FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('id', 'audit');
CREATE TRIGGER alert_dismissals_track AFTER UPDATE ON alert_dismissals FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('alert_key', 'audit');
CREATE TRIGGER alert_dismissals_track_insert AFTER INSERT ON alert_dismissals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('alert_key', 'audit');
CREATE TRIGGER alert_dismissals_track_delete AFTER DELETE ON alert_dismissals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('alert_key', 'audit');

-- Everyone reads both; managers and admins set the thresholds (as they set KPI targets);
-- dispatchers, managers and admins dismiss alerts.
GRANT SELECT ON alert_thresholds, alert_dismissals TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT UPDATE ON alert_thresholds TO fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON alert_dismissals TO fieldops_dispatcher, fieldops_manager, fieldops_admin;
