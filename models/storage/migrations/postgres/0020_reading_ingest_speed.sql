-- Readings arrive by the million (a gateway sends every sensor once a minute), and per row
-- the server spent more on bookkeeping than on the reading: a foreign-key lookup of the
-- asset and a change_log row with the row's JSON built for it. Both now happen once per
-- transaction and asset, which is what they are about:
--  * the asset check: one statement trigger looks up the distinct assets of the inserted
--    rows and locks them FOR KEY SHARE, as the foreign key did for each row, so an asset
--    deleted meanwhile makes the insert fail and one being deleted waits for it; a missing
--    asset raises the foreign-key violation (SQLSTATE 23503) the constraint raised;
--  * the change feed: one change_log row per asset and transaction (entity asset_readings,
--    entity_id the asset), which is what the consoles reload by;
--  * deleting an asset still deletes its readings (the constraint's ON DELETE CASCADE),
--    now by a statement trigger on assets.
-- Rows moved between partitions by fieldops_reading_partitions and the pruning are
-- written into the partitions themselves and fire none of this: they were checked and
-- logged when they first came in.
ALTER TABLE asset_readings DROP CONSTRAINT IF EXISTS asset_readings_asset_id_fkey;
ALTER TABLE asset_readings DROP CONSTRAINT IF EXISTS asset_readings_asset_id_fkey1;
DROP TRIGGER asset_readings_track_insert ON asset_readings;
DROP TRIGGER asset_readings_track_delete ON asset_readings;

CREATE FUNCTION fieldops_track_readings() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  who text := coalesce(nullif(current_setting('fieldops.actor', true), ''), session_user);
  missing text;
  fresh text[];
  n bigint := 0;
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The assets this transaction has already checked, locked and logged: the lock holds
    -- to the end of the transaction, and the change feed needs an asset once per commit.
    IF to_regclass('pg_temp.fieldops_reading_assets') IS NULL THEN
      CREATE TEMP TABLE fieldops_reading_assets (asset_id text PRIMARY KEY) ON COMMIT DROP;
    END IF;
    WITH added AS (INSERT INTO pg_temp.fieldops_reading_assets SELECT DISTINCT asset_id FROM new_rows
                   ON CONFLICT DO NOTHING RETURNING asset_id)
    SELECT coalesce(array_agg(asset_id ORDER BY asset_id), '{}') INTO fresh FROM added;
    IF cardinality(fresh) = 0 THEN
      RETURN NULL;
    END IF;
    PERFORM 1 FROM assets WHERE id = ANY (fresh) FOR KEY SHARE;
    SELECT f INTO missing FROM unnest(fresh) f WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.id = f) LIMIT 1;
    IF missing IS NOT NULL THEN
      RAISE foreign_key_violation USING
        MESSAGE = 'insert or update on table "asset_readings" violates foreign key constraint "asset_readings_asset_id_fkey"',
        DETAIL = format('Key (asset_id)=(%s) is not present in table "assets".', missing);
    END IF;
    INSERT INTO change_log(entity, entity_id, op, actor) SELECT TG_TABLE_NAME, f, 'insert', who FROM unnest(fresh) f;
    GET DIAGNOSTICS n = ROW_COUNT;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO change_log(entity, entity_id, op, actor)
         SELECT TG_TABLE_NAME, asset_id, 'delete', who FROM (SELECT DISTINCT asset_id FROM old_rows) d ORDER BY asset_id;
    GET DIAGNOSTICS n = ROW_COUNT;
  END IF;
  IF n > 0 THEN
    PERFORM pg_notify('fieldops_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER asset_readings_track_insert AFTER INSERT ON asset_readings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_readings();
CREATE TRIGGER asset_readings_track_delete AFTER DELETE ON asset_readings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_readings();

CREATE FUNCTION fieldops_delete_asset_readings() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM asset_readings WHERE asset_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER assets_delete_readings AFTER DELETE ON assets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fieldops_delete_asset_readings();
