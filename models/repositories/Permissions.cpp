#include "repositories/Permissions.h"

#include "storage/Database.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace fieldops {

namespace {

Result<Permissions> postgresPermissions(Database &db)
{
    auto standby = db.scalar(QStringLiteral("SELECT current_setting('transaction_read_only')"));
    if (!standby)
        return standby.error();
    if (standby->toString() == QLatin1String("on"))
        return Permissions::none();
    auto schema = db.scalar(QStringLiteral("SELECT to_regclass('appointments') IS NOT NULL"));
    if (!schema)
        return schema.error();
    if (!schema->toBool())
        return Permissions::all(); // nothing to guard yet: init creates the schema and the roles
    // KPI targets: their table's privilege once it exists, until then the roles that own
    // the KPIs (managers and admins). Superusers are members of every role.
    auto q = db.run(QStringLiteral(
        "SELECT has_table_privilege(current_user, 'appointments', 'UPDATE'),"
        "       has_table_privilege(current_user, 'contracts', 'UPDATE'),"
        "       CASE WHEN to_regclass('kpi_targets') IS NOT NULL"
        "            THEN has_table_privilege(current_user, 'kpi_targets', 'UPDATE')"
        "            ELSE (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fieldops_manager')"
        "                  AND pg_has_role(current_user, 'fieldops_manager', 'MEMBER'))"
        "              OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fieldops_admin')"
        "                  AND pg_has_role(current_user, 'fieldops_admin', 'MEMBER')) END,"
        "       CASE WHEN to_regprocedure('fieldops_add_user(text,text,text,text[])') IS NOT NULL"
        "            THEN has_function_privilege(current_user, 'fieldops_add_user(text,text,text,text[])', 'EXECUTE')"
        "            ELSE false END"
        "       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolcreaterole OR rolsuper)),"
        "       has_table_privilege(current_user, 'work_orders', 'INSERT'),"
        "       has_table_privilege(current_user, 'customers', 'UPDATE'),"
        "       has_table_privilege(current_user, 'technicians', 'UPDATE'),"
        "       has_table_privilege(current_user, 'absences', 'INSERT'),"
        // Reviewers are granted only the review's columns, which the table's privilege
        // does not report.
        "       has_column_privilege(current_user, 'time_entries', 'review_state', 'UPDATE'),"
        // Parts (schema version 21): transfers, and the reorder point's column.
        "       CASE WHEN to_regclass('stock_transfers') IS NOT NULL"
        "            THEN has_table_privilege(current_user, 'stock_transfers', 'INSERT')"
        "                 AND has_column_privilege(current_user, 'stock', 'quantity', 'UPDATE') ELSE false END,"
        "       CASE WHEN to_regclass('stock_transfers') IS NOT NULL"
        "            THEN has_column_privilege(current_user, 'stock', 'min_quantity', 'UPDATE') ELSE false END"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::other(QObject::tr("the server did not say what this user may do"));
    Permissions p;
    p.editSchedule = q->value(0).toBool();
    p.editContracts = q->value(1).toBool();
    p.editTargets = q->value(2).toBool();
    p.manageUsers = q->value(3).toBool();
    p.editWorkOrders = q->value(4).toBool();
    p.editCustomers = q->value(5).toBool();
    p.editTechnicians = q->value(6).toBool();
    p.editAbsences = q->value(7).toBool();
    p.reviewTime = q->value(8).toBool();
    p.moveStock = q->value(9).toBool();
    p.editReorderPoints = q->value(10).toBool();
    return p;
}

} // namespace

Result<Permissions> readPermissions(Database &db)
{
    if (db.isPostgres())
        return postgresPermissions(db);
    return QFileInfo(db.url().path).isWritable() ? Permissions::all() : Permissions::none();
}

} // namespace fieldops
