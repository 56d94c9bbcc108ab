-- The field gateway's logins (`user add NAME --role field`) and its outcome function, which
-- reopens a work order only when no other visit of it is booked, exist only on PostgreSQL
-- (the PostgreSQL script of the same number): a SQLite file has no logins, roles or server
-- functions, and its ingest reopens work orders in models/field/FieldEventWriter.cpp.
--

-- What each open work order holds of a part where it is reserved: what work_order_parts lists
-- with a reserved_location while the work order is open, scheduled or in progress, less what
-- its visits have already used of that part (parts_used, from wherever it was taken), down to
-- nothing. The one rule of reservations: the consoles' stock and reorder lists and where a
-- follow-up's parts go (models/parts/Reservations) and the gateway's outcome function read it.
CREATE VIEW work_order_parts_held AS
SELECT wp.work_order_id, wp.sku, wp.reserved_location AS location,
       CASE WHEN coalesce(u.used, 0) < wp.quantity THEN wp.quantity - coalesce(u.used, 0) ELSE 0 END AS held
  FROM work_order_parts wp
  JOIN work_orders w ON w.id = wp.work_order_id
  LEFT JOIN (SELECT a.work_order_id, pu.sku, sum(pu.quantity) AS used
               FROM parts_used pu JOIN appointments a ON a.id = pu.appointment_id
              GROUP BY a.work_order_id, pu.sku) u ON u.work_order_id = wp.work_order_id AND u.sku = wp.sku
 WHERE wp.reserved_location IS NOT NULL AND w.status IN ('open', 'scheduled', 'in_progress');
