-- Condition rules (fieldops-cli evaluate-conditions): rules on an asset's readings that
-- open a work order when they are breached, and the episodes of each breach. The same
-- columns, checks and meaning as the PostgreSQL script.

-- One rule watches one reading kind of one asset, or of every asset of one model
-- (assets.model): exactly one of asset_id and asset_model is set. The parameters each
-- kind needs are required by the checks below; the others stay NULL. The work it opens:
-- task (the work order's summary), work_order_type, duration_min, priority and the skills
-- in condition_rule_skills.
CREATE TABLE condition_rules (
  id text PRIMARY KEY CHECK (id <> ''),
  name text NOT NULL DEFAULT '',
  asset_id text REFERENCES assets(id) ON DELETE CASCADE,
  asset_model text CHECK (asset_model IS NULL OR asset_model <> ''),
  kind text NOT NULL CHECK (kind IN ('threshold','rate','usage','anomaly')),
  reading_kind text NOT NULL CHECK (reading_kind <> ''),
  comparison text CHECK (comparison IS NULL OR comparison IN ('above','below')),
  threshold REAL,
  sustain_minutes integer CHECK (sustain_minutes IS NULL OR sustain_minutes BETWEEN 1 AND 1440),
  rate_per_hour REAL,
  window_minutes integer CHECK (window_minutes IS NULL OR window_minutes BETWEEN 2 AND 1440),
  usage_interval REAL CHECK (usage_interval IS NULL OR usage_interval > 0),
  band_sd REAL CHECK (band_sd IS NULL OR band_sd > 0),
  baseline_weeks integer CHECK (baseline_weeks IS NULL OR baseline_weeks BETWEEN 3 AND 52),
  task text NOT NULL CHECK (task <> ''),
  work_order_type text NOT NULL DEFAULT 'inspection' CHECK (work_order_type IN ('install','corrective','preventive','inspection')),
  duration_min integer NOT NULL DEFAULT 60 CHECK (duration_min > 0),
  priority integer NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 4),
  active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version integer NOT NULL DEFAULT 1,
  CHECK ((asset_id IS NULL) <> (asset_model IS NULL)),
  CHECK (kind <> 'threshold' OR (comparison IS NOT NULL AND threshold IS NOT NULL AND sustain_minutes IS NOT NULL)),
  CHECK (kind <> 'rate' OR (comparison IS NOT NULL AND rate_per_hour IS NOT NULL AND window_minutes IS NOT NULL)),
  CHECK (kind <> 'usage' OR usage_interval IS NOT NULL),
  CHECK (kind <> 'anomaly' OR (band_sd IS NOT NULL AND sustain_minutes IS NOT NULL AND baseline_weeks IS NOT NULL))
);
CREATE INDEX condition_rules_asset ON condition_rules(asset_id);
CREATE INDEX condition_rules_model ON condition_rules(asset_model);
-- A rule per asset model finds its assets by model.
CREATE INDEX IF NOT EXISTS assets_model ON assets(model);

CREATE TABLE condition_rule_skills (
  rule_id text NOT NULL REFERENCES condition_rules(id) ON DELETE CASCADE,
  skill_code text NOT NULL REFERENCES skills(code),
  PRIMARY KEY (rule_id, skill_code)
);

-- One breach of a rule on one asset, from the first reading of the breach (started_at)
-- to the evaluation that found it over (cleared_at; NULL while open), with the work order
-- it opened and the readings that fired it (values and times, as text). At most one open
-- episode per rule and asset: two consoles evaluating at once cannot open it twice, and a
-- breach after a recovery is a new episode.
CREATE TABLE condition_episodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id text NOT NULL REFERENCES condition_rules(id) ON DELETE CASCADE,
  asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  started_at text NOT NULL CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  last_seen_at text NOT NULL CHECK (last_seen_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  cleared_at text CHECK (cleared_at IS NULL OR cleared_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  work_order_id text REFERENCES work_orders(id) ON DELETE SET NULL,
  evidence text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  CHECK (last_seen_at >= started_at),
  CHECK (cleared_at IS NULL OR cleared_at >= started_at)
);
CREATE UNIQUE INDEX condition_episodes_open ON condition_episodes(rule_id, asset_id) WHERE cleared_at IS NULL;
CREATE INDEX condition_episodes_work_order ON condition_episodes(work_order_id);
CREATE INDEX condition_episodes_asset ON condition_episodes(asset_id, started_at);

-- In the change feed and the audit log like every planner's table.
CREATE TRIGGER condition_rules_track_insert AFTER INSERT ON condition_rules BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_rules', NEW.id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_rules', NEW.id, 'insert', NULL, json_object('id', NEW.id, 'name', NEW.name, 'asset_id', NEW.asset_id, 'asset_model', NEW.asset_model, 'kind', NEW.kind, 'reading_kind', NEW.reading_kind, 'comparison', NEW.comparison, 'threshold', NEW.threshold, 'sustain_minutes', NEW.sustain_minutes, 'rate_per_hour', NEW.rate_per_hour, 'window_minutes', NEW.window_minutes, 'usage_interval', NEW.usage_interval, 'band_sd', NEW.band_sd, 'baseline_weeks', NEW.baseline_weeks, 'task', NEW.task, 'work_order_type', NEW.work_order_type, 'duration_min', NEW.duration_min, 'priority', NEW.priority, 'active', NEW.active, 'version', NEW.version));
END;
CREATE TRIGGER condition_rules_track_update AFTER UPDATE ON condition_rules BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_rules', NEW.id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_rules', NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'asset_id', OLD.asset_id, 'asset_model', OLD.asset_model, 'kind', OLD.kind, 'reading_kind', OLD.reading_kind, 'comparison', OLD.comparison, 'threshold', OLD.threshold, 'sustain_minutes', OLD.sustain_minutes, 'rate_per_hour', OLD.rate_per_hour, 'window_minutes', OLD.window_minutes, 'usage_interval', OLD.usage_interval, 'band_sd', OLD.band_sd, 'baseline_weeks', OLD.baseline_weeks, 'task', OLD.task, 'work_order_type', OLD.work_order_type, 'duration_min', OLD.duration_min, 'priority', OLD.priority, 'active', OLD.active, 'version', OLD.version), json_object('id', NEW.id, 'name', NEW.name, 'asset_id', NEW.asset_id, 'asset_model', NEW.asset_model, 'kind', NEW.kind, 'reading_kind', NEW.reading_kind, 'comparison', NEW.comparison, 'threshold', NEW.threshold, 'sustain_minutes', NEW.sustain_minutes, 'rate_per_hour', NEW.rate_per_hour, 'window_minutes', NEW.window_minutes, 'usage_interval', NEW.usage_interval, 'band_sd', NEW.band_sd, 'baseline_weeks', NEW.baseline_weeks, 'task', NEW.task, 'work_order_type', NEW.work_order_type, 'duration_min', NEW.duration_min, 'priority', NEW.priority, 'active', NEW.active, 'version', NEW.version));
END;
CREATE TRIGGER condition_rules_track_delete AFTER DELETE ON condition_rules BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_rules', OLD.id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_rules', OLD.id, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'asset_id', OLD.asset_id, 'asset_model', OLD.asset_model, 'kind', OLD.kind, 'reading_kind', OLD.reading_kind, 'comparison', OLD.comparison, 'threshold', OLD.threshold, 'sustain_minutes', OLD.sustain_minutes, 'rate_per_hour', OLD.rate_per_hour, 'window_minutes', OLD.window_minutes, 'usage_interval', OLD.usage_interval, 'band_sd', OLD.band_sd, 'baseline_weeks', OLD.baseline_weeks, 'task', OLD.task, 'work_order_type', OLD.work_order_type, 'duration_min', OLD.duration_min, 'priority', OLD.priority, 'active', OLD.active, 'version', OLD.version), NULL);
END;
CREATE TRIGGER condition_rule_skills_track_insert AFTER INSERT ON condition_rule_skills BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_rule_skills', NEW.rule_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_rule_skills', NEW.rule_id, 'insert', NULL, json_object('rule_id', NEW.rule_id, 'skill_code', NEW.skill_code));
END;
CREATE TRIGGER condition_rule_skills_track_update AFTER UPDATE ON condition_rule_skills BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_rule_skills', NEW.rule_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_rule_skills', NEW.rule_id, 'update', json_object('rule_id', OLD.rule_id, 'skill_code', OLD.skill_code), json_object('rule_id', NEW.rule_id, 'skill_code', NEW.skill_code));
END;
CREATE TRIGGER condition_rule_skills_track_delete AFTER DELETE ON condition_rule_skills BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_rule_skills', OLD.rule_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_rule_skills', OLD.rule_id, 'delete', json_object('rule_id', OLD.rule_id, 'skill_code', OLD.skill_code), NULL);
END;
CREATE TRIGGER condition_episodes_track_insert AFTER INSERT ON condition_episodes BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_episodes', NEW.asset_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_episodes', NEW.asset_id, 'insert', NULL, json_object('id', NEW.id, 'rule_id', NEW.rule_id, 'asset_id', NEW.asset_id, 'started_at', NEW.started_at, 'last_seen_at', NEW.last_seen_at, 'cleared_at', NEW.cleared_at, 'work_order_id', NEW.work_order_id, 'evidence', NEW.evidence, 'version', NEW.version));
END;
CREATE TRIGGER condition_episodes_track_update AFTER UPDATE ON condition_episodes BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_episodes', NEW.asset_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_episodes', NEW.asset_id, 'update', json_object('id', OLD.id, 'rule_id', OLD.rule_id, 'asset_id', OLD.asset_id, 'started_at', OLD.started_at, 'last_seen_at', OLD.last_seen_at, 'cleared_at', OLD.cleared_at, 'work_order_id', OLD.work_order_id, 'evidence', OLD.evidence, 'version', OLD.version), json_object('id', NEW.id, 'rule_id', NEW.rule_id, 'asset_id', NEW.asset_id, 'started_at', NEW.started_at, 'last_seen_at', NEW.last_seen_at, 'cleared_at', NEW.cleared_at, 'work_order_id', NEW.work_order_id, 'evidence', NEW.evidence, 'version', NEW.version));
END;
CREATE TRIGGER condition_episodes_track_delete AFTER DELETE ON condition_episodes BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('condition_episodes', OLD.asset_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'condition_episodes', OLD.asset_id, 'delete', json_object('id', OLD.id, 'rule_id', OLD.rule_id, 'asset_id', OLD.asset_id, 'started_at', OLD.started_at, 'last_seen_at', OLD.last_seen_at, 'cleared_at', OLD.cleared_at, 'work_order_id', OLD.work_order_id, 'evidence', OLD.evidence, 'version', OLD.version), NULL);
END;
