-- Asset readings kept for a year of one-a-minute sensors (10,000 assets make 5 billion rows
-- a year): the raw readings are partitioned by UTC week, so `fieldops-cli prune-readings`
-- drops whole weeks past the retention instead of deleting rows one by one, and the hourly
-- sums (asset_reading_hours) stay for good. The SQLite script keeps the same watermark;
-- its readings stay in one table and are deleted row by row.

-- The table again, partitioned by `at`: a primary key would have to include `at` and
-- nothing looks a reading up by id, so the id stays a sequence-numbered column without an
-- index of its own (the rows are the largest thing the server keeps). Fixed-width columns
-- first, so a row carries no alignment padding.
ALTER TABLE asset_readings RENAME TO asset_readings_unpartitioned;
ALTER INDEX asset_readings_asset_kind_at RENAME TO asset_readings_unpartitioned_asset_kind_at;
ALTER SEQUENCE asset_readings_id_seq OWNED BY NONE;
CREATE TABLE asset_readings (
  id bigint NOT NULL DEFAULT nextval('asset_readings_id_seq'),
  at timestamptz NOT NULL,
  value double precision NOT NULL,
  asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind <> ''),
  unit text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  CHECK ((kind = 'runtime_hours' AND unit = 'h') OR (kind = 'cycles' AND unit = 'count')
         OR (kind = 'temperature' AND unit = '°C') OR (kind = 'pressure' AND unit = 'bar')
         OR (kind = 'vibration' AND unit = 'mm/s')
         OR kind NOT IN ('runtime_hours','cycles','temperature','pressure','vibration'))
) PARTITION BY RANGE (at);
ALTER SEQUENCE asset_readings_id_seq OWNED BY asset_readings.id;
CREATE INDEX asset_readings_asset_kind_at ON asset_readings(asset_id, kind, at);
-- Readings of a week without a partition of its own land here: rows that came before
-- their week's partition was made, and the last reading of each series that went silent
-- before the retention (kept by the pruning so the series' unit and last value survive).
CREATE TABLE asset_readings_default PARTITION OF asset_readings DEFAULT;

-- The partitions of the UTC weeks (Monday 00:00) from `lo` to `hi`, made where missing,
-- moving any rows of that week out of the default partition into it. The writers call it
-- for the weeks of the readings they are about to insert, and for this week and the next
-- so a week's partition is there before its first reading. Definer's rights: the roles
-- that write readings may not create tables. Returns the number of partitions made.
CREATE FUNCTION fieldops_reading_partitions(lo timestamptz, hi timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  week timestamptz := date_trunc('week', lo AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  last_week timestamptz := date_trunc('week', hi AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  name text;
  made integer := 0;
  locked boolean := false;
BEGIN
  IF lo IS NULL OR hi IS NULL OR hi < lo THEN
    RETURN 0;
  END IF;
  IF last_week - week > interval '520 weeks' THEN
    RAISE EXCEPTION 'readings span more than ten years (% to %)', lo, hi;
  END IF;
  WHILE week <= last_week LOOP
    name := 'asset_readings_' || to_char(week AT TIME ZONE 'UTC', 'YYYYMMDD');
    IF to_regclass(name) IS NULL THEN
      IF NOT locked THEN
        -- Two writers making the same week: the second waits for the first's commit.
        PERFORM pg_advisory_xact_lock(hashtext('fieldops_reading_partitions'));
        locked := true;
      END IF;
      IF to_regclass(name) IS NULL THEN
        CREATE TEMP TABLE IF NOT EXISTS pg_temp.fieldops_moved_readings (LIKE asset_readings) ON COMMIT DROP;
        TRUNCATE pg_temp.fieldops_moved_readings;
        -- Straight from and to the partitions: a move is no change for the change feed.
        WITH moved AS (DELETE FROM asset_readings_default WHERE at >= week AND at < week + interval '7 days' RETURNING *)
        INSERT INTO pg_temp.fieldops_moved_readings SELECT * FROM moved;
        EXECUTE format('CREATE TABLE %I PARTITION OF asset_readings FOR VALUES FROM (%L) TO (%L)',
                       name, week, week + interval '7 days');
        EXECUTE format('INSERT INTO %I SELECT * FROM pg_temp.fieldops_moved_readings', name);
        made := made + 1;
      END IF;
    END IF;
    week := week + interval '7 days';
  END LOOP;
  RETURN made;
END $$;

-- The raw readings before `cutoff` removed: the weeks wholly before it dropped and the
-- default partition's rows before it deleted, except, for each asset and kind whose last
-- reading is before the cutoff, that last reading. The week the cutoff falls in is
-- kept whole, so a reading lives at least until the cutoff passes it and at most a week
-- longer. The hourly sums are not touched. Returns the number of readings removed.
CREATE FUNCTION fieldops_prune_readings(cutoff timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  part record;
  removed bigint := 0;
  n bigint;
  since timestamptz := (SELECT pruned_before FROM asset_reading_retention);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('fieldops_reading_partitions'));
  -- The series that went silent before the cutoff: their last reading moves to the default
  -- partition before its week goes. Only series with an hour since the last pruning (less the
  -- week it kept whole) can be new ones.
  CREATE TEMP TABLE IF NOT EXISTS pg_temp.fieldops_kept_readings (LIKE asset_readings) ON COMMIT DROP;
  TRUNCATE pg_temp.fieldops_kept_readings;
  INSERT INTO pg_temp.fieldops_kept_readings
  SELECT last.* FROM (SELECT asset_id, kind FROM asset_reading_hours
                       WHERE hour < cutoff AND (since IS NULL OR hour >= since - interval '8 days')
                       GROUP BY asset_id, kind) s
  CROSS JOIN LATERAL (SELECT * FROM asset_readings r WHERE r.asset_id = s.asset_id AND r.kind = s.kind AND r.at < cutoff
                      ORDER BY r.at DESC, r.id DESC LIMIT 1) last
  WHERE NOT EXISTS (SELECT 1 FROM asset_readings y WHERE y.asset_id = s.asset_id AND y.kind = s.kind AND y.at >= cutoff);

  FOR part IN
    SELECT c.relname AS name, to_date(substr(c.relname, 16), 'YYYYMMDD')::timestamp AT TIME ZONE 'UTC' AS week
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'asset_readings'::regclass AND c.relname ~ '^asset_readings_[0-9]{8}$'
  LOOP
    IF part.week + interval '7 days' <= cutoff THEN
      EXECUTE format('SELECT count(*) FROM %I', part.name) INTO n;
      removed := removed + n;
      EXECUTE format('DROP TABLE %I', part.name);
    END IF;
  END LOOP;
  -- The kept last readings whose week was dropped go to the default partition; then what
  -- the default partition holds before the cutoff goes, but each series' last reading.
  INSERT INTO asset_readings_default SELECT k.* FROM pg_temp.fieldops_kept_readings k
   WHERE NOT EXISTS (SELECT 1 FROM asset_readings y WHERE y.asset_id = k.asset_id AND y.kind = k.kind AND y.at = k.at AND y.id = k.id);
  GET DIAGNOSTICS n = ROW_COUNT;
  removed := removed - n;
  DELETE FROM asset_readings_default d WHERE d.at < cutoff
     AND EXISTS (SELECT 1 FROM asset_readings y WHERE y.asset_id = d.asset_id AND y.kind = d.kind
                                                  AND (y.at > d.at OR (y.at = d.at AND y.id > d.id)));
  GET DIAGNOSTICS n = ROW_COUNT;
  removed := removed + n;
  UPDATE asset_reading_retention SET pruned_before = greatest(coalesce(pruned_before, cutoff), cutoff);
  RETURN removed;
END $$;

-- Up to when raw readings have been pruned (NULL: never). Before it only the hourly sums
-- are left, so rebuilding the sums from the readings (after an import) keeps those hours.
CREATE TABLE asset_reading_retention (
  one integer PRIMARY KEY DEFAULT 1 CHECK (one = 1),
  pruned_before timestamptz
);
INSERT INTO asset_reading_retention(one) VALUES (1);

-- The readings move over, in partitions of the weeks they fall in.
SELECT fieldops_reading_partitions(min(at), max(at)) FROM asset_readings_unpartitioned HAVING count(*) > 0;
SELECT fieldops_reading_partitions(now(), now() + interval '7 days');
INSERT INTO asset_readings(id, at, value, asset_id, kind, unit, source)
     SELECT id, at, value, asset_id, kind, unit, source FROM asset_readings_unpartitioned;
DROP TABLE asset_readings_unpartitioned;

-- In the change feed as before (telemetry: no audit rows). Readings are inserted and
-- deleted, never updated, and a row trigger would be cloned onto each partition and log
-- the partition's name: the table has no update trigger any more.
CREATE TRIGGER asset_readings_track_insert AFTER INSERT ON asset_readings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'noaudit');
CREATE TRIGGER asset_readings_track_delete AFTER DELETE ON asset_readings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows('asset_id', 'noaudit');

GRANT SELECT ON asset_readings, asset_reading_retention TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON asset_readings TO fieldops_admin;
GRANT USAGE ON SEQUENCE asset_readings_id_seq TO fieldops_admin;
REVOKE ALL ON FUNCTION fieldops_reading_partitions(timestamptz, timestamptz), fieldops_prune_readings(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fieldops_reading_partitions(timestamptz, timestamptz) TO fieldops_admin;
GRANT EXECUTE ON FUNCTION fieldops_prune_readings(timestamptz) TO fieldops_admin;
