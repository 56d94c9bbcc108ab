#include "kpi/KpiLoader.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <optional>
#include <QLoggingCategory>
#include <ctime>

Q_LOGGING_CATEGORY(lcKpiLoad, "fieldops.kpi.load", QtWarningMsg)

namespace fieldops::kpi {

qint64 KpiPeriod::fromMs() const { return QDateTime(from, QTime(0, 0), zone).toMSecsSinceEpoch(); }
qint64 KpiPeriod::toMs() const { return QDateTime(to.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(); }

namespace {

QString iso(qint64 ms) { return timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)); }

// Work orders any formula may touch in the period (a sub-select with 8 parameters): due,
// completed (closing visits and completions), visited or rated in it. Plain range
// conditions, so each branch is one index range scan.
const QString kScopeSql = QStringLiteral(
    "SELECT id FROM work_orders WHERE sla_due >= ? AND sla_due < ? "
    "UNION ALL SELECT work_order_id FROM appointments WHERE completed_at >= ? AND completed_at < ? "
    "UNION ALL SELECT work_order_id FROM appointments WHERE arrived_at >= ? AND arrived_at < ? "
    "UNION ALL SELECT work_order_id FROM ratings WHERE rated_at >= ? AND rated_at < ?");

// Instants travel as integer ms on PostgreSQL: the driver would otherwise build a
// QDateTime per timestamp, the largest share of a big load. SQLite stores canonical UTC
// text, which timefmt::msFromSql reads digit by digit.
class Instants {
public:
    explicit Instants(bool postgres) : m_pg(postgres) {}
    QString column(const QString &name) const
    {
        // date_part is double precision; EXTRACT's numeric arithmetic costs several times more.
        return m_pg ? QStringLiteral("CAST(date_part('epoch', %1) * 1000 AS bigint)").arg(name) : name;
    }
    std::optional<qint64> read(const QVariant &v) const
    {
        if (!m_pg)
            return timefmt::msFromSql(v);
        if (v.isNull())
            return std::nullopt;
        return v.toLongLong();
    }
    qint64 required(const QVariant &v) const { return read(v).value_or(0); }

private:
    bool m_pg;
};

// A bulk read. On PostgreSQL a forward-only query fetches row by row (single-row mode,
// one server message each); the whole result in one go is several times faster.
Result<QSqlQuery> select(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto q = db.prepare(sql);
    if (!q)
        return q.error();
    q->setForwardOnly(!db.isPostgres());
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    if (Status s = db.exec(*q); !s)
        return s.error();
    return std::move(q).value();
}

} // namespace

Result<KpiInputs> loadKpiInputs(Database &db, const KpiPeriod &period)
{
    if (!period.from.isValid() || !period.to.isValid() || period.to < period.from)
        return Error::invalid(QObject::tr("the period must have a start date on or before its end date"));
    KpiInputs in;
    in.fromMs = period.fromMs();
    in.toMs = period.toMs();
    in.calendarDays = period.calendarDays();
    const QString from = iso(in.fromMs), to = iso(in.toMs);
    const QVariantList scopeBinds{from, to, from, to, from, to, from, to};
    const Instants t(db.isPostgres());
    // PostgreSQL: the period's work orders are hashed for the join with their
    // appointments; with the default 4 MB of working memory a 90-day hash spills to disk
    // in batches. More memory for this read only (SET LOCAL ends with the transaction,
    // which only reads and is rolled back). Not on SQLite: its transactions take the
    // write lock.
    std::optional<Transaction> readOnly;
    if (db.isPostgres()) {
        readOnly.emplace(db);
        if (!readOnly->status() || !db.execDirect(QStringLiteral("SET LOCAL work_mem = '64MB'")))
            readOnly.reset(); // still correct, only slower
    }
    QElapsedTimer phaseClock;
    phaseClock.start();
    std::clock_t phaseCpu = std::clock();
    // Where a load's time goes, per read (the benchmark turns this category on). CPU time
    // beside wall time: on a shared machine the wall clock also counts waiting for a core
    // (and on PostgreSQL the server's work is in another process).
    auto phase = [&](const char *what, size_t rows) {
        const std::clock_t now = std::clock();
        qCDebug(lcKpiLoad) << what << rows << "rows" << phaseClock.restart() << "ms, this process's CPU"
                           << qint64(now - phaseCpu) * 1000 / CLOCKS_PER_SEC << "ms";
        phaseCpu = now;
    };

    {
        auto q = select(db, QStringLiteral("SELECT id, territory_id, employment, time_zone, shift_start, shift_end, work_days "
                                           "FROM technicians ORDER BY id"));
        if (!q)
            return q.error();
        while (q->next()) {
            TechnicianIn tech;
            tech.id = q->value(0).toString();
            tech.territoryId = q->value(1).toString();
            tech.employment = q->value(2).toString();
            tech.timeZone = q->value(3).toString();
            tech.shiftStart = timefmt::parseClock(q->value(4).toString()).value_or(QTime(8, 0));
            tech.shiftEnd = timefmt::parseClock(q->value(5).toString()).value_or(QTime(17, 0));
            tech.workDays = q->value(6).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
            in.technicians.push_back(std::move(tech));
        }
        phase("technicians", in.technicians.size());
    }
    {
        auto q = select(db, QStringLiteral("SELECT technician_id, %1, %2 FROM absences WHERE start_at < ? AND end_at > ?")
                                .arg(t.column(QStringLiteral("start_at")), t.column(QStringLiteral("end_at"))),
                        {to, from});
        if (!q)
            return q.error();
        while (q->next())
            in.absences.push_back({q->value(0).toString(), t.required(q->value(1)), t.required(q->value(2))});
        phase("absences", in.absences.size());
    }
    {
        // The work orders and their appointments in one statement, so the scope is worked
        // out once; a work order's columns repeat on each of its appointments' rows.
        auto q = select(db, QStringLiteral("SELECT w.id, w.type, %1, %2, a.id, a.technician_id, "
                                           "CASE WHEN a.status = 'completed' THEN 1 ELSE 0 END, %3, %4, %5, "
                                           "CASE WHEN CAST(a.resolved AS integer) = 1 THEN 1 ELSE 0 END "
                                           "FROM work_orders w LEFT JOIN appointments a ON a.work_order_id = w.id AND a.status <> 'cancelled' "
                                           "WHERE w.id IN (%6)")
                                .arg(t.column(QStringLiteral("w.created_at")), t.column(QStringLiteral("w.sla_due")),
                                     t.column(QStringLiteral("a.start_at")), t.column(QStringLiteral("a.arrived_at")),
                                     t.column(QStringLiteral("a.completed_at")), kScopeSql),
                        scopeBinds);
        if (!q)
            return q.error();
        QSet<QString> seen;
        seen.reserve(4096);
        QString last;
        while (q->next()) {
            const QString workOrderId = q->value(0).toString();
            if (workOrderId != last && !seen.contains(workOrderId)) {
                seen.insert(workOrderId);
                in.workOrders.push_back({workOrderId, q->value(1).toString(), t.required(q->value(2)), t.read(q->value(3))});
            }
            last = workOrderId;
            const QVariant id = q->value(4);
            if (id.isNull())
                continue; // a work order without appointments
            AppointmentIn a;
            a.id = id.toString();
            a.workOrderId = workOrderId;
            a.technicianId = q->value(5).toString();
            a.completed = q->value(6).toInt() == 1;
            a.startMs = t.required(q->value(7));
            a.arrivedMs = t.read(q->value(8));
            a.completedMs = t.read(q->value(9));
            a.resolved = q->value(10).toInt() == 1;
            in.appointments.push_back(std::move(a));
        }
        phase("work orders and appointments", in.appointments.size());
    }
    {
        auto q = select(db, QStringLiteral("SELECT work_order_id, score, %1, comment FROM ratings WHERE rated_at >= ? AND rated_at < ?")
                                .arg(t.column(QStringLiteral("rated_at"))),
                        {from, to});
        if (!q)
            return q.error();
        while (q->next())
            in.ratings.push_back({q->value(0).toString(), q->value(1).toInt(), t.required(q->value(2)), q->value(3).toString()});
        phase("ratings", in.ratings.size());
    }
    {
        auto q = select(db, QStringLiteral("SELECT e.technician_id, %1, %2, CASE WHEN CAST(e.billable AS integer) = 1 THEN 1 ELSE 0 END, "
                                           "e.work_order_id, w.type "
                                           "FROM time_entries e LEFT JOIN work_orders w ON w.id = e.work_order_id "
                                           "WHERE e.start_at >= ? AND e.start_at < ?")
                                .arg(t.column(QStringLiteral("e.start_at")), t.column(QStringLiteral("e.end_at"))),
                        {from, to});
        if (!q)
            return q.error();
        while (q->next())
            in.timeEntries.push_back({q->value(0).toString(), t.required(q->value(1)), t.required(q->value(2)),
                                      q->value(3).toInt() == 1, q->value(4).toString(), q->value(5).toString()});
        phase("time entries", in.timeEntries.size());
    }
    return in;
}

} // namespace fieldops::kpi
