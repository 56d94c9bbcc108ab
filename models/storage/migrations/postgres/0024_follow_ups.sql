-- Follow-up (return) work orders: a visit closed as `needs_parts` opens a work order for
-- the return visit that names the one it follows (models/field/FollowUpOrders), and the
-- parts it lists are reserved at a location (the technician's van when it carries them,
-- else a warehouse holding them), so the stock on hand less what is reserved is what is
-- free to use (models/parts/Reservations). The SQLite script has the same columns and checks.

-- The work order this one is the return visit of; the KPIs count both as one job.
ALTER TABLE work_orders ADD COLUMN follow_up_of text REFERENCES work_orders(id) ON DELETE SET NULL CHECK (follow_up_of <> id);
CREATE INDEX work_orders_follow_up_of ON work_orders(follow_up_of) WHERE follow_up_of IS NOT NULL;

-- Where a listed part is held for the work order (`warehouse:<id>` or `van:<technician id>`);
-- NULL: listed, held nowhere yet (on order).
ALTER TABLE work_order_parts ADD COLUMN reserved_location text CHECK (reserved_location IS NULL OR reserved_location ~ '^(warehouse|van):.+');
CREATE INDEX work_order_parts_reserved ON work_order_parts(sku, reserved_location) WHERE reserved_location IS NOT NULL;

-- The change and audit triggers serialise whole rows (to_jsonb), so both new columns are in
-- the logs by themselves; the table grants of migrations 2 and 21 cover the new columns.
