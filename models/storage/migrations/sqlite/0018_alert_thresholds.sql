-- The alerts' thresholds, one row the whole operation shares, so every console raises the
-- same alerts and the KPIs count "on time" with the same grace as the late-arrival alert:
-- how far ahead an SLA is "due soon", the on-time grace, how far back missed starts stay
-- alerts, how long past its planned length a visit on site is overrunning, how long a
-- technician on shift may go without a position, and how long an unresolved visit with
-- nothing booked after it stays an alert. The PostgreSQL script has the same columns and checks.
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
  reason text NOT NULL CHECK (trim(reason) <> ''),
  dismissed_at text NOT NULL CHECK (dismissed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  version integer NOT NULL DEFAULT 1
);

CREATE TRIGGER alert_thresholds_track_update AFTER UPDATE ON alert_thresholds BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('alert_thresholds', NEW.id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'alert_thresholds', NEW.id, 'update', json_object('id', OLD.id, 'sla_horizon_hours', OLD.sla_horizon_hours, 'on_time_grace_minutes', OLD.on_time_grace_minutes, 'lookback_hours', OLD.lookback_hours, 'overrun_grace_minutes', OLD.overrun_grace_minutes, 'silent_minutes', OLD.silent_minutes, 'unresolved_days', OLD.unresolved_days, 'version', OLD.version), json_object('id', NEW.id, 'sla_horizon_hours', NEW.sla_horizon_hours, 'on_time_grace_minutes', NEW.on_time_grace_minutes, 'lookback_hours', NEW.lookback_hours, 'overrun_grace_minutes', NEW.overrun_grace_minutes, 'silent_minutes', NEW.silent_minutes, 'unresolved_days', NEW.unresolved_days, 'version', NEW.version));
END;
CREATE TRIGGER alert_dismissals_track_insert AFTER INSERT ON alert_dismissals BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('alert_dismissals', NEW.alert_key, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'alert_dismissals', NEW.alert_key, 'insert', NULL, json_object('alert_key', NEW.alert_key, 'reason', NEW.reason, 'dismissed_at', NEW.dismissed_at, 'version', NEW.version));
END;
CREATE TRIGGER alert_dismissals_track_update AFTER UPDATE ON alert_dismissals BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('alert_dismissals', NEW.alert_key, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'alert_dismissals', NEW.alert_key, 'update', json_object('alert_key', OLD.alert_key, 'reason', OLD.reason, 'dismissed_at', OLD.dismissed_at, 'version', OLD.version), json_object('alert_key', NEW.alert_key, 'reason', NEW.reason, 'dismissed_at', NEW.dismissed_at, 'version', NEW.version));
END;
CREATE TRIGGER alert_dismissals_track_delete AFTER DELETE ON alert_dismissals BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('alert_dismissals', OLD.alert_key, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'alert_dismissals', OLD.alert_key, 'delete', json_object('alert_key', OLD.alert_key, 'reason', OLD.reason, 'dismissed_at', OLD.dismissed_at, 'version', OLD.version), NULL);
END;
