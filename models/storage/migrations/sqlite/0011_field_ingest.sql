-- The field gateway's events (fieldops-cli ingest): how a visit ended, the parts used on
-- it, how accurate a phone's position is, and the readings of the assets. The same
-- columns and meaning as the PostgreSQL script; the change-tracking triggers of the
-- older tables are written again after this script so the audit log carries the new
-- columns of appointments and positions.

-- How a visit ended, as the technician's phone reports it. outcome_reason says why an
-- unresolved visit did not fix the job; signed_by is who signed for the work on site.
ALTER TABLE appointments ADD COLUMN departed_at text CHECK (departed_at IS NULL OR departed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z');
ALTER TABLE appointments ADD COLUMN outcome_reason text CHECK (outcome_reason IS NULL OR outcome_reason IN ('needs_parts','customer_absent','second_visit','referred'));
ALTER TABLE appointments ADD COLUMN outcome_notes text NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN signed_by text NOT NULL DEFAULT '';

-- The phone's own estimate of its position error, in metres.
ALTER TABLE positions ADD COLUMN accuracy_m REAL CHECK (accuracy_m IS NULL OR accuracy_m >= 0);

-- Parts taken from a van or a warehouse for a visit; stock at that location goes down by
-- the same quantity in the same transaction.
CREATE TABLE parts_used (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  appointment_id text NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
  sku text NOT NULL REFERENCES parts(sku),
  quantity REAL NOT NULL CHECK (quantity > 0),
  location text NOT NULL CHECK (location GLOB 'warehouse:?*' OR location GLOB 'van:?*'),
  at text NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
);
CREATE INDEX parts_used_appointment ON parts_used(appointment_id);
CREATE INDEX parts_used_sku ON parts_used(sku, at);

-- Readings of an asset's meters and sensors. The standard kinds have one unit each (the
-- CHECK below and domain/Vocabulary.h agree); other kinds keep the unit of their first
-- reading per asset, which the ingest enforces.
CREATE TABLE asset_readings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  at text NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  kind text NOT NULL CHECK (kind <> ''),
  value REAL NOT NULL,
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
  hour text NOT NULL CHECK (hour GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:00:00Z'),
  count integer NOT NULL CHECK (count > 0),
  min REAL NOT NULL,
  max REAL NOT NULL,
  sum REAL NOT NULL,
  PRIMARY KEY (asset_id, kind, hour)
);

-- In the change feed. Parts used are audited like stock; readings and their hours are
-- telemetry like positions: in the change feed, not worth an audit row each.
CREATE TRIGGER parts_used_track_insert AFTER INSERT ON parts_used BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('parts_used', NEW.appointment_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'parts_used', NEW.appointment_id, 'insert', NULL, json_object('id', NEW.id, 'appointment_id', NEW.appointment_id, 'sku', NEW.sku, 'quantity', NEW.quantity, 'location', NEW.location, 'at', NEW.at));
END;
CREATE TRIGGER parts_used_track_update AFTER UPDATE ON parts_used BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('parts_used', NEW.appointment_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'parts_used', NEW.appointment_id, 'update', json_object('id', OLD.id, 'appointment_id', OLD.appointment_id, 'sku', OLD.sku, 'quantity', OLD.quantity, 'location', OLD.location, 'at', OLD.at), json_object('id', NEW.id, 'appointment_id', NEW.appointment_id, 'sku', NEW.sku, 'quantity', NEW.quantity, 'location', NEW.location, 'at', NEW.at));
END;
CREATE TRIGGER parts_used_track_delete AFTER DELETE ON parts_used BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('parts_used', OLD.appointment_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'parts_used', OLD.appointment_id, 'delete', json_object('id', OLD.id, 'appointment_id', OLD.appointment_id, 'sku', OLD.sku, 'quantity', OLD.quantity, 'location', OLD.location, 'at', OLD.at), NULL);
END;
CREATE TRIGGER asset_readings_track_insert AFTER INSERT ON asset_readings BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('asset_readings', NEW.asset_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
END;
CREATE TRIGGER asset_readings_track_update AFTER UPDATE ON asset_readings BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('asset_readings', NEW.asset_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
END;
CREATE TRIGGER asset_readings_track_delete AFTER DELETE ON asset_readings BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('asset_readings', OLD.asset_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
END;
CREATE TRIGGER asset_reading_hours_track_insert AFTER INSERT ON asset_reading_hours BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('asset_reading_hours', NEW.asset_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
END;
CREATE TRIGGER asset_reading_hours_track_update AFTER UPDATE ON asset_reading_hours BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('asset_reading_hours', NEW.asset_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
END;
CREATE TRIGGER asset_reading_hours_track_delete AFTER DELETE ON asset_reading_hours BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('asset_reading_hours', OLD.asset_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
END;
