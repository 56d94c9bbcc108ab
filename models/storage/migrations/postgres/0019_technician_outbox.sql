-- Notices and messages for the technicians' phones, written by the consoles and delivered
-- by the phones' backend: a schedule change of today's visits (written in the same
-- transaction as the change, so both happen or neither), or a dispatcher's free text. The
-- backend reads what is not delivered yet, and writes delivered_at and read_at back; every
-- change is in the change feed, so consoles see the states live. The appointment is kept
-- as text without a reference: a notice outlives an undone booking. The SQLite script has
-- the same columns and checks.
CREATE TABLE technician_outbox (
  id bigserial PRIMARY KEY,
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('schedule_change', 'message')),
  appointment_id text,
  work_order_id text,
  body text NOT NULL CHECK (btrim(body) <> ''),
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  read_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (read_at IS NULL OR delivered_at IS NOT NULL)
);
CREATE INDEX technician_outbox_pending ON technician_outbox(technician_id, created_at) WHERE delivered_at IS NULL;
CREATE INDEX technician_outbox_work_order ON technician_outbox(work_order_id);

CREATE TRIGGER technician_outbox_track AFTER UPDATE ON technician_outbox FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('technician_id', 'audit');
CREATE TRIGGER technician_outbox_track_insert AFTER INSERT ON technician_outbox REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('technician_id', 'audit');
CREATE TRIGGER technician_outbox_track_delete AFTER DELETE ON technician_outbox REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('technician_id', 'audit');

-- Everyone reads it; whoever changes the schedule writes its notices and messages; the
-- delivery states are the phones' backend's, which runs as an admin until it has a role.
GRANT SELECT ON technician_outbox TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT ON technician_outbox TO fieldops_dispatcher, fieldops_planner, fieldops_admin;
GRANT UPDATE (delivered_at, read_at, version) ON technician_outbox TO fieldops_admin;
GRANT USAGE ON SEQUENCE technician_outbox_id_seq TO fieldops_dispatcher, fieldops_planner, fieldops_admin;
