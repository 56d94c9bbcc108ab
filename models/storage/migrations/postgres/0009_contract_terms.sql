-- Contract terms a planner writes in the console: coverage hours and their holiday
-- calendar, response and resolution hours per priority, billing terms, notes, the sites
-- and assets covered, and the contract a renewal continues.

-- Business-hours coverage: the covered weekdays ('Mon;Tue;Wed;Thu;Fri') and the local
-- opening and closing times in the site's time zone. holiday_territory_id names the
-- holiday calendar the clock stops on; NULL: the calendar of the site's territory.
ALTER TABLE contracts ADD COLUMN coverage_days text NOT NULL DEFAULT 'Mon;Tue;Wed;Thu;Fri';
ALTER TABLE contracts ADD COLUMN coverage_open text NOT NULL DEFAULT '08:00' CHECK (coverage_open ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE contracts ADD COLUMN coverage_close text NOT NULL DEFAULT '18:00' CHECK (coverage_close ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$');
ALTER TABLE contracts ADD COLUMN holiday_territory_id text REFERENCES territories(id);

-- Hours per priority (1 urgent … 4 low); NULL: response_hours applies to every priority,
-- and without it the priority's default.
ALTER TABLE contracts ADD COLUMN response_hours_p1 integer CHECK (response_hours_p1 IS NULL OR response_hours_p1 > 0);
ALTER TABLE contracts ADD COLUMN response_hours_p2 integer CHECK (response_hours_p2 IS NULL OR response_hours_p2 > 0);
ALTER TABLE contracts ADD COLUMN response_hours_p3 integer CHECK (response_hours_p3 IS NULL OR response_hours_p3 > 0);
ALTER TABLE contracts ADD COLUMN response_hours_p4 integer CHECK (response_hours_p4 IS NULL OR response_hours_p4 > 0);
ALTER TABLE contracts ADD COLUMN resolution_hours_p1 integer CHECK (resolution_hours_p1 IS NULL OR resolution_hours_p1 > 0);
ALTER TABLE contracts ADD COLUMN resolution_hours_p2 integer CHECK (resolution_hours_p2 IS NULL OR resolution_hours_p2 > 0);
ALTER TABLE contracts ADD COLUMN resolution_hours_p3 integer CHECK (resolution_hours_p3 IS NULL OR resolution_hours_p3 > 0);
ALTER TABLE contracts ADD COLUMN resolution_hours_p4 integer CHECK (resolution_hours_p4 IS NULL OR resolution_hours_p4 > 0);

-- Billing: a fixed fee per period, hours included in it, the hourly rate beyond them,
-- and whether parts are billed or included.
ALTER TABLE contracts ADD COLUMN fixed_fee double precision CHECK (fixed_fee IS NULL OR fixed_fee >= 0);
ALTER TABLE contracts ADD COLUMN fee_period text NOT NULL DEFAULT 'month' CHECK (fee_period IN ('month','quarter','year'));
ALTER TABLE contracts ADD COLUMN included_hours double precision CHECK (included_hours IS NULL OR included_hours >= 0);
ALTER TABLE contracts ADD COLUMN hourly_rate double precision CHECK (hourly_rate IS NULL OR hourly_rate >= 0);
ALTER TABLE contracts ADD COLUMN parts_included boolean NOT NULL DEFAULT false;
ALTER TABLE contracts ADD COLUMN notes text NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN renewed_from text REFERENCES contracts(id) ON DELETE SET NULL;
CREATE INDEX contracts_customer ON contracts(customer_id);
CREATE INDEX contracts_ends ON contracts(ends_on);

-- The sites and assets a contract covers. A contract naming none covers every site of
-- its customer (what contracts meant before they could name them).
CREATE TABLE contract_sites (
  contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  PRIMARY KEY (contract_id, site_id)
);
CREATE INDEX contract_sites_site ON contract_sites(site_id);
CREATE TABLE contract_assets (
  contract_id text NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  asset_id text NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  PRIMARY KEY (contract_id, asset_id)
);
CREATE INDEX contract_assets_asset ON contract_assets(asset_id);

-- A work order keeps its response deadline beside sla_due (the resolution deadline when
-- the contract sets one), so the inspector can show both.
ALTER TABLE work_orders ADD COLUMN response_due timestamptz;

CREATE TRIGGER contract_sites_track AFTER INSERT OR UPDATE OR DELETE ON contract_sites FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('contract_id', 'audit');
CREATE TRIGGER contract_assets_track AFTER INSERT OR UPDATE OR DELETE ON contract_assets FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('contract_id', 'audit');

GRANT SELECT ON contract_sites, contract_assets TO fieldops_dispatcher, fieldops_planner, fieldops_manager, fieldops_admin;
GRANT INSERT, UPDATE, DELETE ON contract_sites, contract_assets TO fieldops_planner, fieldops_admin;
