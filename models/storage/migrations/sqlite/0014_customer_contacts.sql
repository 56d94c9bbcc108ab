-- The people a customer's office puts the dispatcher in touch with: a name, what they do
-- there (facilities manager, site caretaker, accounts), a phone and an email. The key is
-- the database's; the change feed and the audit log keep a contact under its customer, so
-- the customer's history shows who was added or changed. The same columns, checks and
-- meaning as the PostgreSQL script.
CREATE TABLE customer_contacts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (trim(name) <> ''),
  role text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX customer_contacts_customer ON customer_contacts(customer_id, name);

CREATE TRIGGER customer_contacts_track_insert AFTER INSERT ON customer_contacts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('customer_contacts', NEW.customer_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'customer_contacts', NEW.customer_id, 'insert', NULL, json_object('id', NEW.id, 'customer_id', NEW.customer_id, 'name', NEW.name, 'role', NEW.role, 'phone', NEW.phone, 'email', NEW.email, 'version', NEW.version));
END;
CREATE TRIGGER customer_contacts_track_update AFTER UPDATE ON customer_contacts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('customer_contacts', NEW.customer_id, 'update', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'customer_contacts', NEW.customer_id, 'update', json_object('id', OLD.id, 'customer_id', OLD.customer_id, 'name', OLD.name, 'role', OLD.role, 'phone', OLD.phone, 'email', OLD.email, 'version', OLD.version), json_object('id', NEW.id, 'customer_id', NEW.customer_id, 'name', NEW.name, 'role', NEW.role, 'phone', NEW.phone, 'email', NEW.email, 'version', NEW.version));
END;
CREATE TRIGGER customer_contacts_track_delete AFTER DELETE ON customer_contacts BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('customer_contacts', OLD.customer_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'customer_contacts', OLD.customer_id, 'delete', json_object('id', OLD.id, 'customer_id', OLD.customer_id, 'name', OLD.name, 'role', OLD.role, 'phone', OLD.phone, 'email', OLD.email, 'version', OLD.version), NULL);
END;
