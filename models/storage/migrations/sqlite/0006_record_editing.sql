-- Records edited in the console (work-order intake, master data): what the forms need
-- that the interchange never carried. The change-tracking triggers are written again
-- after this script so the audit log carries the new columns.
ALTER TABLE work_orders ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE work_orders ADD COLUMN cancel_reason text NOT NULL DEFAULT '';
ALTER TABLE technicians ADD COLUMN active integer NOT NULL DEFAULT 1;
ALTER TABLE absences ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE INDEX IF NOT EXISTS work_orders_site_created ON work_orders(site_id, created_at);
CREATE INDEX IF NOT EXISTS customers_lower_name ON customers(lower(name));
