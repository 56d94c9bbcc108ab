-- Arrival and departure as the phone's positions tell them (fieldops-cli infer-arrivals),
-- kept beside the technician's own taps (arrived_at, departed_at) so the two can be set
-- side by side. The same columns and meaning as the PostgreSQL script; the change-tracking
-- triggers are written again after it so the audit log carries them.
ALTER TABLE appointments ADD COLUMN inferred_arrived_at text CHECK (inferred_arrived_at IS NULL OR inferred_arrived_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z');
ALTER TABLE appointments ADD COLUMN inferred_departed_at text CHECK (inferred_departed_at IS NULL OR inferred_departed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z');
