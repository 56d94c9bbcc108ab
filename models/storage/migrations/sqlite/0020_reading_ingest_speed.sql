-- Nothing changes on SQLite: the PostgreSQL script moves the readings' asset check and
-- change-feed rows from each row to each statement, which SQLite's row triggers cannot
-- express; a one-person file takes in far fewer readings.
SELECT 1;
