-- A change to the server functions, PostgreSQL only (the SQLite script of the same number
-- keeps the numbering of both dialects aligned).
--
-- The field gateway's login is a FieldOps login like the consoles' (the README's "Roles"
-- and "Field gateway (for integrators)"): `fieldops-cli user add NAME --role field` and the
-- console's Users view make it a member of fieldops_field (migration 23: no table, only the
-- gateway's functions) and of no console role; `user set-role` moves a login to or from
-- field; `user list` shows it with role `field`. The user-admin functions of migrations 2
-- and 7 are replaced with the same signatures (their grants stay: admins only); the group
-- roles are listed highest first, field last. The console refuses to open a session for a
-- field login (models/repositories/ConnectionProbe.cpp), so nothing else changes for it.

CREATE OR REPLACE FUNCTION fieldops_add_user(user_name text, app_role text, pass text, territories text[])
RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  t text;
BEGIN
  IF app_role IS NULL OR app_role NOT IN ('dispatcher','planner','manager','admin','field') THEN
    RAISE EXCEPTION 'unknown role %, expected dispatcher, planner, manager, admin or field', coalesce(app_role, '(none)')
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

CREATE OR REPLACE FUNCTION fieldops_user_problem(user_name text) RETURNS text
LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT CASE
    WHEN user_name IS NULL OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = user_name)
      THEN 'unknown user ' || coalesce(user_name, '(none)')
    WHEN NOT EXISTS (SELECT 1 FROM pg_auth_members m
                       JOIN pg_roles g ON g.oid = m.roleid
                       JOIN pg_roles u ON u.oid = m.member
                      WHERE u.rolname = user_name
                        AND g.rolname IN ('fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin','fieldops_field'))
      THEN user_name || ' is not a FieldOps login (a member of no FieldOps role)'
  END
$$;

CREATE OR REPLACE FUNCTION fieldops_list_users()
RETURNS TABLE(login text, app_role text, territory_ids text[], disabled boolean)
LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT u.rolname::text,
         (SELECT substr(g.rolname::text, 10) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
           WHERE m.member = u.oid
             AND g.rolname IN ('fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin','fieldops_field')
           ORDER BY array_position(ARRAY['fieldops_admin','fieldops_manager','fieldops_planner','fieldops_dispatcher','fieldops_field'],
                                   g.rolname::text)
           LIMIT 1),
         coalesce((SELECT array_agg(ut.territory_id ORDER BY ut.territory_id) FROM user_territories ut
                    WHERE ut.role_name = u.rolname), ARRAY[]::text[]),
         NOT u.rolcanlogin
    FROM pg_roles u
   WHERE EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                  WHERE m.member = u.oid
                    AND g.rolname IN ('fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin','fieldops_field'))
   ORDER BY u.rolname
$$;

-- A login moved to field loses every console role (and CREATEROLE); one moved from field
-- loses fieldops_field.
CREATE OR REPLACE FUNCTION fieldops_set_user_role(user_name text, app_role text)
RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  r text;
  problem text;
BEGIN
  IF app_role IS NULL OR app_role NOT IN ('dispatcher','planner','manager','admin','field') THEN
    RAISE EXCEPTION 'unknown role %, expected dispatcher, planner, manager, admin or field', coalesce(app_role, '(none)')
      USING ERRCODE = '22023';
  END IF;
  problem := fieldops_user_problem(user_name);
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION '%', problem USING ERRCODE = '22023';
  END IF;
  IF user_name = session_user AND app_role <> 'admin' THEN
    RAISE EXCEPTION 'you cannot change your own role (%); ask another admin', user_name USING ERRCODE = '22023';
  END IF;
  FOREACH r IN ARRAY ARRAY['fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin','fieldops_field'] LOOP
    IF r <> ('fieldops_' || app_role) AND EXISTS (
         SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
          WHERE g.rolname = r AND u.rolname = user_name) THEN
      EXECUTE format('REVOKE %I FROM %I', r, user_name);
    END IF;
  END LOOP;
  EXECUTE format('GRANT %I TO %I', 'fieldops_' || app_role, user_name);
  EXECUTE format('ALTER ROLE %I %s', user_name, CASE WHEN app_role = 'admin' THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END);
END $$;
