#include "storage/Migrator.h"

#include "storage/ChangeTracking.h"
#include "storage/Database.h"
#include "storage/SqlScript.h"

#include <QFile>
#include <functional>

namespace fieldops {

namespace {

struct Migration {
    int version;
    const char *description;
    const char *script; // file name under :/fieldops/migrations/<dialect>/
    std::function<Status(Database &)> after;
};

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list{
        {1, "schema v1: every interchange entity, change log, audit log", "0001_schema.sql",
         [](Database &db) { return installChangeTracking(db); }},
        {2, "roles, grants and row-level security by territory (PostgreSQL)", "0002_roles.sql", {}},
        {3, "indexes for horizon and KPI period reads", "0003_read_indexes.sql", {}},
        {4, "KPI targets per KPI and territory, set by managers", "0004_kpi_targets.sql", {}},
        {5, "change and audit log written per statement for inserts and deletes (PostgreSQL)", "0005_statement_triggers.sql",
         [](Database &db) { return installStatementTracking(db); }},
        {6, "work-order description and cancel reason, technicians active, absences versioned", "0006_record_editing.sql",
         [](Database &db) { return refreshChangeTracking(db); }},
        {7, "user administration: list, role, territories, enable and disable logins (PostgreSQL)", "0007_user_admin.sql", {}},
        {8, "planner workspace: plan recurrence rules, holidays per territory, generated preventive work orders", "0008_planner.sql",
         [](Database &db) { return refreshChangeTracking(db); }},
        {9, "contract terms: coverage hours, hours per priority, billing, covered sites and assets, response due", "0009_contract_terms.sql",
         [](Database &db) { return refreshChangeTracking(db); }},
        {10, "change and audit log of inserts and deletes: each row's JSON built once (PostgreSQL)", "0010_leaner_statement_logging.sql", {}},
        {11, "field events: visit outcomes, parts used, position accuracy, asset readings and their hourly sums", "0011_field_ingest.sql",
         [](Database &db) { return refreshChangeTracking(db); }},
        {12, "condition rules on asset readings (threshold, rate of change, usage, anomaly), their skills, and the episodes of each breach with the work order it opened", "0012_condition_rules.sql", {}},
        {13, "time entries reviewed before billing: review state, reviewer, version", "0013_time_entry_review.sql",
         [](Database &db) { return refreshChangeTracking(db); }},
        {14, "customers' contact persons: name, role, phone, email", "0014_customer_contacts.sql", {}},
        {15, "asset readings partitioned by week (PostgreSQL) and pruned past a retention, the hourly sums kept", "0015_reading_retention.sql", {}},
        {16, "the lease of the consoles' evaluation of the condition rules: holder and expiry", "0016_condition_evaluation_lease.sql", {}},
        {17, "arrival and departure inferred from the technicians' positions, beside their status taps", "0017_inferred_arrivals.sql",
         [](Database &db) { return refreshChangeTracking(db); }},
        {18, "the alerts' thresholds shared by every console and the KPIs, and alerts dismissed with a reason", "0018_alert_thresholds.sql", {}},
        {19, "the technicians' outbox: notices of today's schedule changes and dispatchers' messages, with their delivery", "0019_technician_outbox.sql", {}},
        {20, "asset readings checked against their assets and logged in the change feed once per transaction and asset (PostgreSQL)",
         "0020_reading_ingest_speed.sql", {}},
        {21, "parts: a reorder point per part and location, the parts a work order needs, and stock transfers between warehouses and vans",
         "0021_parts_stock.sql", [](Database &db) { return refreshChangeTracking(db); }},
        {22, "work orders' index by site alone dropped: the index by site and creation time serves its lookups", "0022_drop_redundant_site_index.sql", {}},
        {23, "the field gateway's role (fieldops_field, PostgreSQL): checked server functions for the phones' events and the outbox's delivery, no table of its own", "0023_field_gateway.sql", {}},
        {24, "follow-up work orders: the work order a return visit follows, and where a work order's parts are reserved", "0024_follow_ups.sql",
         [](Database &db) { return refreshChangeTracking(db); }},
        {25, "the field gateway's outcome (PostgreSQL) opens follow-up work orders with their parts reserved, as the ingest does", "0025_gateway_follow_ups.sql", {}},
        {26, "the field gateway's logins made by the user commands (role field, PostgreSQL), its unresolved outcome reopening a work order only when no other visit is booked, "
             "the parts each open work order holds (work_order_parts_held: reserved less used) read by the consoles and the gateway alike, and planners changing reorder points",
         "0026_field_logins.sql", {}},
    };
    return list;
}

Result<QString> readScript(Dialect dialect, const char *name)
{
    const QString path = QStringLiteral(":/fieldops/migrations/%1/%2")
                             .arg(dialect == Dialect::PostgreSQL ? QStringLiteral("postgres") : QStringLiteral("sqlite"),
                                  QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::other(QObject::tr("migration script %1 is missing from the build").arg(path));
    return QString::fromUtf8(f.readAll());
}

} // namespace

int Migrator::latestVersion() { return migrations().back().version; }

Result<int> Migrator::currentVersion()
{
    const QString probe = m_db.isPostgres()
        ? QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'")
        : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    auto exists = m_db.scalar(probe);
    if (!exists)
        return exists.error();
    if (exists->toInt() == 0)
        return 0;
    auto v = m_db.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!v)
        return v.error();
    return v->toInt();
}

Result<int> Migrator::migrate()
{
    auto current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return Error::invalid(QObject::tr("the database has schema version %1, newer than this console understands (%2); update FieldOps")
                                  .arg(*current).arg(latestVersion()));
    int version = *current;
    for (const Migration &m : migrations()) {
        if (m.version <= version)
            continue;
        auto script = readScript(m_db.dialect(), m.script);
        if (!script)
            return script.error();
        Transaction tx(m_db);
        if (!tx.status())
            return tx.status().error();
        if (version == 0) {
            const QString ddl = m_db.isPostgres()
                ? QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
                : QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))");
            if (Status s = m_db.execDirect(ddl); !s)
                return s.error();
        }
        for (const QString &stmt : splitSqlScript(*script)) {
            if (Status s = m_db.execDirect(stmt); !s) {
                Error e = s.error();
                e.message = QObject::tr("migration %1 failed: %2").arg(m.version).arg(e.message);
                return e;
            }
        }
        if (m.after) {
            if (Status s = m.after(m_db); !s)
                return s.error();
        }
        auto rec = m_db.run(QStringLiteral("INSERT INTO schema_migrations(version, description) VALUES (?, ?)"),
                            {m.version, QString::fromLatin1(m.description)});
        if (!rec)
            return rec.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        version = m.version;
    }
    return version;
}

} // namespace fieldops
