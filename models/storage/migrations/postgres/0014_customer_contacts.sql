-- The people a customer's office puts the dispatcher in touch with: a name, what they do
-- there (facilities manager, site caretaker, accounts), a phone and an email. The key is
-- the database's; the change feed and the audit log keep a contact under its customer, so
-- the customer's history shows who was added or changed. The SQLite script has the same
-- columns, checks and meaning.
CREATE TABLE customer_contacts (
  id bigserial PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (btrim(name) <> ''),
  role text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX customer_contacts_customer ON customer_contacts(customer_id, name);

CREATE TRIGGER customer_contacts_track AFTER UPDATE ON customer_contacts FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('customer_id', 'audit');
CREATE TRIGGER customer_contacts_track_insert AFTER INSERT ON customer_contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('customer_id', 'audit');
CREATE TRIGGER customer_contacts_track_delete AFTER DELETE ON customer_contacts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('customer_id', 'audit');

-- Every role reads them; whoever edits customers edits their contacts.
GRANT SELECT ON customer_contacts TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON customer_contacts TO fieldops_planner, fieldops_admin;
GRANT USAGE ON SEQUENCE customer_contacts_id_seq TO fieldops_planner, fieldops_admin;
