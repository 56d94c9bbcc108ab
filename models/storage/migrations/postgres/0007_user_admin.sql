-- Managing FieldOps logins (fieldops-cli user list, set-role, set-territories, disable,
-- enable, and the console's Users view). Every identifier is quoted here by the server
-- (%I), never by the client. SECURITY INVOKER: the caller's own rights apply, so only an
-- admin (CREATEROLE, EXECUTE granted below) gets anywhere.

-- A FieldOps login: a role that is a direct member of one of the FieldOps group roles.
-- Says what is wrong with a name (unknown, or a role outside FieldOps), NULL when it is
-- a FieldOps login. The functions below raise it as 22023 (invalid input); the console
-- asks first, so a refusal needs no failed statement.
CREATE FUNCTION fieldops_user_problem(user_name text) RETURNS text
LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT CASE
    WHEN user_name IS NULL OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = user_name)
      THEN 'unknown user ' || coalesce(user_name, '(none)')
    WHEN NOT EXISTS (SELECT 1 FROM pg_auth_members m
                       JOIN pg_roles g ON g.oid = m.roleid
                       JOIN pg_roles u ON u.oid = m.member
                      WHERE u.rolname = user_name
                        AND g.rolname IN ('fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin'))
      THEN user_name || ' is not a FieldOps login (a member of no FieldOps role)'
  END
$$;

-- Every FieldOps login: its role (the highest when it holds several), its territories
-- (none: all) and whether it may log in.
CREATE FUNCTION fieldops_list_users()
RETURNS TABLE(login text, app_role text, territory_ids text[], disabled boolean)
LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT u.rolname::text,
         (SELECT substr(g.rolname::text, 10) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
           WHERE m.member = u.oid
             AND g.rolname IN ('fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin')
           ORDER BY array_position(ARRAY['fieldops_admin','fieldops_manager','fieldops_planner','fieldops_dispatcher'], g.rolname::text)
           LIMIT 1),
         coalesce((SELECT array_agg(ut.territory_id ORDER BY ut.territory_id) FROM user_territories ut
                    WHERE ut.role_name = u.rolname), ARRAY[]::text[]),
         NOT u.rolcanlogin
    FROM pg_roles u
   WHERE EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                  WHERE m.member = u.oid
                    AND g.rolname IN ('fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin'))
   ORDER BY u.rolname
$$;

-- Moves a login to one FieldOps role: the other FieldOps roles are revoked; admins get
-- CREATEROLE (as in fieldops_add_user), everyone else loses it. Nobody demotes himself:
-- an admin would lock himself out of managing users.
CREATE FUNCTION fieldops_set_user_role(user_name text, app_role text)
RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  r text;
  problem text;
BEGIN
  IF app_role IS NULL OR app_role NOT IN ('dispatcher','planner','manager','admin') THEN
    RAISE EXCEPTION 'unknown role %, expected dispatcher, planner, manager or admin', coalesce(app_role, '(none)')
      USING ERRCODE = '22023';
  END IF;
  problem := fieldops_user_problem(user_name);
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION '%', problem USING ERRCODE = '22023';
  END IF;
  IF user_name = session_user AND app_role <> 'admin' THEN
    RAISE EXCEPTION 'you cannot change your own role (%); ask another admin', user_name USING ERRCODE = '22023';
  END IF;
  FOREACH r IN ARRAY ARRAY['fieldops_dispatcher','fieldops_planner','fieldops_manager','fieldops_admin'] LOOP
    IF r <> ('fieldops_' || app_role) AND EXISTS (
         SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
          WHERE g.rolname = r AND u.rolname = user_name) THEN
      EXECUTE format('REVOKE %I FROM %I', r, user_name);
    END IF;
  END LOOP;
  EXECUTE format('GRANT %I TO %I', 'fieldops_' || app_role, user_name);
  EXECUTE format('ALTER ROLE %I %s', user_name, CASE WHEN app_role = 'admin' THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END);
END $$;

-- Replaces a login's territories (an empty or null list: all territories).
CREATE FUNCTION fieldops_set_user_territories(user_name text, territory_ids text[])
RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  t text;
  problem text;
BEGIN
  problem := fieldops_user_problem(user_name);
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION '%', problem USING ERRCODE = '22023';
  END IF;
  FOREACH t IN ARRAY coalesce(territory_ids, ARRAY[]::text[]) LOOP
    IF t IS NULL OR NOT EXISTS (SELECT 1 FROM territories WHERE id = t) THEN
      RAISE EXCEPTION 'unknown territory %', coalesce(t, '(none)') USING ERRCODE = '22023';
    END IF;
  END LOOP;
  DELETE FROM user_territories WHERE role_name = user_name;
  INSERT INTO user_territories(role_name, territory_id)
    SELECT DISTINCT user_name, x FROM unnest(coalesce(territory_ids, ARRAY[]::text[])) AS x;
END $$;

-- Lets a login log in again (LOGIN) or not any more (NOLOGIN). Nobody disables himself.
CREATE FUNCTION fieldops_set_user_login(user_name text, enabled boolean)
RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  problem text;
BEGIN
  IF enabled IS NULL THEN
    RAISE EXCEPTION 'say whether the login is enabled' USING ERRCODE = '22023';
  END IF;
  problem := fieldops_user_problem(user_name);
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION '%', problem USING ERRCODE = '22023';
  END IF;
  IF user_name = session_user AND NOT enabled THEN
    RAISE EXCEPTION 'you cannot disable your own login (%); ask another admin', user_name USING ERRCODE = '22023';
  END IF;
  EXECUTE format('ALTER ROLE %I %s', user_name, CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END $$;

REVOKE ALL ON FUNCTION fieldops_user_problem(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_list_users() FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_set_user_role(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_set_user_territories(text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_set_user_login(text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldops_user_problem(text) TO fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_list_users() TO fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_set_user_role(text, text) TO fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_set_user_territories(text, text[]) TO fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_set_user_login(text, boolean) TO fieldops_admin;
