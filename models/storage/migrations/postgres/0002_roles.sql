-- Roles and server-side enforcement (the README's developers' section): the server, not the
-- console, decides who may write what.
--   fieldops_dispatcher  the schedule: appointments, absences, work-order status
--   fieldops_planner     contracts, assets, maintenance plans, preventive work orders
--   fieldops_manager     reads everything, writes no operational data
--   fieldops_admin       everything, and adds users (fieldops_add_user)
-- Roles are cluster-wide: created here when missing, if this login may create roles.
DO $$
DECLARE
  r text;
  can_create boolean;
BEGIN
  SELECT rolsuper OR rolcreaterole INTO can_create FROM pg_roles WHERE rolname = current_user;
  FOREACH r IN ARRAY ARRAY['fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      IF can_create THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
      ELSE
        RAISE EXCEPTION 'role % is missing and % may not create roles; ask a database administrator to run init', r, current_user;
      END IF;
    END IF;
  END LOOP;
END $$;

-- Who wrote a row, as the server knows it (a client may label itself, not impersonate).
ALTER TABLE change_log ADD COLUMN db_role text NOT NULL DEFAULT session_user;
ALTER TABLE audit_log ADD COLUMN db_role text NOT NULL DEFAULT session_user;
-- The triggers write the logs on behalf of any role; nobody else may.
ALTER FUNCTION fieldops_track_change() SECURITY DEFINER SET search_path = public;

-- Dispatchers limited to territories: no rows here means all territories.
CREATE TABLE user_territories (
  role_name text NOT NULL,
  territory_id text NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
  PRIMARY KEY (role_name, territory_id)
);

GRANT USAGE ON SCHEMA public TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fieldops_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO fieldops_admin;
REVOKE INSERT, UPDATE, DELETE ON change_log, audit_log, schema_migrations FROM fieldops_admin;
-- Tables added by later migrations are readable by every role from the start.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT ON TABLES TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;

GRANT INSERT, UPDATE, DELETE ON appointments, absences TO fieldops_dispatcher;
GRANT USAGE ON SEQUENCE absences_id_seq TO fieldops_dispatcher;
GRANT INSERT, UPDATE ON work_orders TO fieldops_dispatcher;
GRANT INSERT, DELETE ON work_order_skills TO fieldops_dispatcher;

GRANT INSERT, UPDATE, DELETE ON customers, sites, assets, contracts, maintenance_plans, maintenance_plan_skills TO fieldops_planner;
GRANT INSERT, UPDATE ON work_orders TO fieldops_planner;
GRANT INSERT, DELETE ON work_order_skills TO fieldops_planner;

CREATE FUNCTION fieldops_may_dispatch(tech text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT NOT EXISTS (SELECT 1 FROM user_territories WHERE role_name = session_user)
      OR EXISTS (SELECT 1 FROM user_territories ut JOIN technicians t ON t.territory_id = ut.territory_id
                  WHERE ut.role_name = session_user AND t.id = tech)
$$;

ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
CREATE POLICY appointments_read ON appointments FOR SELECT USING (true);
CREATE POLICY appointments_dispatch ON appointments FOR ALL TO fieldops_dispatcher
  USING (fieldops_may_dispatch(technician_id)) WITH CHECK (fieldops_may_dispatch(technician_id));
CREATE POLICY appointments_admin ON appointments FOR ALL TO fieldops_admin USING (true) WITH CHECK (true);

-- fieldops-cli user add: identifiers quoted by the server (%I), never by the client.
CREATE FUNCTION fieldops_add_user(user_name text, app_role text, pass text, territories text[])
RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  t text;
BEGIN
  IF app_role NOT IN ('dispatcher','planner','manager','admin') THEN
    RAISE EXCEPTION 'unknown role %, expected dispatcher, planner, manager or admin', app_role
      USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = user_name) THEN
    -- Role attributes are not inherited through membership: admins get CREATEROLE
    -- themselves so they can add users in turn.
    EXECUTE format('CREATE ROLE %I LOGIN %s', user_name,
                   CASE WHEN app_role = 'admin' THEN 'CREATEROLE' ELSE '' END);
  END IF;
  IF pass IS NOT NULL AND pass <> '' THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', user_name, pass);
  END IF;
  EXECUTE format('GRANT %I TO %I', 'fieldops_' || app_role, user_name);
  DELETE FROM user_territories WHERE role_name = user_name;
  IF territories IS NOT NULL THEN
    FOREACH t IN ARRAY territories LOOP
      INSERT INTO user_territories(role_name, territory_id) VALUES (user_name, t);
    END LOOP;
  END IF;
END $$;
REVOKE ALL ON FUNCTION fieldops_add_user(text, text, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldops_add_user(text, text, text, text[]) TO fieldops_admin;
GRANT SELECT, INSERT, DELETE ON user_territories TO fieldops_admin;
