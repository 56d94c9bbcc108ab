-- KPI targets: what a manager aims for per KPI, for every territory (territory_id NULL)
-- or one territory. The dashboard colours a value green at or past the target, amber
-- between the target and amber_threshold, red beyond it; which side is "past" follows
-- the KPI (higher is better except for the time to resolve), so no direction is stored.
-- One target per KPI and scope (a NULL territory counts as one scope).
CREATE TABLE kpi_targets (
  id integer PRIMARY KEY AUTOINCREMENT,
  kpi_key text NOT NULL CHECK (kpi_key IN ('work_orders_closed','first_time_fix_rate','on_time_arrival_rate','sla_compliance_rate','mean_time_to_resolve_h','utilization','billable_ratio','avg_rating','ratings_count','jobs_per_technician_day')),
  territory_id text REFERENCES territories(id) ON DELETE CASCADE,
  target real NOT NULL,
  amber_threshold real,
  version integer NOT NULL DEFAULT 1,
  updated_by text NOT NULL DEFAULT '',
  updated_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX kpi_targets_key_scope ON kpi_targets(kpi_key, coalesce(territory_id, ''));

-- In the change feed and the audit log like every other editable table (the same
-- triggers installChangeTracking writes for the tables of version 1).
CREATE TRIGGER kpi_targets_track_insert AFTER INSERT ON kpi_targets BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('kpi_targets', NEW.id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'kpi_targets', NEW.id, 'insert', NULL, json_object('id', NEW.id, 'kpi_key', NEW.kpi_key, 'territory_id', NEW.territory_id, 'target', NEW.target, 'amber_threshold', NEW.amber_threshold, 'version', NEW.version, 'updated_by', NEW.updated_by, 'updated_at', NEW.updated_at));
END;
CREATE TRIGGER kpi_targets_track_update AFTER UPDATE ON kpi_targets BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('kpi_targets', NEW.id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'kpi_targets', NEW.id, 'update', json_object('id', OLD.id, 'kpi_key', OLD.kpi_key, 'territory_id', OLD.territory_id, 'target', OLD.target, 'amber_threshold', OLD.amber_threshold, 'version', OLD.version, 'updated_by', OLD.updated_by, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'kpi_key', NEW.kpi_key, 'territory_id', NEW.territory_id, 'target', NEW.target, 'amber_threshold', NEW.amber_threshold, 'version', NEW.version, 'updated_by', NEW.updated_by, 'updated_at', NEW.updated_at));
END;
CREATE TRIGGER kpi_targets_track_delete AFTER DELETE ON kpi_targets BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('kpi_targets', OLD.id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'kpi_targets', OLD.id, 'delete', json_object('id', OLD.id, 'kpi_key', OLD.kpi_key, 'territory_id', OLD.territory_id, 'target', OLD.target, 'amber_threshold', OLD.amber_threshold, 'version', OLD.version, 'updated_by', OLD.updated_by, 'updated_at', OLD.updated_at), NULL);
END;
