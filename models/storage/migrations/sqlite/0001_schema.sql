-- FieldOps schema v1 (SQLite). Times are text 'YYYY-MM-DDTHH:MM:SSZ' (UTC), which sorts
-- and compares like the instant it names; the CHECKs keep every writer to that one form.
-- Change-log and audit triggers are installed by ChangeTracking after this script.
CREATE TABLE skills (
  code text PRIMARY KEY CHECK (code <> ''),
  name text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE territories (
  id text PRIMARY KEY CHECK (id <> ''),
  name text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE technicians (
  id text PRIMARY KEY CHECK (id <> ''),
  name text NOT NULL CHECK (name <> ''),
  employment text NOT NULL DEFAULT 'employee' CHECK (employment IN ('employee','part_time','contractor')),
  territory_id text REFERENCES territories(id),
  home_lat REAL NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
  home_lon REAL NOT NULL CHECK (home_lon BETWEEN -180 AND 180),
  time_zone text NOT NULL DEFAULT 'UTC',
  shift_start text NOT NULL DEFAULT '08:00',
  shift_end text NOT NULL DEFAULT '17:00',
  work_days text NOT NULL DEFAULT 'Mon;Tue;Wed;Thu;Fri',
  hourly_cost REAL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX technicians_territory ON technicians(territory_id);

CREATE TABLE technician_skills (
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  skill_code text NOT NULL REFERENCES skills(code),
  PRIMARY KEY (technician_id, skill_code)
);

CREATE TABLE absences (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  start_at text NOT NULL CHECK (start_at IS NULL OR start_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  end_at text NOT NULL CHECK (end_at IS NULL OR end_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  reason text NOT NULL DEFAULT '',
  CHECK (end_at > start_at)
);
CREATE INDEX absences_technician ON absences(technician_id, start_at);

CREATE TABLE customers (
  id text PRIMARY KEY CHECK (id <> ''),
  name text NOT NULL CHECK (name <> ''),
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE sites (
  id text PRIMARY KEY CHECK (id <> ''),
  customer_id text NOT NULL REFERENCES customers(id),
  name text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  time_zone text NOT NULL DEFAULT 'UTC',
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX sites_customer ON sites(customer_id);

CREATE TABLE assets (
  id text PRIMARY KEY CHECK (id <> ''),
  site_id text NOT NULL REFERENCES sites(id),
  serial text NOT NULL DEFAULT '',
  model text NOT NULL DEFAULT '',
  installed_on text,
  warranty_until text,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX assets_site ON assets(site_id);

CREATE TABLE contracts (
  id text PRIMARY KEY CHECK (id <> ''),
  customer_id text NOT NULL REFERENCES customers(id),
  name text NOT NULL DEFAULT '',
  starts_on text NOT NULL,
  ends_on text NOT NULL,
  response_hours integer CHECK (response_hours IS NULL OR response_hours > 0),
  coverage text NOT NULL DEFAULT 'business_hours' CHECK (coverage IN ('24x7','business_hours')),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on)
);

CREATE TABLE maintenance_plans (
  id text PRIMARY KEY CHECK (id <> ''),
  contract_id text NOT NULL REFERENCES contracts(id),
  asset_id text REFERENCES assets(id),
  task text NOT NULL CHECK (task <> ''),
  interval_days integer NOT NULL CHECK (interval_days > 0),
  duration_min integer NOT NULL CHECK (duration_min > 0),
  next_due text NOT NULL,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE maintenance_plan_skills (
  plan_id text NOT NULL REFERENCES maintenance_plans(id) ON DELETE CASCADE,
  skill_code text NOT NULL REFERENCES skills(code),
  PRIMARY KEY (plan_id, skill_code)
);

CREATE TABLE work_orders (
  id text PRIMARY KEY CHECK (id <> ''),
  site_id text NOT NULL REFERENCES sites(id),
  asset_id text REFERENCES assets(id),
  contract_id text REFERENCES contracts(id),
  type text NOT NULL DEFAULT 'corrective' CHECK (type IN ('install','corrective','preventive','inspection')),
  priority integer NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 4),
  duration_min integer NOT NULL CHECK (duration_min > 0),
  window_start text CHECK (window_start IS NULL OR window_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  window_end text CHECK (window_end IS NULL OR window_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  created_at text NOT NULL CHECK (created_at IS NULL OR created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  sla_due text CHECK (sla_due IS NULL OR sla_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','scheduled','in_progress','done','cancelled')),
  summary text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  CHECK (window_start IS NULL OR window_end IS NULL OR window_end > window_start)
);
CREATE INDEX work_orders_status ON work_orders(status);
CREATE INDEX work_orders_site ON work_orders(site_id);
CREATE INDEX work_orders_sla ON work_orders(sla_due);

CREATE TABLE work_order_skills (
  work_order_id text NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  skill_code text NOT NULL REFERENCES skills(code),
  PRIMARY KEY (work_order_id, skill_code)
);

CREATE TABLE appointments (
  id text PRIMARY KEY CHECK (id <> ''),
  work_order_id text NOT NULL REFERENCES work_orders(id),
  technician_id text NOT NULL REFERENCES technicians(id),
  start_at text NOT NULL CHECK (start_at IS NULL OR start_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  end_at text NOT NULL CHECK (end_at IS NULL OR end_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('tentative','scheduled','en_route','on_site','completed','cancelled')),
  arrived_at text CHECK (arrived_at IS NULL OR arrived_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  completed_at text CHECK (completed_at IS NULL OR completed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0,1)),
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0,1)),
  version integer NOT NULL DEFAULT 1,
  CHECK (end_at > start_at)
);
CREATE INDEX appointments_technician_start ON appointments(technician_id, start_at);
CREATE INDEX appointments_technician_end ON appointments(technician_id, end_at);

-- Double booking is impossible at the database (the README's developers' section): SQLite has no
-- exclusion constraints, so these triggers abort with a message the storage layer maps
-- to the same DoubleBooking error as PostgreSQL's SQLSTATE 23P01.
CREATE TRIGGER appointments_no_double_booking_insert
BEFORE INSERT ON appointments
WHEN NEW.status <> 'cancelled'
BEGIN
  SELECT RAISE(ABORT, 'fieldops_double_booking')
  WHERE EXISTS (SELECT 1 FROM appointments a
                WHERE a.technician_id = NEW.technician_id AND a.id <> NEW.id
                  AND a.status <> 'cancelled'
                  AND a.end_at > NEW.start_at AND a.start_at < NEW.end_at);
END;

CREATE TRIGGER appointments_no_double_booking_update
BEFORE UPDATE OF technician_id, start_at, end_at, status ON appointments
WHEN NEW.status <> 'cancelled'
BEGIN
  SELECT RAISE(ABORT, 'fieldops_double_booking')
  WHERE EXISTS (SELECT 1 FROM appointments a
                WHERE a.technician_id = NEW.technician_id AND a.id <> NEW.id
                  AND a.status <> 'cancelled'
                  AND a.end_at > NEW.start_at AND a.start_at < NEW.end_at);
END;
CREATE INDEX appointments_work_order ON appointments(work_order_id);
CREATE INDEX appointments_start ON appointments(start_at);
CREATE INDEX appointments_completed ON appointments(completed_at);

CREATE TABLE ratings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  work_order_id text NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  rated_at text CHECK (rated_at IS NULL OR rated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
);
CREATE INDEX ratings_work_order ON ratings(work_order_id);

CREATE TABLE time_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  technician_id text NOT NULL REFERENCES technicians(id),
  work_order_id text NOT NULL REFERENCES work_orders(id),
  start_at text NOT NULL CHECK (start_at IS NULL OR start_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  end_at text NOT NULL CHECK (end_at IS NULL OR end_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  billable INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0,1)),
  activity text NOT NULL DEFAULT '',
  comment text NOT NULL DEFAULT '',
  CHECK (end_at > start_at)
);
CREATE INDEX time_entries_technician ON time_entries(technician_id, start_at);
CREATE INDEX time_entries_start ON time_entries(start_at);

CREATE TABLE parts (
  sku text PRIMARY KEY CHECK (sku <> ''),
  name text NOT NULL CHECK (name <> ''),
  unit_cost REAL,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE stock (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sku text NOT NULL REFERENCES parts(sku),
  location text NOT NULL CHECK (location GLOB 'warehouse:*' OR location GLOB 'van:*'),
  quantity REAL NOT NULL,
  UNIQUE (sku, location)
);

CREATE TABLE positions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  at text NOT NULL CHECK (at IS NULL OR at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  speed_kmh REAL,
  heading_deg REAL
);
CREATE INDEX positions_technician_at ON positions(technician_id, at);

CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity text NOT NULL,
  entity_id text NOT NULL,
  op text NOT NULL CHECK (op IN ('insert','update','delete')),
  actor text NOT NULL,
  at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  actor text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  op text NOT NULL,
  old_values text,
  new_values text
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- SQLite has no session variables: the writer stamps its name here inside each write
-- transaction (writes are serialised by SQLite's lock) and the change triggers read it.
CREATE TABLE session_actor (
  one integer PRIMARY KEY CHECK (one = 1),
  name text NOT NULL
);
INSERT INTO session_actor(one, name) VALUES (1, 'system');
