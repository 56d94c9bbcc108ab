-- Two changes to the server functions, PostgreSQL only, and a view on both dialects.
--
-- 1. The field gateway's login is a FieldOps login like the consoles' (the README's "Roles"
--    and "Field gateway (for integrators)"): `fieldops-cli user add NAME --role field` and the
--    console's Users view make it a member of fieldops_field (migration 23: no table, only the
--    gateway's functions) and of no console role; `user set-role` moves a login to or from
--    field; `user list` shows it with role `field`. The user-admin functions of migrations 2
--    and 7 are replaced with the same signatures (their grants stay: admins only); the group
--    roles are listed highest first, field last. The console refuses to open a session for a
--    field login (models/repositories/ConnectionProbe.cpp), so nothing else changes for it.
--
-- 2. An unresolved outcome from the gateway sends the work order back to `open` only when no
--    other visit of it is still booked (tentative, scheduled, en_route, on_site), as the
--    console's outcome dialog (models/field/VisitOutcomeRecorder.cpp) and the ingest
--    (models/field/FieldEventWriter.cpp writeOutcome) do: the booked visit carries the job.
--    fieldops_field_outcome is replaced with the same signature, so its grants stay. Where it
--    reserves a follow-up's parts it reads the view below and locks the part's stock rows
--    first, as the consoles do, so two outcomes at once cannot both take the last unit. An
--    outcome that corrects a "needs parts" calls off the follow-up it opened while nobody has
--    booked it (cancelled, with the reason), as the consoles and the ingest do.
--
-- What each open work order holds of a part where it is reserved: what work_order_parts lists
-- with a reserved_location while the work order is open, scheduled or in progress, less what
-- its visits have already used of that part (parts_used, from wherever it was taken), down to
-- nothing. The one rule of reservations: the consoles' stock and reorder lists and where a
-- follow-up's parts go (models/parts/Reservations) and the gateway's outcome function read it.
--    (The SQLite script of the same number creates the same view.)
CREATE VIEW work_order_parts_held AS
SELECT wp.work_order_id, wp.sku, wp.reserved_location AS location,
       CASE WHEN coalesce(u.used, 0) < wp.quantity THEN wp.quantity - coalesce(u.used, 0) ELSE 0 END AS held
  FROM work_order_parts wp
  JOIN work_orders w ON w.id = wp.work_order_id
  LEFT JOIN (SELECT a.work_order_id, pu.sku, sum(pu.quantity) AS used
               FROM parts_used pu JOIN appointments a ON a.id = pu.appointment_id
              GROUP BY a.work_order_id, pu.sku) u ON u.work_order_id = wp.work_order_id AND u.sku = wp.sku
 WHERE wp.reserved_location IS NOT NULL AND w.status IN ('open', 'scheduled', 'in_progress');
GRANT SELECT ON work_order_parts_held TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;

-- Planners keep the stock levels: they change reorder points (the console's Parts tab), which
-- migration 21 left to administrators. Dispatchers move stock but do not set its levels.
GRANT UPDATE (min_quantity) ON stock TO fieldops_planner;

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

-- The gateway's outcome as migration 25 has it, but for the last branch: an unresolved visit
-- reopens its work order only when no other visit of it is booked.
CREATE OR REPLACE FUNCTION fieldops_field_outcome(appointment_id text, resolved boolean, reason text DEFAULT NULL, notes text DEFAULT '',
                                       signed_by text DEFAULT '', arrived_at timestamptz DEFAULT NULL,
                                       departed_at timestamptz DEFAULT NULL, completed_at timestamptz DEFAULT NULL,
                                       parts jsonb DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_appt text := fieldops_field_outcome.appointment_id;
  p_reason text := fieldops_field_outcome.reason;
  p_arrived timestamptz := date_trunc('second', fieldops_field_outcome.arrived_at);
  p_departed timestamptz := date_trunc('second', fieldops_field_outcome.departed_at);
  p_completed timestamptz := date_trunc('second', fieldops_field_outcome.completed_at);
  p_parts jsonb := fieldops_field_outcome.parts;
  -- The parts as read, in their order: each once, quantity > 0.
  skus text[] := '{}';
  quantities double precision[] := '{}';
  item jsonb;
  n bigint;
  sku_text text;
  qty numeric;
  a record;
  wo_status text;
  open_follow_up text;
  highest numeric;
  new_id text;
  van text;
  best text;
  best_free double precision;
  place text;
  s record;
  o record;
  current_wo text;
BEGIN
  IF fieldops_field_outcome.resolved IS NULL THEN
    RAISE EXCEPTION 'resolved: is required' USING ERRCODE = '22023';
  END IF;
  IF p_reason IS NOT NULL AND p_reason NOT IN ('needs_parts', 'customer_absent', 'second_visit', 'referred') THEN
    RAISE EXCEPTION 'reason: must be one of needs_parts, customer_absent, second_visit, referred' USING ERRCODE = '22023';
  END IF;
  IF p_departed < p_arrived THEN
    RAISE EXCEPTION 'departed_at: must not be before arrived_at' USING ERRCODE = '22023';
  END IF;
  IF p_completed < p_arrived THEN
    RAISE EXCEPTION 'completed_at: must not be before arrived_at' USING ERRCODE = '22023';
  END IF;
  -- The parts' shape, as the ingest reads the event (a JSON null is no parts).
  IF p_parts IS NOT NULL AND jsonb_typeof(p_parts) <> 'null' THEN
    IF jsonb_typeof(p_parts) <> 'array' THEN
      RAISE EXCEPTION 'parts: must be a list' USING ERRCODE = '22023';
    END IF;
    IF p_reason IS DISTINCT FROM 'needs_parts' THEN
      RAISE EXCEPTION 'parts: only an outcome with reason needs_parts lists parts' USING ERRCODE = '22023';
    END IF;
    FOR item, n IN SELECT e.value, e.ordinality FROM jsonb_array_elements(p_parts) WITH ORDINALITY e LOOP
      sku_text := CASE WHEN jsonb_typeof(item) = 'object' AND jsonb_typeof(item -> 'sku') = 'string'
                       THEN regexp_replace(item ->> 'sku', '^\s+|\s+$', '', 'g') END;
      IF sku_text IS NULL OR sku_text = '' THEN
        RAISE EXCEPTION 'parts: item % must be an object with a non-empty text sku and a quantity', n USING ERRCODE = '22023';
      END IF;
      qty := CASE WHEN jsonb_typeof(item -> 'quantity') = 'number' THEN (item ->> 'quantity')::numeric END;
      IF qty IS NULL OR qty <= 0 OR qty > 1.7976931348623157e308 THEN
        RAISE EXCEPTION 'parts: item % (%): quantity must be a number greater than 0', n, sku_text USING ERRCODE = '22023';
      END IF;
      IF sku_text = ANY (skus) THEN
        RAISE EXCEPTION 'parts: % is listed twice', sku_text USING ERRCODE = '22023';
      END IF;
      skus := skus || sku_text;
      quantities := quantities || qty::double precision;
    END LOOP;
  END IF;

  SELECT ap.technician_id, ap.work_order_id, ap.status, ap.resolved, ap.outcome_reason INTO a FROM appointments ap WHERE ap.id = p_appt FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'appointment_id: no appointment %', p_appt USING ERRCODE = '23503';
  END IF;
  IF a.status = 'cancelled' THEN
    RAISE EXCEPTION 'appointment_id: appointment % is cancelled', p_appt USING ERRCODE = '22023';
  END IF;
  SELECT w.status INTO wo_status FROM work_orders w WHERE w.id = a.work_order_id;
  IF fieldops_field_outcome.resolved AND wo_status = 'cancelled' THEN
    RAISE EXCEPTION 'resolved: work order % of appointment % is cancelled; a cancelled job cannot be resolved', a.work_order_id, p_appt
      USING ERRCODE = '22023';
  END IF;
  UPDATE appointments ap
     SET status = 'completed', resolved = fieldops_field_outcome.resolved, outcome_reason = p_reason,
         outcome_notes = coalesce(fieldops_field_outcome.notes, ''), signed_by = coalesce(fieldops_field_outcome.signed_by, ''),
         arrived_at = coalesce(p_arrived, ap.arrived_at), departed_at = coalesce(p_departed, ap.departed_at),
         completed_at = coalesce(p_completed, ap.completed_at, p_departed, date_trunc('second', now())),
         version = ap.version + 1
   WHERE ap.id = p_appt;

  -- A corrected "needs parts" (FollowUpOrders::correctionCallsOff): the follow-up it opened is
  -- called off while nobody has booked it, as the console's correction and the ingest do.
  IF a.status = 'completed' AND NOT coalesce(a.resolved, false) AND a.outcome_reason = 'needs_parts'
     AND (fieldops_field_outcome.resolved OR p_reason IS DISTINCT FROM 'needs_parts') THEN
    UPDATE work_orders w SET status = 'cancelled', cancel_reason = 'Not needed: the outcome of visit ' || p_appt || ' was corrected',
                             version = w.version + 1
     WHERE w.id = (SELECT min(f.id) FROM work_orders f WHERE f.follow_up_of = a.work_order_id AND f.status = 'open');
  END IF;

  -- Missing parts: the return visit is a follow-up work order (FollowUpOrders::create), only
  -- when nothing else is booked for the work order.
  IF NOT fieldops_field_outcome.resolved AND p_reason = 'needs_parts' AND NOT EXISTS (
      SELECT 1 FROM appointments x WHERE x.work_order_id = a.work_order_id AND x.id <> p_appt
         AND x.status IN ('tentative', 'scheduled', 'en_route', 'on_site')) THEN
    -- An unknown part refuses the whole outcome.
    FOR n IN 1 .. coalesce(array_length(skus, 1), 0) LOOP
      IF NOT EXISTS (SELECT 1 FROM parts p WHERE p.sku = skus[n]) THEN
        RAISE EXCEPTION 'parts: no part %', skus[n] USING ERRCODE = '23503';
      END IF;
    END LOOP;
    SELECT w.status INTO wo_status FROM work_orders w WHERE w.id = a.work_order_id FOR UPDATE;
    IF wo_status NOT IN ('done', 'cancelled') THEN
      SELECT min(w.id) INTO open_follow_up FROM work_orders w
       WHERE w.follow_up_of = a.work_order_id AND w.status IN ('open', 'scheduled', 'in_progress');
      IF coalesce(open_follow_up, '') = '' THEN
        -- The next sequential id (storage/SequentialIds): numbers that are not whole numbers
        -- from 1 to 2^63 - 1 after "WO-" count as none.
        SELECT max(CASE WHEN substr(c.id, 4) ~ '^[0-9]+$' AND substr(c.id, 4)::numeric BETWEEN 1 AND 9223372036854775807
                        THEN substr(c.id, 4)::numeric END)
          INTO highest
          FROM (SELECT w.id FROM work_orders w WHERE w.id LIKE 'WO-%' ORDER BY length(w.id) DESC, w.id DESC LIMIT 50) c;
        highest := coalesce(highest, 0) + 1;
        new_id := 'WO-' || CASE WHEN length(highest::text) >= 6 THEN highest::text ELSE lpad(highest::text, 6, '0') END;
        INSERT INTO work_orders(id, site_id, asset_id, contract_id, type, priority, duration_min, created_at, sla_due, status,
                                summary, description, follow_up_of)
        SELECT new_id, w.site_id, w.asset_id, w.contract_id, w.type, w.priority, w.duration_min, date_trunc('second', now()), w.sla_due,
               'open', 'Return visit: ' || w.summary, w.description, w.id
          FROM work_orders w WHERE w.id = a.work_order_id;
        INSERT INTO work_order_skills(work_order_id, skill_code)
        SELECT new_id, k.skill_code FROM work_order_skills k WHERE k.work_order_id = a.work_order_id;
        -- Each part where it is free (Reservations::placeFor), one after the other, so a part
        -- reserved here counts against the next: the visit's technician's van when what it
        -- has free covers the quantity, else the warehouse with the most free covering it
        -- (the first by name on a tie), else nowhere.
        van := CASE WHEN coalesce(a.technician_id, '') <> '' THEN 'van:' || a.technician_id END;
        FOR n IN 1 .. coalesce(array_length(skus, 1), 0) LOOP
          place := NULL;
          best := NULL;
          best_free := 0;
          PERFORM 1 FROM stock st WHERE st.sku = skus[n] FOR UPDATE;
          FOR s IN SELECT st.location, st.quantity - coalesce(r.reserved, 0) AS free FROM stock st
                     LEFT JOIN (SELECT h.sku, h.location, sum(h.held) AS reserved FROM work_order_parts_held h
                                 GROUP BY h.sku, h.location) r ON r.sku = st.sku AND r.location = st.location
                    WHERE st.sku = skus[n] ORDER BY st.location LOOP
            CONTINUE WHEN s.free + 1e-9 < quantities[n];
            IF s.location = van THEN
              place := s.location;
              EXIT;
            END IF;
            IF s.location LIKE 'warehouse:%' AND (best IS NULL OR s.free > best_free + 1e-9) THEN
              best := s.location;
              best_free := s.free;
            END IF;
          END LOOP;
          INSERT INTO work_order_parts(work_order_id, sku, quantity, reserved_location)
          VALUES (new_id, skus[n], quantities[n], coalesce(place, best));
        END LOOP;
      END IF;
      -- The original waits in progress for its follow-up (the one made now, or the one
      -- still to be done already: a corrected outcome).
      UPDATE work_orders w SET status = 'in_progress', version = w.version + 1
       WHERE w.id = a.work_order_id AND w.status IN ('open', 'scheduled');
      RETURN;
    END IF;
  END IF;

  IF fieldops_field_outcome.resolved THEN
    UPDATE work_orders w SET status = 'done', version = w.version + 1
     WHERE w.id = a.work_order_id AND w.status IN ('open', 'scheduled', 'in_progress');
    -- The work orders it is the return visit of, up the chain while they are in progress
    -- (FollowUpOrders::closeOriginals; a hundred links at most).
    current_wo := a.work_order_id;
    FOR n IN 1 .. 100 LOOP
      SELECT o2.id, o2.status INTO o FROM work_orders f JOIN work_orders o2 ON o2.id = f.follow_up_of WHERE f.id = current_wo;
      EXIT WHEN NOT FOUND OR o.status <> 'in_progress';
      UPDATE work_orders w SET status = 'done', version = w.version + 1 WHERE w.id = o.id AND w.status = 'in_progress';
      current_wo := o.id;
    END LOOP;
  ELSIF NOT EXISTS (SELECT 1 FROM appointments x WHERE x.work_order_id = a.work_order_id AND x.id <> p_appt
                       AND x.status IN ('tentative', 'scheduled', 'en_route', 'on_site')) THEN
    UPDATE work_orders w SET status = 'open', version = w.version + 1
     WHERE w.id = a.work_order_id AND w.status IN ('scheduled', 'in_progress');
  END IF;
END $$;
