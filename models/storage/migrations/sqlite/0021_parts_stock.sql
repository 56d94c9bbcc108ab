-- Parts on hand and on order: a reorder point per part and location, the parts a work
-- order needs, and the record of stock moved between locations (a warehouse, or a
-- technician's van, `van:<technician id>`). A transfer is written with both stock rows it
-- moves in one transaction (models/parts/StockRepository), which refuses to take a
-- location below zero. The PostgreSQL script has the same columns and checks; stock's
-- change triggers are written again after this script (they name every column).

-- Below this quantity a part is on the reorder list of its location (0: never).
ALTER TABLE stock ADD COLUMN min_quantity REAL NOT NULL DEFAULT 0 CHECK (min_quantity >= 0);

-- What a work order needs brought to the site; the board, the inspector and the
-- suggestions compare it with the assigned technician's van.
CREATE TABLE work_order_parts (
  work_order_id text NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  sku text NOT NULL REFERENCES parts(sku),
  quantity REAL NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (work_order_id, sku)
);
CREATE INDEX work_order_parts_sku ON work_order_parts(sku);

CREATE TABLE stock_transfers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sku text NOT NULL REFERENCES parts(sku),
  from_location text NOT NULL CHECK (from_location GLOB 'warehouse:?*' OR from_location GLOB 'van:?*'),
  to_location text NOT NULL CHECK (to_location GLOB 'warehouse:?*' OR to_location GLOB 'van:?*'),
  quantity REAL NOT NULL CHECK (quantity > 0),
  at text NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  moved_by text NOT NULL DEFAULT '',
  CHECK (from_location <> to_location)
);
CREATE INDEX stock_transfers_sku ON stock_transfers(sku, at);

CREATE TRIGGER work_order_parts_track_insert AFTER INSERT ON work_order_parts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('work_order_parts', NEW.work_order_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'work_order_parts', NEW.work_order_id, 'insert', NULL, json_object('work_order_id', NEW.work_order_id, 'sku', NEW.sku, 'quantity', NEW.quantity));
END;
CREATE TRIGGER work_order_parts_track_update AFTER UPDATE ON work_order_parts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('work_order_parts', NEW.work_order_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'work_order_parts', NEW.work_order_id, 'update', json_object('work_order_id', OLD.work_order_id, 'sku', OLD.sku, 'quantity', OLD.quantity), json_object('work_order_id', NEW.work_order_id, 'sku', NEW.sku, 'quantity', NEW.quantity));
END;
CREATE TRIGGER work_order_parts_track_delete AFTER DELETE ON work_order_parts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('work_order_parts', OLD.work_order_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'work_order_parts', OLD.work_order_id, 'delete', json_object('work_order_id', OLD.work_order_id, 'sku', OLD.sku, 'quantity', OLD.quantity), NULL);
END;
CREATE TRIGGER stock_transfers_track_insert AFTER INSERT ON stock_transfers BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('stock_transfers', NEW.sku, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'stock_transfers', NEW.sku, 'insert', NULL, json_object('id', NEW.id, 'sku', NEW.sku, 'from_location', NEW.from_location, 'to_location', NEW.to_location, 'quantity', NEW.quantity, 'at', NEW.at, 'moved_by', NEW.moved_by));
END;
CREATE TRIGGER stock_transfers_track_update AFTER UPDATE ON stock_transfers BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('stock_transfers', NEW.sku, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'stock_transfers', NEW.sku, 'update', json_object('id', OLD.id, 'sku', OLD.sku, 'from_location', OLD.from_location, 'to_location', OLD.to_location, 'quantity', OLD.quantity, 'at', OLD.at, 'moved_by', OLD.moved_by), json_object('id', NEW.id, 'sku', NEW.sku, 'from_location', NEW.from_location, 'to_location', NEW.to_location, 'quantity', NEW.quantity, 'at', NEW.at, 'moved_by', NEW.moved_by));
END;
CREATE TRIGGER stock_transfers_track_delete AFTER DELETE ON stock_transfers BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('stock_transfers', OLD.sku, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'stock_transfers', OLD.sku, 'delete', json_object('id', OLD.id, 'sku', OLD.sku, 'from_location', OLD.from_location, 'to_location', OLD.to_location, 'quantity', OLD.quantity, 'at', OLD.at, 'moved_by', OLD.moved_by), NULL);
END;
