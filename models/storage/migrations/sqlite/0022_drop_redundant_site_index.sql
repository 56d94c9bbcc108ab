-- work_orders_site_created (site_id, created_at), from migration 6, serves every lookup by
-- site that work_orders_site (site_id) served, so the older index only cost every insert:
-- generating tens of thousands of preventive work orders kept both up to date.
DROP INDEX IF EXISTS work_orders_site;
