-- Planner workspace: recurrence rules of maintenance plans, holiday calendars per
-- territory, and which plan occurrence a generated preventive work order stands for.

-- A site lies in a territory; the territory's holidays move the site's preventive visits.
ALTER TABLE sites ADD COLUMN territory_id text REFERENCES territories(id);

-- The recurrence of a plan (PmRecurrence's text form, e.g. 'every 1 months on last Fri');
-- '' keeps the plan recurring every interval_days from next_due. preferred_start is the
-- local clock time (HH:MM, site time zone) the visit should start; lead_days books the
-- work order that many days before the occurrence enters the horizon; shift_on_miss makes
-- a missed occurrence happen late and the following ones count from it; seasonal_months
-- limits occurrences to the listed months ('4;5;6'; '' all year).
ALTER TABLE maintenance_plans ADD COLUMN recurrence text NOT NULL DEFAULT '';
ALTER TABLE maintenance_plans ADD COLUMN preferred_start text CHECK (preferred_start IS NULL OR preferred_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE maintenance_plans ADD COLUMN lead_days integer NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 365);
ALTER TABLE maintenance_plans ADD COLUMN shift_on_miss boolean NOT NULL DEFAULT false;
ALTER TABLE maintenance_plans ADD COLUMN seasonal_months text NOT NULL DEFAULT '';

-- A generated work order remembers its plan and occurrence (the occurrence's own date,
-- before any holiday move): generating twice creates nothing, and a cancelled occurrence
-- stays cancelled instead of coming back.
ALTER TABLE work_orders ADD COLUMN pm_plan_id text REFERENCES maintenance_plans(id) ON DELETE SET NULL;
ALTER TABLE work_orders ADD COLUMN pm_due date;
CREATE UNIQUE INDEX work_orders_pm_occurrence ON work_orders(pm_plan_id, pm_due) WHERE pm_plan_id IS NOT NULL;

-- Public holidays per territory: the business-hours clock stops on them and preventive
-- visits falling on them move to the next working day.
CREATE TABLE holidays (
  territory_id text NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
  day date NOT NULL,
  name text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (territory_id, day)
);

-- In the change feed and the audit log like every other editable table.
CREATE TRIGGER holidays_track AFTER INSERT OR UPDATE OR DELETE ON holidays FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('territory_id', 'audit');

-- Planners keep the calendars as they keep contracts and plans.
GRANT SELECT ON holidays TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON holidays TO fieldops_planner, fieldops_admin;
