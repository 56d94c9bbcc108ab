#pragma once
// The follow-up tests' fixture, shared by tst_follow_up (ingest and console paths) and
// tst_field_gateway (the server functions), so both paths are checked on the same data.
#include "../itemmodels/WorkOrderFixture.h"

#include "TestDatabases.h"
#include "field/VisitOutcome.h"

#include <QSqlRecord>
#include <QTimeZone>
#include <QStringList>
#include <memory>

namespace fieldops::test {

// Every row of a query, cells joined by |, rows by ; (a failure as its text).
inline QString queryRows(Database &db, const QString &sql)
{
    auto q = db.run(sql);
    if (!q)
        return QStringLiteral("<error: %1 %2>").arg(q.error().message, q.error().detail);
    QStringList out;
    while (q->next()) {
        QStringList cells;
        for (int i = 0; i < q->record().count(); ++i)
            cells << (q->value(i).isNull() ? QStringLiteral("NULL") : q->value(i).toString());
        out << cells.join(QLatin1Char('|'));
    }
    return out.join(QLatin1Char(';'));
}

// Work order w1 (Acme Plant, asset a1 under contract k1, corrective, priority 1, 90 min,
// hvac + elec) with Bruno (t2) on site at ap9. Filters: 4 in Bruno's van, 50 in the central
// warehouse; valves: 1 in the van, 3 central, 5 north; gaskets nowhere. Returns what failed.
inline QString insertFollowUpFixture(Database &db)
{
    if (QString failed = insertWorkOrderFixture(db); !failed.isEmpty())
        return failed;
    for (const char *sql : {"INSERT INTO parts(sku, name, unit_cost) VALUES ('F-100', 'Filter', 12.5), ('V-2', 'Valve', 40), ('G-9', 'Gasket', 3)",
                            "INSERT INTO stock(sku, location, quantity, min_quantity) VALUES ('F-100', 'van:t2', 4, 3), "
                            "('F-100', 'warehouse:central', 50, 0), ('V-2', 'van:t2', 1, 0), ('V-2', 'warehouse:central', 3, 0), "
                            "('V-2', 'warehouse:north', 5, 0)",
                            "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                            "('ap9', 'w1', 't2', '2026-03-02T09:00:00Z', '2026-03-02T10:30:00Z', 'scheduled')"}) {
        if (Status s = db.execDirect(QString::fromLatin1(sql)); !s)
            return s.error().message + QLatin1Char(' ') + s.error().detail;
    }
    return {};
}

// The outcome of Bruno's visit ap9 from the console: on site 09:05 to 10:00 on 2 March,
// unresolved for `reason`, with the parts the return visit needs for needs_parts.
inline field::VisitOutcome ap9Unresolved(const QString &reason, std::vector<parts::PartNeed> parts = {})
{
    field::VisitOutcome o;
    o.arrivedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 5), QTimeZone::utc());
    o.completedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0), QTimeZone::utc());
    o.resolved = false;
    o.reason = reason;
    o.parts = std::move(parts);
    return o;
}

// A fresh `backend` database with the fixture above; null when a step failed (said as a
// warning, lastError() for the database itself).
inline std::unique_ptr<Database> openFollowUpFixture(const QString &backend, QString *url = nullptr)
{
    auto db = freshDatabase(backend, true, url);
    if (!db)
        return nullptr;
    if (const QString failed = insertFollowUpFixture(*db); !failed.isEmpty()) {
        qWarning("%s", qPrintable(failed));
        return nullptr;
    }
    return db;
}

// w1 scheduled, as its booking made it, and a second visit of it, ap11 (Ana, the next day),
// in `status` (none when empty): the outcome of ap9 meets another visit booked or not.
inline QString scheduleSecondVisit(Database &db, const QString &status)
{
    QStringList sql{QStringLiteral("UPDATE work_orders SET status = 'scheduled' WHERE id = 'w1'")};
    if (!status.isEmpty())
        sql << QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                              "('ap11', 'w1', 't1', '2026-03-03T09:00:00Z', '2026-03-03T10:30:00Z', '%1')")
                   .arg(status);
    for (const QString &stmt : sql) {
        if (Status s = db.execDirect(stmt); !s)
            return s.error().message + QLatin1Char(' ') + s.error().detail;
    }
    return {};
}

} // namespace fieldops::test
