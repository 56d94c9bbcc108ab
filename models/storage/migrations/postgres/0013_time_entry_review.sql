-- Review of the technicians' time entries before billing: each entry is pending until a
-- reviewer approves it as entered or corrects it (the audit log keeps what was entered).
-- Entries are then edited like every other record: versioned writes. Rows imported or
-- ingested later start pending.
ALTER TABLE time_entries ADD COLUMN review_state text NOT NULL DEFAULT 'pending' CHECK (review_state IN ('pending','approved','corrected'));
ALTER TABLE time_entries ADD COLUMN reviewed_by text;
ALTER TABLE time_entries ADD COLUMN reviewed_at timestamptz;
ALTER TABLE time_entries ADD COLUMN version integer NOT NULL DEFAULT 1;
-- The billing export reads a period's entries by work order.
CREATE INDEX time_entries_work_order ON time_entries(work_order_id, start_at);

-- Dispatchers review their technicians' time; the per-row trigger logs each review in the
-- change log and the audit log like every other update.
GRANT UPDATE (start_at, end_at, billable, comment, review_state, reviewed_by, reviewed_at, version) ON time_entries TO fieldops_dispatcher;
