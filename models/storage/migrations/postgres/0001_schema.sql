-- FieldOps schema v1 (PostgreSQL 15). Times are timestamptz (UTC on the wire).
-- Change-log and audit triggers are installed by ChangeTracking after this script.
CREATE EXTENSION IF NOT EXISTS btree_gist;

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
  home_lat double precision NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
  home_lon double precision NOT NULL CHECK (home_lon BETWEEN -180 AND 180),
  time_zone text NOT NULL DEFAULT 'UTC',
  shift_start text NOT NULL DEFAULT '08:00',
  shift_end text NOT NULL DEFAULT '17:00',
  work_days text NOT NULL DEFAULT 'Mon;Tue;Wed;Thu;Fri',
  hourly_cost double precision,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX technicians_territory ON technicians(territory_id);

CREATE TABLE technician_skills (
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  skill_code text NOT NULL REFERENCES skills(code),
  PRIMARY KEY (technician_id, skill_code)
);

CREATE TABLE absences (
  id bigserial PRIMARY KEY,
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
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
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  time_zone text NOT NULL DEFAULT 'UTC',
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX sites_customer ON sites(customer_id);

CREATE TABLE assets (
  id text PRIMARY KEY CHECK (id <> ''),
  site_id text NOT NULL REFERENCES sites(id),
  serial text NOT NULL DEFAULT '',
  model text NOT NULL DEFAULT '',
  installed_on date,
  warranty_until date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX assets_site ON assets(site_id);

CREATE TABLE contracts (
  id text PRIMARY KEY CHECK (id <> ''),
  customer_id text NOT NULL REFERENCES customers(id),
  name text NOT NULL DEFAULT '',
  starts_on date NOT NULL,
  ends_on date NOT NULL,
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
  next_due date NOT NULL,
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
  window_start timestamptz,
  window_end timestamptz,
  created_at timestamptz NOT NULL,
  sla_due timestamptz,
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
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('tentative','scheduled','en_route','on_site','completed','cancelled')),
  arrived_at timestamptz,
  completed_at timestamptz,
  resolved boolean NOT NULL DEFAULT false,
  locked boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  CHECK (end_at > start_at),
  -- Double booking is impossible at the database (the README's developers' section).
  CONSTRAINT appointments_no_double_booking EXCLUDE USING gist
    (technician_id WITH =, tstzrange(start_at, end_at) WITH &&)
    WHERE (status <> 'cancelled') DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX appointments_work_order ON appointments(work_order_id);
CREATE INDEX appointments_start ON appointments(start_at);
CREATE INDEX appointments_completed ON appointments(completed_at);

CREATE TABLE ratings (
  id bigserial PRIMARY KEY,
  work_order_id text NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  rated_at timestamptz
);
CREATE INDEX ratings_work_order ON ratings(work_order_id);

CREATE TABLE time_entries (
  id bigserial PRIMARY KEY,
  technician_id text NOT NULL REFERENCES technicians(id),
  work_order_id text NOT NULL REFERENCES work_orders(id),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  billable boolean NOT NULL DEFAULT true,
  activity text NOT NULL DEFAULT '',
  comment text NOT NULL DEFAULT '',
  CHECK (end_at > start_at)
);
CREATE INDEX time_entries_technician ON time_entries(technician_id, start_at);
CREATE INDEX time_entries_start ON time_entries(start_at);

CREATE TABLE parts (
  sku text PRIMARY KEY CHECK (sku <> ''),
  name text NOT NULL CHECK (name <> ''),
  unit_cost double precision,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE stock (
  id bigserial PRIMARY KEY,
  sku text NOT NULL REFERENCES parts(sku),
  location text NOT NULL CHECK (location LIKE 'warehouse:%' OR location LIKE 'van:%'),
  quantity double precision NOT NULL,
  UNIQUE (sku, location)
);

CREATE TABLE positions (
  id bigserial PRIMARY KEY,
  technician_id text NOT NULL REFERENCES technicians(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  speed_kmh double precision,
  heading_deg double precision
);
CREATE INDEX positions_technician_at ON positions(technician_id, at);

CREATE TABLE change_log (
  seq bigserial PRIMARY KEY,
  entity text NOT NULL,
  entity_id text NOT NULL,
  op text NOT NULL CHECK (op IN ('insert','update','delete')),
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  op text NOT NULL,
  old_values jsonb,
  new_values jsonb
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
