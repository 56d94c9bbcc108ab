-- Arrival and departure as the phone's positions tell them (fieldops-cli infer-arrivals),
-- kept beside the technician's own taps (arrived_at, departed_at) so the two can be set
-- side by side. The per-row trigger serialises the whole row, so the change log and the
-- audit log carry them without more; they are written as an admin, like the ingest.
ALTER TABLE appointments ADD COLUMN inferred_arrived_at timestamptz;
ALTER TABLE appointments ADD COLUMN inferred_departed_at timestamptz;
