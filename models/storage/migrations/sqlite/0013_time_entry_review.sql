-- Review of the technicians' time entries before billing: each entry is pending until a
-- reviewer approves it as entered or corrects it (the audit log keeps what was entered).
-- Entries are then edited like every other record: versioned writes. Rows imported or
-- ingested later start pending. The same columns and meaning as the PostgreSQL script;
-- the change-tracking triggers are written again after it so the audit log carries them.
ALTER TABLE time_entries ADD COLUMN review_state text NOT NULL DEFAULT 'pending' CHECK (review_state IN ('pending','approved','corrected'));
ALTER TABLE time_entries ADD COLUMN reviewed_by text;
ALTER TABLE time_entries ADD COLUMN reviewed_at text CHECK (reviewed_at IS NULL OR reviewed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z');
ALTER TABLE time_entries ADD COLUMN version integer NOT NULL DEFAULT 1;
-- The billing export reads a period's entries by work order.
CREATE INDEX time_entries_work_order ON time_entries(work_order_id, start_at);
