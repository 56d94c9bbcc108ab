#include "kpi/KpiReadParts.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcKpiLoad, "fieldops.kpi.load", QtWarningMsg)

namespace fieldops::kpi::detail {

QString Instants::column(const QString &name) const
{
    // date_part is double precision; EXTRACT's numeric arithmetic costs several times more.
    return m_pg ? QStringLiteral("CAST(date_part('epoch', %1) * 1000 AS bigint)").arg(name) : name;
}

std::optional<qint64> Instants::read(const QVariant &v) const
{
    if (!m_pg)
        return timefmt::msFromSql(v);
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

PhaseLog::PhaseLog() : m_cpu(std::clock()) { m_clock.start(); }

void PhaseLog::operator()(const char *what, size_t rows)
{
    // std::clock is the whole process's CPU: with the PostgreSQL side read running in
    // another thread it counts both.
    const std::clock_t now = std::clock();
    qCDebug(lcKpiLoad) << what << rows << "rows" << m_clock.restart() << "ms, this process's CPU"
                       << qint64(now - m_cpu) * 1000 / CLOCKS_PER_SEC << "ms";
    m_cpu = now;
}

Result<QSqlQuery> bulkSelect(Database &db, const QString &sql, const QVariantList &binds)
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

Status readTechnicians(Database &db, KpiInputs &in)
{
    auto q = bulkSelect(db, QStringLiteral("SELECT id, territory_id, employment, time_zone, shift_start, shift_end, work_days "
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
    return {};
}

Status readAbsences(Database &db, const Instants &t, const PeriodText &p, KpiInputs &in)
{
    auto q = bulkSelect(db, QStringLiteral("SELECT technician_id, %1, %2 FROM absences WHERE start_at < ? AND end_at > ?")
                                .arg(t.column(QStringLiteral("start_at")), t.column(QStringLiteral("end_at"))),
                        {p.to, p.from});
    if (!q)
        return q.error();
    while (q->next())
        in.absences.push_back({q->value(0).toString(), t.required(q->value(1)), t.required(q->value(2))});
    return {};
}

Status readRatings(Database &db, const Instants &t, const PeriodText &p, KpiInputs &in)
{
    auto q = bulkSelect(db, QStringLiteral("SELECT work_order_id, score, %1, comment FROM ratings WHERE rated_at >= ? AND rated_at < ?")
                                .arg(t.column(QStringLiteral("rated_at"))),
                        {p.from, p.to});
    if (!q)
        return q.error();
    while (q->next())
        in.ratings.push_back({q->value(0).toString(), q->value(1).toInt(), t.required(q->value(2)), q->value(3).toString()});
    return {};
}

Status readTimeEntries(Database &db, const Instants &t, const PeriodText &p, KpiInputs &in)
{
    auto q = bulkSelect(db, QStringLiteral("SELECT e.technician_id, %1, %2, CASE WHEN CAST(e.billable AS integer) = 1 THEN 1 ELSE 0 END, "
                                           "e.work_order_id, w.type "
                                           "FROM time_entries e LEFT JOIN work_orders w ON w.id = e.work_order_id "
                                           "WHERE e.start_at >= ? AND e.start_at < ?")
                                .arg(t.column(QStringLiteral("e.start_at")), t.column(QStringLiteral("e.end_at"))),
                        {p.from, p.to});
    if (!q)
        return q.error();
    while (q->next())
        in.timeEntries.push_back({q->value(0).toString(), t.required(q->value(1)), t.required(q->value(2)),
                                  q->value(3).toInt() == 1, q->value(4).toString(), q->value(5).toString()});
    return {};
}

Status readHistories(Database &db, const Instants &t, const QString &where, const QVariantList &binds, KpiInputs &in,
                     WorkOrderIndex &index)
{
    // A work order's columns repeat on each of its appointments' rows; rows of one work
    // order need not be adjacent (a hash join returns them in any order).
    auto q = bulkSelect(db, QStringLiteral("SELECT w.id, w.type, %1, %2, a.id, a.technician_id, "
                                           "CASE WHEN a.status = 'completed' THEN 1 ELSE 0 END, %3, %4, %5, "
                                           "CASE WHEN CAST(a.resolved AS integer) = 1 THEN 1 ELSE 0 END "
                                           "FROM work_orders w LEFT JOIN appointments a ON a.work_order_id = w.id AND a.status <> 'cancelled' "
                                           "WHERE %6")
                                .arg(t.column(QStringLiteral("w.created_at")), t.column(QStringLiteral("w.sla_due")),
                                     t.column(QStringLiteral("a.start_at")), t.column(QStringLiteral("a.arrived_at")),
                                     t.column(QStringLiteral("a.completed_at")), where),
                        binds);
    if (!q)
        return q.error();
    const int firstOfThisRead = int(in.workOrders.size());
    if (q->size() > 0)
        index.reserve(index.size() + q->size());
    QString last;
    int current = -1; // index of `last`; -1: skipped, read by an earlier call
    while (q->next()) {
        const QString workOrderId = q->value(0).toString();
        if (workOrderId != last) {
            last = workOrderId;
            auto it = index.constFind(workOrderId);
            if (it == index.constEnd()) {
                current = int(in.workOrders.size());
                index.insert(workOrderId, current);
                in.workOrders.push_back({workOrderId, q->value(1).toString(), t.required(q->value(2)), t.read(q->value(3)), QString()});
            } else {
                current = it.value() >= firstOfThisRead ? it.value() : -1;
            }
        }
        if (current < 0)
            continue; // read before, with all its appointments
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
        in.appointmentWorkOrder.push_back(current);
    }
    return {};
}

Status readFollowUpChains(Database &db, const Instants &t, KpiInputs &in, WorkOrderIndex &index)
{
    // Follow-ups are few (the return visits for parts): every link at once, by the partial
    // index on follow_up_of; nothing more to do without any.
    auto q = bulkSelect(db, QStringLiteral("SELECT id, follow_up_of FROM work_orders WHERE follow_up_of IS NOT NULL"));
    if (!q)
        return q.error();
    QHash<QString, QString> parent;
    QHash<QString, QStringList> children;
    while (q->next()) {
        const QString id = q->value(0).toString(), of = q->value(1).toString();
        parent.insert(id, of);
        children[of].push_back(id);
    }
    if (parent.isEmpty())
        return {};
    constexpr int kMaxChain = 100; // a loop a hand-edited database might hold
    const auto rootOf = [&](QString id) {
        for (int i = 0; i < kMaxChain && parent.contains(id); ++i)
            id = parent.value(id);
        return id;
    };
    // Every member of the chains of the work orders read: from each root, its return visits.
    QStringList missing;
    QSet<QString> visited;
    for (auto it = index.constBegin(); it != index.constEnd(); ++it) {
        if (!parent.contains(it.key()) && !children.contains(it.key()))
            continue;
        QStringList todo{rootOf(it.key())};
        while (!todo.isEmpty()) {
            const QString id = todo.takeLast();
            if (visited.contains(id))
                continue;
            visited.insert(id);
            if (!index.contains(id))
                missing.push_back(id);
            todo += children.value(id);
        }
    }
    if (!missing.isEmpty()) {
        // The ids as one parameter: a JSON array on SQLite, a text[] literal on PostgreSQL.
        QString list;
        for (const QString &id : std::as_const(missing)) {
            QString quoted = id;
            quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
            list += (list.isEmpty() ? QString() : QStringLiteral(",")) + QLatin1Char('"') + quoted + QLatin1Char('"');
        }
        const bool pg = db.isPostgres();
        const QString where = pg ? QStringLiteral("w.id = ANY(CAST(? AS text[]))") : QStringLiteral("w.id IN (SELECT value FROM json_each(?))");
        const QString bind = pg ? QLatin1Char('{') + list + QLatin1Char('}') : QLatin1Char('[') + list + QLatin1Char(']');
        if (Status s = readHistories(db, t, where, {bind}, in, index); !s)
            return s;
    }
    for (WorkOrderIn &wo : in.workOrders)
        wo.followUpOf = parent.value(wo.id);
    return {};
}

void linkRatings(KpiInputs &in, const WorkOrderIndex &index)
{
    in.ratingWorkOrder.clear();
    in.ratingWorkOrder.reserve(in.ratings.size());
    for (const RatingIn &r : in.ratings)
        in.ratingWorkOrder.push_back(index.value(r.workOrderId, -1));
}

} // namespace fieldops::kpi::detail
