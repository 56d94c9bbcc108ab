-- Indexes for the reads that grow with history.
-- The board's horizon query is `start_at < :to AND end_at > :from`; with only a
-- start_at index the planner walks every appointment that started before the
-- horizon's end (the whole history). end_at bounds it from the other side.
CREATE INDEX IF NOT EXISTS appointments_end ON appointments(end_at);
-- KPI periods select visits by arrival and ratings by the time they were given.
CREATE INDEX IF NOT EXISTS appointments_arrived ON appointments(arrived_at);
CREATE INDEX IF NOT EXISTS ratings_rated ON ratings(rated_at);
