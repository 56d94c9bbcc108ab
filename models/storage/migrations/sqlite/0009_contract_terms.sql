-- Contract terms a planner writes in the console: coverage hours and their holiday
-- calendar, response and resolution hours per priority, billing terms, notes, the sites
-- and assets covered, and the contract a renewal continues.

-- Business-hours coverage: the covered weekdays ('Mon;Tue;Wed;Thu;Fri') and the local
-- opening and closing times in the site's time zone. holiday_territory_id names the
-- holiday calendar the clock stops on; NULL: the calendar of the site's territory.
ALTER TABLE contracts ADD COLUMN coverage_days text NOT NULL DEFAULT 'Mon;Tue;Wed;Thu;Fri';
ALTER TABLE contracts ADD COLUMN coverage_open text NOT NULL DEFAULT '08:00' CHECK (length(coverage_open) = 5 AND coverage_open GLOB '[0-2][0-9]:[0-5][0-9]' AND coverage_open < '24:00');
ALTER TABLE contracts ADD COLUMN coverage_close text NOT NULL DEFAULT '18:00' CHECK (length(coverage_close) = 5 AND coverage_close GLOB '[0-2][0-9]:[0-5][0-9]' AND coverage_close <= '24:00');
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
ALTER TABLE contracts ADD COLUMN fixed_fee real CHECK (fixed_fee IS NULL OR fixed_fee >= 0);
ALTER TABLE contracts ADD COLUMN fee_period text NOT NULL DEFAULT 'month' CHECK (fee_period IN ('month','quarter','year'));
ALTER TABLE contracts ADD COLUMN included_hours real CHECK (included_hours IS NULL OR included_hours >= 0);
ALTER TABLE contracts ADD COLUMN hourly_rate real CHECK (hourly_rate IS NULL OR hourly_rate >= 0);
ALTER TABLE contracts ADD COLUMN parts_included integer NOT NULL DEFAULT 0 CHECK (parts_included IN (0, 1));
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
ALTER TABLE work_orders ADD COLUMN response_due text;

-- In the change feed and the audit log (rows of these lists are only inserted and deleted).
CREATE TRIGGER contract_sites_track_insert AFTER INSERT ON contract_sites BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('contract_sites', NEW.contract_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'contract_sites', NEW.contract_id, 'insert', NULL, json_object('contract_id', NEW.contract_id, 'site_id', NEW.site_id));
END;
CREATE TRIGGER contract_sites_track_delete AFTER DELETE ON contract_sites BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('contract_sites', OLD.contract_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'contract_sites', OLD.contract_id, 'delete', json_object('contract_id', OLD.contract_id, 'site_id', OLD.site_id), NULL);
END;
CREATE TRIGGER contract_assets_track_insert AFTER INSERT ON contract_assets BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('contract_assets', NEW.contract_id, 'insert', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'contract_assets', NEW.contract_id, 'insert', NULL, json_object('contract_id', NEW.contract_id, 'asset_id', NEW.asset_id));
END;
CREATE TRIGGER contract_assets_track_delete AFTER DELETE ON contract_assets BEGIN
  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('contract_assets', OLD.contract_id, 'delete', (SELECT name FROM session_actor WHERE one = 1));
  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) VALUES ((SELECT name FROM session_actor WHERE one = 1), 'contract_assets', OLD.contract_id, 'delete', json_object('contract_id', OLD.contract_id, 'asset_id', OLD.asset_id), NULL);
END;
