-- Condition rules (fieldops-cli evaluate-conditions): rules on an asset's readings that
-- open a work order when they are breached, and the episodes of each breach. The SQLite
-- script has the same columns, checks and meaning.

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
  comparison text CHECK (comparison IN ('above','below')),
  threshold double precision,
  sustain_minutes integer CHECK (sustain_minutes BETWEEN 1 AND 1440),
  rate_per_hour double precision,
  window_minutes integer CHECK (window_minutes BETWEEN 2 AND 1440),
  usage_interval double precision CHECK (usage_interval > 0),
  band_sd double precision CHECK (band_sd > 0),
  baseline_weeks integer CHECK (baseline_weeks BETWEEN 3 AND 52),
  task text NOT NULL CHECK (task <> ''),
  work_order_type text NOT NULL DEFAULT 'inspection' CHECK (work_order_type IN ('install','corrective','preventive','inspection')),
  duration_min integer NOT NULL DEFAULT 60 CHECK (duration_min > 0),
  priority integer NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 4),
  active boolean NOT NULL DEFAULT true,
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
  id bigserial PRIMARY KEY,
  rule_id text NOT NULL REFERENCES condition_rules(id) ON DELETE CASCADE,
  asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  started_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  cleared_at timestamptz,
  work_order_id text REFERENCES work_orders(id) ON DELETE SET NULL,
  evidence text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  CHECK (last_seen_at >= started_at),
  CHECK (cleared_at IS NULL OR cleared_at >= started_at)
);
CREATE UNIQUE INDEX condition_episodes_open ON condition_episodes(rule_id, asset_id) WHERE cleared_at IS NULL;
CREATE INDEX condition_episodes_work_order ON condition_episodes(work_order_id);
CREATE INDEX condition_episodes_asset ON condition_episodes(asset_id, started_at);

-- In the change feed and the audit log like the planner's tables (migration 5's form).
CREATE TRIGGER condition_rules_track AFTER UPDATE ON condition_rules FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('id', 'audit');
CREATE TRIGGER condition_rules_track_insert AFTER INSERT ON condition_rules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('id', 'audit');
CREATE TRIGGER condition_rules_track_delete AFTER DELETE ON condition_rules REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('id', 'audit');
CREATE TRIGGER condition_rule_skills_track AFTER UPDATE ON condition_rule_skills FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('rule_id', 'audit');
CREATE TRIGGER condition_rule_skills_track_insert AFTER INSERT ON condition_rule_skills REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('rule_id', 'audit');
CREATE TRIGGER condition_rule_skills_track_delete AFTER DELETE ON condition_rule_skills REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('rule_id', 'audit');
CREATE TRIGGER condition_episodes_track AFTER UPDATE ON condition_episodes FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('asset_id', 'audit');
CREATE TRIGGER condition_episodes_track_insert AFTER INSERT ON condition_episodes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'audit');
CREATE TRIGGER condition_episodes_track_delete AFTER DELETE ON condition_episodes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'audit');

-- Every role reads them; planners write rules; whoever may open work orders may run the
-- evaluation, which writes episodes beside the work orders it opens.
GRANT SELECT ON condition_rules, condition_rule_skills, condition_episodes TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON condition_rules, condition_rule_skills TO fieldops_planner, fieldops_admin;
GRANT INSERT, UPDATE ON condition_episodes TO fieldops_dispatcher, fieldops_planner, fieldops_admin;
GRANT USAGE ON SEQUENCE condition_episodes_id_seq TO fieldops_dispatcher, fieldops_planner, fieldops_admin;
