-- Follow-up (return) work orders: a visit closed as `needs_parts` opens a work order for
-- the return visit that names the one it follows (models/field/FollowUpOrders), and the
-- parts it lists are reserved at a location (the technician's van when it carries them,
-- else a warehouse holding them), so the stock on hand less what is reserved is what is
-- free to use (models/parts/Reservations). The PostgreSQL script has the same columns and
-- checks; work_orders' change triggers are written again after this script (they name
-- every column), work_order_parts' below.

-- The work order this one is the return visit of; the KPIs count both as one job.
ALTER TABLE work_orders ADD COLUMN follow_up_of text REFERENCES work_orders(id) ON DELETE SET NULL CHECK (follow_up_of <> id);
CREATE INDEX work_orders_follow_up_of ON work_orders(follow_up_of) WHERE follow_up_of IS NOT NULL;

-- Where a listed part is held for the work order (`warehouse:<id>` or `van:<technician id>`);
-- NULL: listed, held nowhere yet (on order).
ALTER TABLE work_order_parts ADD COLUMN reserved_location text CHECK (reserved_location IS NULL OR reserved_location GLOB 'warehouse:?*' OR reserved_location GLOB 'van:?*');
CREATE INDEX work_order_parts_reserved ON work_order_parts(sku, reserved_location) WHERE reserved_location IS NOT NULL;

DROP TRIGGER IF EXISTS work_order_parts_track_insert;
DROP TRIGGER IF EXISTS work_order_parts_track_update;
DROP TRIGGER IF EXISTS work_order_parts_track_delete;
CREATE TRIGGER work_order_parts_track_insert AFTER INSERT ON work_order_parts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('work_order_parts', NEW.work_order_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'work_order_parts', NEW.work_order_id, 'insert', NULL, json_object('work_order_id', NEW.work_order_id, 'sku', NEW.sku, 'quantity', NEW.quantity, 'reserved_location', NEW.reserved_location));
END;
CREATE TRIGGER work_order_parts_track_update AFTER UPDATE ON work_order_parts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('work_order_parts', NEW.work_order_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'work_order_parts', NEW.work_order_id, 'update', json_object('work_order_id', OLD.work_order_id, 'sku', OLD.sku, 'quantity', OLD.quantity, 'reserved_location', OLD.reserved_location), json_object('work_order_id', NEW.work_order_id, 'sku', NEW.sku, 'quantity', NEW.quantity, 'reserved_location', NEW.reserved_location));
END;
CREATE TRIGGER work_order_parts_track_delete AFTER DELETE ON work_order_parts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('work_order_parts', OLD.work_order_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'work_order_parts', OLD.work_order_id, 'delete', json_object('work_order_id', OLD.work_order_id, 'sku', OLD.sku, 'quantity', OLD.quantity, 'reserved_location', OLD.reserved_location), NULL);
END;
