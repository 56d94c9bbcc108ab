-- The field gateway's own role (the README's "Field gateway (for integrators)"): the
-- technicians' phone backend logs in as a member of fieldops_field, which may read and
-- write no table itself and may only call the functions below. Each function checks what
-- `fieldops-cli ingest` checks for the same event (models/field/FieldEventWriter.cpp) and
-- writes the same rows, so the change-log triggers put every write in the consoles' live
-- feed and the audit log records the gateway's login (session_user) as db_role. A refusal
-- raises an error whose message is "key: what is wrong", as the ingest words it: SQLSTATE
-- 23503 for a reference the database does not hold, 22023 for anything else; the caller's
-- transaction then holds nothing of it. SECURITY DEFINER with a pinned search_path: they
-- run with their owner's rights, and nobody's objects can stand in for the tables.
DO $$
DECLARE
  can_create boolean;
BEGIN
  SELECT rolsuper OR rolcreaterole INTO can_create FROM pg_roles WHERE rolname = current_user;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fieldops_field') THEN
    IF can_create THEN
      CREATE ROLE fieldops_field NOLOGIN;
    ELSE
      RAISE EXCEPTION 'role fieldops_field is missing and % may not create roles; ask a database administrator to run init', current_user;
    END IF;
  END IF;
END $$;

-- Nothing but the functions: no table, sequence or column of this database.
GRANT USAGE ON SCHEMA public TO fieldops_field;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM fieldops_field;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM fieldops_field;

-- `fieldops-cli prune-outbox` removes the notices read long ago; admins run it (0019
-- came after the blanket grants of 0002, so admins had no DELETE on the outbox yet).
GRANT DELETE ON technician_outbox TO fieldops_admin;

-- An instant as the ingest prints it: ISO 8601 in UTC to the second.
CREATE FUNCTION fieldops_field_iso(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = public AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- A phone's position: the live map. Like the ingest's `position`.
CREATE FUNCTION fieldops_field_position(technician_id text, at timestamptz, lat double precision, lon double precision,
                                        speed_kmh double precision DEFAULT NULL, heading_deg double precision DEFAULT NULL,
                                        accuracy_m double precision DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_tech text := fieldops_field_position.technician_id;
BEGIN
  IF fieldops_field_position.at IS NULL THEN
    RAISE EXCEPTION 'at: is required' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_position.lat IS NULL OR fieldops_field_position.lat NOT BETWEEN -90 AND 90 THEN
    RAISE EXCEPTION 'lat: must be a number between -90 and 90' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_position.lon IS NULL OR fieldops_field_position.lon NOT BETWEEN -180 AND 180 THEN
    RAISE EXCEPTION 'lon: must be a number between -180 and 180' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_position.speed_kmh < 0 THEN
    RAISE EXCEPTION 'speed_kmh: must be a number of at least 0' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_position.heading_deg NOT BETWEEN 0 AND 360 THEN
    RAISE EXCEPTION 'heading_deg: must be a number between 0 and 360' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_position.accuracy_m < 0 THEN
    RAISE EXCEPTION 'accuracy_m: must be a number of at least 0' USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM technicians t WHERE t.id = p_tech) THEN
    RAISE EXCEPTION 'technician_id: no technician %', p_tech USING ERRCODE = '23503';
  END IF;
  INSERT INTO positions(technician_id, at, lat, lon, speed_kmh, heading_deg, accuracy_m)
  VALUES (p_tech, date_trunc('second', fieldops_field_position.at), fieldops_field_position.lat, fieldops_field_position.lon,
          fieldops_field_position.speed_kmh, fieldops_field_position.heading_deg, fieldops_field_position.accuracy_m);
END $$;

-- A status tap (en_route, on_site, completed, cancelled) at a time, and where the phone
-- was when given (lat and lon both or neither). Like the ingest's `status`: on_site sets
-- the arrival when empty and puts an open or scheduled work order in progress; completed
-- sets the completion; cancelled sends the work order back to open when none of its
-- other visits is still to come.
CREATE FUNCTION fieldops_field_status(appointment_id text, status text, at timestamptz,
                                      lat double precision DEFAULT NULL, lon double precision DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_appt text := fieldops_field_status.appointment_id;
  p_status text := fieldops_field_status.status;
  p_at timestamptz := date_trunc('second', fieldops_field_status.at);
  a record;
BEGIN
  IF p_status IS NULL OR p_status NOT IN ('en_route', 'on_site', 'completed', 'cancelled') THEN
    RAISE EXCEPTION 'status: must be one of en_route, on_site, completed, cancelled' USING ERRCODE = '22023';
  END IF;
  IF p_at IS NULL THEN
    RAISE EXCEPTION 'at: is required' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_status.lat IS NOT NULL AND fieldops_field_status.lon IS NULL THEN
    RAISE EXCEPTION 'lon: is required when lat is given' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_status.lon IS NOT NULL AND fieldops_field_status.lat IS NULL THEN
    RAISE EXCEPTION 'lat: is required when lon is given' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_status.lat NOT BETWEEN -90 AND 90 THEN
    RAISE EXCEPTION 'lat: must be a number between -90 and 90' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_status.lon NOT BETWEEN -180 AND 180 THEN
    RAISE EXCEPTION 'lon: must be a number between -180 and 180' USING ERRCODE = '22023';
  END IF;
  SELECT ap.technician_id, ap.work_order_id, ap.status INTO a FROM appointments ap WHERE ap.id = p_appt FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'appointment_id: no appointment %', p_appt USING ERRCODE = '23503';
  END IF;
  IF a.status = 'cancelled' AND p_status <> 'cancelled' THEN
    RAISE EXCEPTION 'appointment_id: appointment % is cancelled', p_appt USING ERRCODE = '22023';
  END IF;
  IF a.status = 'completed' AND p_status IN ('en_route', 'on_site') THEN
    RAISE EXCEPTION 'status: appointment % is already completed', p_appt USING ERRCODE = '22023';
  END IF;
  UPDATE appointments ap
     SET status = p_status,
         arrived_at = CASE WHEN p_status = 'on_site' THEN coalesce(ap.arrived_at, p_at) ELSE ap.arrived_at END,
         completed_at = CASE WHEN p_status = 'completed' THEN p_at ELSE ap.completed_at END,
         version = ap.version + 1
   WHERE ap.id = p_appt;
  IF p_status = 'on_site' THEN
    UPDATE work_orders w SET status = 'in_progress', version = w.version + 1
     WHERE w.id = a.work_order_id AND w.status IN ('open', 'scheduled');
  ELSIF p_status = 'cancelled' AND NOT EXISTS (
      SELECT 1 FROM appointments o WHERE o.work_order_id = a.work_order_id AND o.id <> p_appt
         AND o.status IN ('tentative', 'scheduled', 'en_route', 'on_site')) THEN
    UPDATE work_orders w SET status = 'open', version = w.version + 1
     WHERE w.id = a.work_order_id AND w.status IN ('scheduled', 'in_progress');
  END IF;
  IF fieldops_field_status.lat IS NOT NULL THEN
    INSERT INTO positions(technician_id, at, lat, lon) VALUES (a.technician_id, p_at, fieldops_field_status.lat, fieldops_field_status.lon);
  END IF;
END $$;

-- How a visit ended. Like the ingest's `outcome`: the visit is completed (at the time
-- given, else the one known, else the departure, else now); resolved closes the work
-- order, unresolved sends it back to open for another visit.
CREATE FUNCTION fieldops_field_outcome(appointment_id text, resolved boolean, reason text DEFAULT NULL, notes text DEFAULT '',
                                       signed_by text DEFAULT '', arrived_at timestamptz DEFAULT NULL,
                                       departed_at timestamptz DEFAULT NULL, completed_at timestamptz DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_appt text := fieldops_field_outcome.appointment_id;
  p_arrived timestamptz := date_trunc('second', fieldops_field_outcome.arrived_at);
  p_departed timestamptz := date_trunc('second', fieldops_field_outcome.departed_at);
  p_completed timestamptz := date_trunc('second', fieldops_field_outcome.completed_at);
  a record;
  wo_status text;
BEGIN
  IF fieldops_field_outcome.resolved IS NULL THEN
    RAISE EXCEPTION 'resolved: is required' USING ERRCODE = '22023';
  END IF;
  IF fieldops_field_outcome.reason IS NOT NULL
     AND fieldops_field_outcome.reason NOT IN ('needs_parts', 'customer_absent', 'second_visit', 'referred') THEN
    RAISE EXCEPTION 'reason: must be one of needs_parts, customer_absent, second_visit, referred' USING ERRCODE = '22023';
  END IF;
  IF p_departed < p_arrived THEN
    RAISE EXCEPTION 'departed_at: must not be before arrived_at' USING ERRCODE = '22023';
  END IF;
  IF p_completed < p_arrived THEN
    RAISE EXCEPTION 'completed_at: must not be before arrived_at' USING ERRCODE = '22023';
  END IF;
  SELECT ap.technician_id, ap.work_order_id, ap.status INTO a FROM appointments ap WHERE ap.id = p_appt FOR UPDATE;
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
     SET status = 'completed', resolved = fieldops_field_outcome.resolved, outcome_reason = fieldops_field_outcome.reason,
         outcome_notes = coalesce(fieldops_field_outcome.notes, ''), signed_by = coalesce(fieldops_field_outcome.signed_by, ''),
         arrived_at = coalesce(p_arrived, ap.arrived_at), departed_at = coalesce(p_departed, ap.departed_at),
         completed_at = coalesce(p_completed, ap.completed_at, p_departed, date_trunc('second', now())),
         version = ap.version + 1
   WHERE ap.id = p_appt;
  IF fieldops_field_outcome.resolved THEN
    UPDATE work_orders w SET status = 'done', version = w.version + 1
     WHERE w.id = a.work_order_id AND w.status IN ('open', 'scheduled', 'in_progress');
  ELSE
    UPDATE work_orders w SET status = 'open', version = w.version + 1
     WHERE w.id = a.work_order_id AND w.status IN ('scheduled', 'in_progress');
  END IF;
END $$;

-- A technician's time on a work order. Like the ingest's `time_entry`; returns the row's id.
CREATE FUNCTION fieldops_field_time_entry(technician_id text, work_order_id text, start_at timestamptz, end_at timestamptz,
                                          billable boolean DEFAULT true, activity text DEFAULT '', comment text DEFAULT '')
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_tech text := fieldops_field_time_entry.technician_id;
  p_wo text := fieldops_field_time_entry.work_order_id;
  p_start timestamptz := date_trunc('second', fieldops_field_time_entry.start_at);
  p_end timestamptz := date_trunc('second', fieldops_field_time_entry.end_at);
  new_id bigint;
BEGIN
  IF p_start IS NULL THEN
    RAISE EXCEPTION 'start: is required' USING ERRCODE = '22023';
  END IF;
  IF p_end IS NULL THEN
    RAISE EXCEPTION 'end: is required' USING ERRCODE = '22023';
  END IF;
  IF p_end <= p_start THEN
    RAISE EXCEPTION 'end: must be after start' USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM technicians t WHERE t.id = p_tech) THEN
    RAISE EXCEPTION 'technician_id: no technician %', p_tech USING ERRCODE = '23503';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.id = p_wo) THEN
    RAISE EXCEPTION 'work_order_id: no work order %', p_wo USING ERRCODE = '23503';
  END IF;
  INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment)
  VALUES (p_tech, p_wo, p_start, p_end, coalesce(fieldops_field_time_entry.billable, true),
          coalesce(fieldops_field_time_entry.activity, ''), coalesce(fieldops_field_time_entry.comment, ''))
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;

-- A part used on a visit, taken from a van (van:<technician_id>) or a warehouse
-- (warehouse:<id>); by default the van of the visit's technician. Like the ingest's
-- `part_used`: stock never goes below zero. Returns the parts_used row's id.
CREATE FUNCTION fieldops_field_part_used(appointment_id text, sku text, quantity double precision, from_location text DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_appt text := fieldops_field_part_used.appointment_id;
  p_sku text := fieldops_field_part_used.sku;
  p_qty double precision := fieldops_field_part_used.quantity;
  p_from text := nullif(btrim(coalesce(fieldops_field_part_used.from_location, '')), '');
  a record;
  on_hand double precision;
  new_id bigint;
BEGIN
  IF p_qty IS NULL OR p_qty <= 0 THEN
    RAISE EXCEPTION 'quantity: must be a number greater than 0' USING ERRCODE = '22023';
  END IF;
  IF p_from IS NOT NULL AND p_from !~ '^(van:.+|warehouse:.+)$' THEN
    RAISE EXCEPTION 'from: must be van:<technician_id> or warehouse:<id>' USING ERRCODE = '22023';
  END IF;
  SELECT ap.technician_id, ap.status INTO a FROM appointments ap WHERE ap.id = p_appt;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'appointment_id: no appointment %', p_appt USING ERRCODE = '23503';
  END IF;
  IF a.status = 'cancelled' THEN
    RAISE EXCEPTION 'appointment_id: appointment % is cancelled', p_appt USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM parts p WHERE p.sku = p_sku) THEN
    RAISE EXCEPTION 'sku: no part %', p_sku USING ERRCODE = '23503';
  END IF;
  p_from := coalesce(p_from, 'van:' || a.technician_id);
  SELECT s.quantity INTO on_hand FROM stock s WHERE s.sku = p_sku AND s.location = p_from FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'from: no stock of % at %', p_sku, p_from USING ERRCODE = '22023';
  END IF;
  IF p_qty > on_hand + 1e-9 THEN
    RAISE EXCEPTION 'quantity: % is more than the % of % in stock at %', p_qty, on_hand, p_sku, p_from USING ERRCODE = '22023';
  END IF;
  UPDATE stock s SET quantity = s.quantity - p_qty WHERE s.sku = p_sku AND s.location = p_from;
  INSERT INTO parts_used(appointment_id, sku, quantity, location, at)
  VALUES (p_appt, p_sku, p_qty, p_from, date_trunc('second', now()))
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;

-- The customer's rating of a work order, 1 to 5. Like the ingest's `rating`; returns the row's id.
CREATE FUNCTION fieldops_field_rating(work_order_id text, score integer, comment text DEFAULT '', rated_at timestamptz DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_wo text := fieldops_field_rating.work_order_id;
  new_id bigint;
BEGIN
  IF fieldops_field_rating.score IS NULL OR fieldops_field_rating.score NOT BETWEEN 1 AND 5 THEN
    RAISE EXCEPTION 'score: must be a whole number from 1 to 5' USING ERRCODE = '22023';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.id = p_wo) THEN
    RAISE EXCEPTION 'work_order_id: no work order %', p_wo USING ERRCODE = '23503';
  END IF;
  INSERT INTO ratings(work_order_id, score, comment, rated_at)
  VALUES (p_wo, fieldops_field_rating.score, coalesce(fieldops_field_rating.comment, ''), date_trunc('second', fieldops_field_rating.rated_at))
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;

-- A notice reached the phone. Like the ingest's `delivered`: not before the notice was
-- written; a notice delivered before keeps the earlier of the two times.
CREATE FUNCTION fieldops_field_delivered(outbox_id bigint, at timestamptz)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_id bigint := fieldops_field_delivered.outbox_id;
  p_at timestamptz := date_trunc('second', fieldops_field_delivered.at);
  n record;
BEGIN
  IF p_at IS NULL THEN
    RAISE EXCEPTION 'at: is required' USING ERRCODE = '22023';
  END IF;
  SELECT o.created_at, o.delivered_at INTO n FROM technician_outbox o WHERE o.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'outbox_id: no notice % in the outbox', p_id USING ERRCODE = '23503';
  END IF;
  IF p_at < n.created_at THEN
    RAISE EXCEPTION 'at: % is before notice % was written (%)', fieldops_field_iso(p_at), p_id, fieldops_field_iso(n.created_at)
      USING ERRCODE = '22023';
  END IF;
  IF n.delivered_at IS NULL OR p_at < n.delivered_at THEN
    UPDATE technician_outbox o SET delivered_at = p_at, version = o.version + 1 WHERE o.id = p_id;
  END IF;
END $$;

-- The technician opened a notice. Like the ingest's `read`: delivered first (earlier, or
-- in the same transaction), and not before its delivery; a notice read before keeps the
-- earlier of the two times.
CREATE FUNCTION fieldops_field_read(outbox_id bigint, at timestamptz)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_id bigint := fieldops_field_read.outbox_id;
  p_at timestamptz := date_trunc('second', fieldops_field_read.at);
  n record;
BEGIN
  IF p_at IS NULL THEN
    RAISE EXCEPTION 'at: is required' USING ERRCODE = '22023';
  END IF;
  SELECT o.created_at, o.delivered_at, o.read_at INTO n FROM technician_outbox o WHERE o.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'outbox_id: no notice % in the outbox', p_id USING ERRCODE = '23503';
  END IF;
  IF p_at < n.created_at THEN
    RAISE EXCEPTION 'at: % is before notice % was written (%)', fieldops_field_iso(p_at), p_id, fieldops_field_iso(n.created_at)
      USING ERRCODE = '22023';
  END IF;
  IF n.delivered_at IS NULL THEN
    RAISE EXCEPTION 'outbox_id: notice % is not delivered yet', p_id USING ERRCODE = '22023';
  END IF;
  IF p_at < n.delivered_at THEN
    RAISE EXCEPTION 'at: % is before notice % was delivered (%)', fieldops_field_iso(p_at), p_id, fieldops_field_iso(n.delivered_at)
      USING ERRCODE = '22023';
  END IF;
  IF n.read_at IS NULL OR p_at < n.read_at THEN
    UPDATE technician_outbox o SET read_at = p_at, version = o.version + 1 WHERE o.id = p_id;
  END IF;
END $$;

-- A technician's outbox, oldest first: what the phone should show, with the states the
-- gateway reported so far (delivered_at and read_at NULL until then).
CREATE FUNCTION fieldops_field_outbox(technician_id text)
RETURNS TABLE(id bigint, kind text, appointment_id text, work_order_id text, body text,
              created_at timestamptz, delivered_at timestamptz, read_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  p_tech text := fieldops_field_outbox.technician_id;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM technicians t WHERE t.id = p_tech) THEN
    RAISE EXCEPTION 'technician_id: no technician %', p_tech USING ERRCODE = '23503';
  END IF;
  RETURN QUERY
    SELECT o.id, o.kind, o.appointment_id, o.work_order_id, o.body, o.created_at, o.delivered_at, o.read_at
      FROM technician_outbox o WHERE o.technician_id = p_tech ORDER BY o.created_at, o.id;
END $$;

REVOKE ALL ON FUNCTION fieldops_field_iso(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_position(text, timestamptz, double precision, double precision, double precision, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_status(text, text, timestamptz, double precision, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_outcome(text, boolean, text, text, text, timestamptz, timestamptz, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_time_entry(text, text, timestamptz, timestamptz, boolean, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_part_used(text, text, double precision, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_rating(text, integer, text, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_delivered(bigint, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_read(bigint, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION fieldops_field_outbox(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldops_field_position(text, timestamptz, double precision, double precision, double precision, double precision, double precision) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_status(text, text, timestamptz, double precision, double precision) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_outcome(text, boolean, text, text, text, timestamptz, timestamptz, timestamptz) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_time_entry(text, text, timestamptz, timestamptz, boolean, text, text) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_part_used(text, text, double precision, text) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_rating(text, integer, text, timestamptz) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_delivered(bigint, timestamptz) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_read(bigint, timestamptz) TO fieldops_field, fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_field_outbox(text) TO fieldops_field, fieldops_admin;
