-- Planner workspace: recurrence rules of maintenance plans, holiday calendars per
-- territory, and which plan occurrence a generated preventive work order stands for.
-- The same columns and meaning as the PostgreSQL script; the change-tracking triggers
-- are written again after this script so the audit log carries the new columns.
ALTER TABLE sites ADD COLUMN territory_id text REFERENCES territories(id);

ALTER TABLE maintenance_plans ADD COLUMN recurrence text NOT NULL DEFAULT '';
ALTER TABLE maintenance_plans ADD COLUMN preferred_start text CHECK (preferred_start IS NULL OR (length(preferred_start) = 5 AND preferred_start GLOB '[0-2][0-9]:[0-5][0-9]' AND preferred_start < '24:00'));
ALTER TABLE maintenance_plans ADD COLUMN lead_days integer NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 365);
ALTER TABLE maintenance_plans ADD COLUMN shift_on_miss integer NOT NULL DEFAULT 0 CHECK (shift_on_miss IN (0, 1));
ALTER TABLE maintenance_plans ADD COLUMN seasonal_months text NOT NULL DEFAULT '';

ALTER TABLE work_orders ADD COLUMN pm_plan_id text REFERENCES maintenance_plans(id) ON DELETE SET NULL;
ALTER TABLE work_orders ADD COLUMN pm_due text;
CREATE UNIQUE INDEX work_orders_pm_occurrence ON work_orders(pm_plan_id, pm_due) WHERE pm_plan_id IS NOT NULL;

CREATE TABLE holidays (
  territory_id text NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
  day text NOT NULL,
  name text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (territory_id, day)
);

-- In the change feed and the audit log like every other editable table (the same
-- triggers installChangeTracking writes for the tables of version 1).
CREATE TRIGGER holidays_track_insert AFTER INSERT ON holidays BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('holidays', NEW.territory_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'holidays', NEW.territory_id, 'insert', NULL, json_object('territory_id', NEW.territory_id, 'day', NEW.day, 'name', NEW.name, 'version', NEW.version));
END;
CREATE TRIGGER holidays_track_update AFTER UPDATE ON holidays BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('holidays', NEW.territory_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'holidays', NEW.territory_id, 'update', json_object('territory_id', OLD.territory_id, 'day', OLD.day, 'name', OLD.name, 'version', OLD.version), json_object('territory_id', NEW.territory_id, 'day', NEW.day, 'name', NEW.name, 'version', NEW.version));
END;
CREATE TRIGGER holidays_track_delete AFTER DELETE ON holidays BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('holidays', OLD.territory_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'holidays', OLD.territory_id, 'delete', json_object('territory_id', OLD.territory_id, 'day', OLD.day, 'name', OLD.name, 'version', OLD.version), NULL);
END;
