-- Records edited in the console (work-order intake, master data): what the forms need
-- that the interchange never carried.
-- A work order's longer text beside its one-line summary, and why it was cancelled.
ALTER TABLE work_orders ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE work_orders ADD COLUMN cancel_reason text NOT NULL DEFAULT '';
-- Deactivating a technician keeps their history; inactive technicians get no new work.
ALTER TABLE technicians ADD COLUMN active boolean NOT NULL DEFAULT true;
-- Absences are edited like every other record: versioned writes.
ALTER TABLE absences ADD COLUMN version integer NOT NULL DEFAULT 1;
-- Duplicate detection at intake: open work orders of a site by creation time.
CREATE INDEX IF NOT EXISTS work_orders_site_created ON work_orders(site_id, created_at);
-- Customer search by name prefix (case-insensitive) for the intake's type-ahead.
CREATE INDEX IF NOT EXISTS customers_lower_name ON customers(lower(name) text_pattern_ops);
-- Undoing "New work order" removes the row it created (only while nothing refers to it).
GRANT DELETE ON work_orders TO fieldops_dispatcher, fieldops_planner;
