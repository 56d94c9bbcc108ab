-- Parts on hand and on order: a reorder point per part and location, the parts a work
-- order needs, and the record of stock moved between locations (a warehouse, or a
-- technician's van, `van:<technician id>`). A transfer is written with both stock rows it
-- moves in one transaction (models/parts/StockRepository), which refuses to take a
-- location below zero. The SQLite script has the same columns and checks.

-- Below this quantity a part is on the reorder list of its location (0: never).
ALTER TABLE stock ADD COLUMN min_quantity double precision NOT NULL DEFAULT 0 CHECK (min_quantity >= 0);

-- What a work order needs brought to the site; the board, the inspector and the
-- suggestions compare it with the assigned technician's van.
CREATE TABLE work_order_parts (
  work_order_id text NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  sku text NOT NULL REFERENCES parts(sku),
  quantity double precision NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (work_order_id, sku)
);
CREATE INDEX work_order_parts_sku ON work_order_parts(sku);

CREATE TABLE stock_transfers (
  id bigserial PRIMARY KEY,
  sku text NOT NULL REFERENCES parts(sku),
  from_location text NOT NULL CHECK (from_location ~ '^(warehouse|van):.+'),
  to_location text NOT NULL CHECK (to_location ~ '^(warehouse|van):.+'),
  quantity double precision NOT NULL CHECK (quantity > 0),
  at timestamptz NOT NULL,
  moved_by text NOT NULL DEFAULT '',
  CHECK (from_location <> to_location)
);
CREATE INDEX stock_transfers_sku ON stock_transfers(sku, at);

-- In the change feed and the audit log as the tables of version 1 are since migration 5:
-- inserts and deletes logged per statement, updates per row (stock's new column is in its
-- rows' JSON by itself).
CREATE TRIGGER work_order_parts_track AFTER UPDATE ON work_order_parts FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('work_order_id', 'audit');
CREATE TRIGGER work_order_parts_track_insert AFTER INSERT ON work_order_parts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('work_order_id', 'audit');
CREATE TRIGGER work_order_parts_track_delete AFTER DELETE ON work_order_parts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('work_order_id', 'audit');
CREATE TRIGGER stock_transfers_track AFTER UPDATE ON stock_transfers FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('sku', 'audit');
CREATE TRIGGER stock_transfers_track_insert AFTER INSERT ON stock_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('sku', 'audit');
CREATE TRIGGER stock_transfers_track_delete AFTER DELETE ON stock_transfers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('sku', 'audit');

-- Every role reads them (the default privileges of migration 2). Dispatchers and planners
-- say what a work order needs and move stock between locations; admins do everything.
GRANT SELECT ON work_order_parts, stock_transfers TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, DELETE, UPDATE ON work_order_parts TO fieldops_dispatcher, fieldops_planner, fieldops_admin;
GRANT INSERT ON stock_transfers TO fieldops_dispatcher, fieldops_planner;
GRANT INSERT, UPDATE, DELETE ON stock_transfers TO fieldops_admin;
GRANT INSERT, UPDATE (quantity) ON stock TO fieldops_dispatcher, fieldops_planner;
GRANT USAGE ON SEQUENCE stock_transfers_id_seq, stock_id_seq TO fieldops_dispatcher, fieldops_planner, fieldops_admin;
