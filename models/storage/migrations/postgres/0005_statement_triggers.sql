-- Inserts and deletes are logged once per statement from its transition table instead of
-- once per row: an import of 100,000 rows runs one trigger per batch, not per row, which
-- was most of the server's CPU. Updates keep the row trigger (fieldops_track_change):
-- they are single-row edits, and only a row trigger pairs a row's old and new values.
-- The triggers themselves are replaced by the migration's code (ChangeTracking.cpp holds
-- the list of tracked tables).
CREATE OR REPLACE FUNCTION fieldops_track_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  who text := coalesce(nullif(current_setting('fieldops.actor', true), ''), session_user);
  n bigint := 0;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO change_log(entity, entity_id, op, actor)
         SELECT TG_TABLE_NAME, to_jsonb(r) ->> TG_ARGV[0], 'insert', who FROM new_rows r;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF TG_ARGV[1] = 'audit' THEN
      INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values)
           SELECT who, TG_TABLE_NAME, j ->> TG_ARGV[0], 'insert', NULL, j
             FROM (SELECT to_jsonb(r) AS j FROM new_rows r) s;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO change_log(entity, entity_id, op, actor)
         SELECT TG_TABLE_NAME, to_jsonb(r) ->> TG_ARGV[0], 'delete', who FROM old_rows r;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF TG_ARGV[1] = 'audit' THEN
      INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values)
           SELECT who, TG_TABLE_NAME, j ->> TG_ARGV[0], 'delete', j, NULL
             FROM (SELECT to_jsonb(r) AS j FROM old_rows r) s;
    END IF;
  END IF;
  IF n > 0 THEN
    PERFORM pg_notify('fieldops_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;
