-- Up to when raw asset readings have been pruned (`fieldops-cli prune-readings`; NULL:
-- never). Before it only the hourly sums (asset_reading_hours) are left, so rebuilding the
-- sums from the readings (after an import) keeps those hours. The PostgreSQL script also
-- partitions the readings by week; here they stay in one table, deleted row by row.
CREATE TABLE asset_reading_retention (
  one integer PRIMARY KEY DEFAULT 1 CHECK (one = 1),
  pruned_before text CHECK (pruned_before IS NULL OR pruned_before GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
);
INSERT INTO asset_reading_retention(one) VALUES (1);
