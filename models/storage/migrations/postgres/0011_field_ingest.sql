-- The field gateway's events (fieldops-cli ingest): how a visit ended, the parts used on
-- it, how accurate a phone's position is, and the readings of the assets.

-- How a visit ended, as the technician's phone reports it. outcome_reason says why an
-- unresolved visit did not fix the job; signed_by is who signed for the work on site.
ALTER TABLE appointments ADD COLUMN departed_at timestamptz;
ALTER TABLE appointments ADD COLUMN outcome_reason text CHECK (outcome_reason IN ('needs_parts','customer_absent','second_visit','referred'));
ALTER TABLE appointments ADD COLUMN outcome_notes text NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN signed_by text NOT NULL DEFAULT '';

-- The phone's own estimate of its position error, in metres.
ALTER TABLE positions ADD COLUMN accuracy_m double precision CHECK (accuracy_m IS NULL OR accuracy_m >= 0);

-- Parts taken from a van or a warehouse for a visit; stock at that location goes down by
-- the same quantity in the same transaction.
CREATE TABLE parts_used (
  id bigserial PRIMARY KEY,
  appointment_id text NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
  sku text NOT NULL REFERENCES parts(sku),
  quantity double precision NOT NULL CHECK (quantity > 0),
  location text NOT NULL CHECK (location ~ '^(warehouse|van):.+'),
  at timestamptz NOT NULL
);
CREATE INDEX parts_used_appointment ON parts_used(appointment_id);
CREATE INDEX parts_used_sku ON parts_used(sku, at);

-- Readings of an asset's meters and sensors. The standard kinds have one unit each (the
-- CHECK below and domain/Vocabulary.h agree); other kinds keep the unit of their first
-- reading per asset, which the ingest enforces.
CREATE TABLE asset_readings (
  id bigserial PRIMARY KEY,
  asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind <> ''),
  value double precision NOT NULL,
  unit text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  CHECK ((kind = 'runtime_hours' AND unit = 'h') OR (kind = 'cycles' AND unit = 'count')
         OR (kind = 'temperature' AND unit = '°C') OR (kind = 'pressure' AND unit = 'bar')
         OR (kind = 'vibration' AND unit = 'mm/s')
         OR kind NOT IN ('runtime_hours','cycles','temperature','pressure','vibration'))
);
CREATE INDEX asset_readings_asset_kind_at ON asset_readings(asset_id, kind, at);

-- Per asset, kind and UTC hour: how many readings, their least, greatest and sum, kept by
-- the ingest in the same transaction, so an asset-health view or a condition rule reads
-- a few rows per day instead of every reading.
CREATE TABLE asset_reading_hours (
  asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  kind text NOT NULL,
  hour timestamptz NOT NULL CHECK (date_trunc('hour', hour AT TIME ZONE 'UTC') = hour AT TIME ZONE 'UTC'), -- a whole UTC hour, whatever the session's zone
  count integer NOT NULL CHECK (count > 0),
  min double precision NOT NULL,
  max double precision NOT NULL,
  sum double precision NOT NULL,
  PRIMARY KEY (asset_id, kind, hour)
);

-- In the change feed as the tables of version 1 are since migration 5: inserts and
-- deletes logged per statement, updates per row. Parts used are audited like stock;
-- readings and their hours are telemetry like positions, not worth an audit row each.
CREATE TRIGGER parts_used_track AFTER UPDATE ON parts_used FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('appointment_id', 'audit');
CREATE TRIGGER parts_used_track_insert AFTER INSERT ON parts_used REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('appointment_id', 'audit');
CREATE TRIGGER parts_used_track_delete AFTER DELETE ON parts_used REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('appointment_id', 'audit');
CREATE TRIGGER asset_readings_track AFTER UPDATE ON asset_readings FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('asset_id', 'noaudit');
CREATE TRIGGER asset_readings_track_insert AFTER INSERT ON asset_readings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'noaudit');
CREATE TRIGGER asset_readings_track_delete AFTER DELETE ON asset_readings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'noaudit');
CREATE TRIGGER asset_reading_hours_track AFTER UPDATE ON asset_reading_hours FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('asset_id', 'noaudit');
CREATE TRIGGER asset_reading_hours_track_insert AFTER INSERT ON asset_reading_hours REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'noaudit');
CREATE TRIGGER asset_reading_hours_track_delete AFTER DELETE ON asset_reading_hours REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'noaudit');

-- Every role reads them (the default privileges of migration 2); the ingest writes as an
-- admin until a field-gateway role of its own exists.
GRANT SELECT ON parts_used, asset_readings, asset_reading_hours TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON parts_used, asset_readings, asset_reading_hours TO fieldops_admin;
GRANT USAGE ON SEQUENCE parts_used_id_seq, asset_readings_id_seq TO fieldops_admin;
