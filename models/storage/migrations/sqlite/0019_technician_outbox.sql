-- Notices and messages for the technicians' phones, written by the consoles and delivered
-- by the phones' backend: a schedule change of today's visits (written in the same
-- transaction as the change, so both happen or neither), or a dispatcher's free text. The
-- backend reads what is not delivered yet, and writes delivered_at and read_at back; every
-- change is in the change feed, so consoles see the states live. The appointment is kept
-- as text without a reference: a notice outlives an undone booking. The PostgreSQL script
-- has the same columns and checks.
CREATE TABLE technician_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('schedule_change', 'message')),
  appointment_id text,
  work_order_id text,
  body text NOT NULL CHECK (trim(body) <> ''),
  created_at text NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  delivered_at text CHECK (delivered_at IS NULL OR delivered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  read_at text CHECK (read_at IS NULL OR read_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  version integer NOT NULL DEFAULT 1,
  CHECK (read_at IS NULL OR delivered_at IS NOT NULL)
);
CREATE INDEX technician_outbox_pending ON technician_outbox(technician_id, created_at) WHERE delivered_at IS NULL;
CREATE INDEX technician_outbox_work_order ON technician_outbox(work_order_id);

CREATE TRIGGER technician_outbox_track_insert AFTER INSERT ON technician_outbox BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('technician_outbox', NEW.technician_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'technician_outbox', NEW.technician_id, 'insert', NULL, json_object('id', NEW.id, 'technician_id', NEW.technician_id, 'kind', NEW.kind, 'appointment_id', NEW.appointment_id, 'work_order_id', NEW.work_order_id, 'body', NEW.body, 'created_at', NEW.created_at, 'delivered_at', NEW.delivered_at, 'read_at', NEW.read_at, 'version', NEW.version));
END;
CREATE TRIGGER technician_outbox_track_update AFTER UPDATE ON technician_outbox BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('technician_outbox', NEW.technician_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'technician_outbox', NEW.technician_id, 'update', json_object('id', OLD.id, 'technician_id', OLD.technician_id, 'kind', OLD.kind, 'appointment_id', OLD.appointment_id, 'work_order_id', OLD.work_order_id, 'body', OLD.body, 'created_at', OLD.created_at, 'delivered_at', OLD.delivered_at, 'read_at', OLD.read_at, 'version', OLD.version), json_object('id', NEW.id, 'technician_id', NEW.technician_id, 'kind', NEW.kind, 'appointment_id', NEW.appointment_id, 'work_order_id', NEW.work_order_id, 'body', NEW.body, 'created_at', NEW.created_at, 'delivered_at', NEW.delivered_at, 'read_at', NEW.read_at, 'version', NEW.version));
END;
CREATE TRIGGER technician_outbox_track_delete AFTER DELETE ON technician_outbox BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('technician_outbox', OLD.technician_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'technician_outbox', OLD.technician_id, 'delete', json_object('id', OLD.id, 'technician_id', OLD.technician_id, 'kind', OLD.kind, 'appointment_id', OLD.appointment_id, 'work_order_id', OLD.work_order_id, 'body', OLD.body, 'created_at', OLD.created_at, 'delivered_at', OLD.delivered_at, 'read_at', OLD.read_at, 'version', OLD.version), NULL);
END;
