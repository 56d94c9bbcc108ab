-- KPI targets: what a manager aims for per KPI, for every territory (territory_id NULL)
-- or one territory. The dashboard colours a value green at or past the target, amber
-- between the target and amber_threshold, red beyond it; which side is "past" follows
-- the KPI (higher is better except for the time to resolve), so no direction is stored.
-- One target per KPI and scope (a NULL territory counts as one scope).
CREATE TABLE kpi_targets (
  id bigserial PRIMARY KEY,
  kpi_key text NOT NULL CHECK (kpi_key IN ('work_orders_closed','first_time_fix_rate','on_time_arrival_rate','sla_compliance_rate','mean_time_to_resolve_h','utilization','billable_ratio','avg_rating','ratings_count','jobs_per_technician_day')),
  territory_id text REFERENCES territories(id) ON DELETE CASCADE,
  target double precision NOT NULL,
  amber_threshold double precision,
  version integer NOT NULL DEFAULT 1,
  updated_by text NOT NULL DEFAULT session_user,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kpi_targets_key_scope ON kpi_targets(kpi_key, coalesce(territory_id, ''));

-- In the change feed and the audit log like every other editable table.
CREATE TRIGGER kpi_targets_track AFTER INSERT OR UPDATE OR DELETE ON kpi_targets FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('id', 'audit');

-- Everyone reads targets; only managers and admins set them.
GRANT SELECT ON kpi_targets TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON kpi_targets TO fieldops_manager, fieldops_admin;
GRANT USAGE ON SEQUENCE kpi_targets_id_seq TO fieldops_manager, fieldops_admin;
