-- The field gateway's outcome opens follow-up work orders as `fieldops-cli ingest` does
-- (migration 24, models/field/FollowUpOrders.cpp, models/parts/Reservations.cpp,
-- models/field/FieldEventWriter.cpp writeOutcome): fieldops_field_outcome takes the parts
-- the return visit needs (`parts jsonb`, [{"sku":"F-100","quantity":2}]) and, for an
-- unresolved visit with reason needs_parts and no other visit of its work order booked,
-- writes the follow-up, its skills and its parts reserved where they are free, leaving the
-- original in progress; a resolved visit closes its work order and every original up the
-- chain of follow-ups that is in progress. Checks and messages are the ingest's ("key:
-- reason"; SQLSTATE 23503 for a part the database does not hold, 22023 for the rest), and
-- any refusal or failure leaves nothing of the call written.
--
-- The follow-up's id is the console's and the ingest's (storage/SequentialIds): "WO-" and
-- one past the highest number among the 50 longest-then-highest ids under "WO-", six digits
-- at least. Two writers that pick the same number at once are settled by the primary key:
-- the second is refused (unique violation, SQLSTATE 23505) with nothing of its call written,
-- and may call again. Its title is written in English ("Return visit: <summary>"): the
-- server has no console language (the console's and the ingest's title is translated).
--
-- The new argument changes the function's signature: the old one is dropped and the new one
-- revoked from PUBLIC and granted again to the gateway and to admins.

DROP FUNCTION fieldops_field_outcome(text, boolean, text, text, text, timestamptz, timestamptz, timestamptz);

CREATE FUNCTION fieldops_field_outcome(appointment_id text, resolved boolean, reason text DEFAULT NULL, notes text DEFAULT '',
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
     SET status = 'completed', resolved = fieldops_field_outcome.resolved, outcome_reason = p_reason,
         outcome_notes = coalesce(fieldops_field_outcome.notes, ''), signed_by = coalesce(fieldops_field_outcome.signed_by, ''),
         arrived_at = coalesce(p_arrived, ap.arrived_at), departed_at = coalesce(p_departed, ap.departed_at),
         completed_at = coalesce(p_completed, ap.completed_at, p_departed, date_trunc('second', now())),
         version = ap.version + 1
   WHERE ap.id = p_appt;

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
          FOR s IN SELECT st.location, st.quantity - coalesce(r.reserved, 0) AS free FROM stock st
                     LEFT JOIN (SELECT wp.sku, wp.reserved_location AS location, sum(wp.quantity) AS reserved
                                  FROM work_order_parts wp JOIN work_orders w ON w.id = wp.work_order_id
                                 WHERE wp.reserved_location IS NOT NULL AND w.status IN ('open', 'scheduled', 'in_progress')
                                 GROUP BY wp.sku, wp.reserved_location) r ON r.sku = st.sku AND r.location = st.location
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
  ELSE
    UPDATE work_orders w SET status = 'open', version = w.version + 1
     WHERE w.id = a.work_order_id AND w.status IN ('scheduled', 'in_progress');
  END IF;
END $$;

REVOKE ALL ON FUNCTION fieldops_field_outcome(text, boolean, text, text, text, timestamptz, timestamptz, timestamptz, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldops_field_outcome(text, boolean, text, text, text, timestamptz, timestamptz, timestamptz, jsonb) TO fieldops_field, fieldops_admin;
