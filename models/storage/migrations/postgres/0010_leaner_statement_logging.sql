-- The per-statement change and audit logging of 0005, cheaper for wide rows: each inserted
-- or deleted row is turned into JSON once and both logs are written from that (0005 built
-- the whole row's JSON twice per row, once only to read its id for the change log). The
-- rows logged are the same: one change_log and, for audited tables, one audit_log row per
-- row, in the statement's row order. Generating tens of thousands of preventive work
-- orders spent most of its server time here.
CREATE OR REPLACE FUNCTION fieldops_track_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  who text := coalesce(nullif(current_setting('fieldops.actor', true), ''), session_user);
  n bigint := 0;
BEGIN
  IF TG_ARGV[1] <> 'audit' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO change_log(entity, entity_id, op, actor)
           SELECT TG_TABLE_NAME, to_jsonb(r) ->> TG_ARGV[0], 'insert', who FROM new_rows r;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO change_log(entity, entity_id, op, actor)
           SELECT TG_TABLE_NAME, to_jsonb(r) ->> TG_ARGV[0], 'delete', who FROM old_rows r;
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
  ELSIF TG_OP = 'INSERT' THEN
    WITH rows AS MATERIALIZED (SELECT j, j ->> TG_ARGV[0] AS rid FROM (SELECT to_jsonb(r) AS j FROM new_rows r) s),
         changes AS (INSERT INTO change_log(entity, entity_id, op, actor) SELECT TG_TABLE_NAME, rid, 'insert', who FROM rows)
    INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values)
         SELECT who, TG_TABLE_NAME, rid, 'insert', NULL, j FROM rows;
    GET DIAGNOSTICS n = ROW_COUNT;
  ELSIF TG_OP = 'DELETE' THEN
    WITH rows AS MATERIALIZED (SELECT j, j ->> TG_ARGV[0] AS rid FROM (SELECT to_jsonb(r) AS j FROM old_rows r) s),
         changes AS (INSERT INTO change_log(entity, entity_id, op, actor) SELECT TG_TABLE_NAME, rid, 'delete', who FROM rows)
    INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values)
         SELECT who, TG_TABLE_NAME, rid, 'delete', j, NULL FROM rows;
    GET DIAGNOSTICS n = ROW_COUNT;
  END IF;
  IF n > 0 THEN
    PERFORM pg_notify('fieldops_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;
