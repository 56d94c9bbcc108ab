#include "scheduling/ScheduleLoader.h"

#include "storage/AppointmentRows.h"
#include "storage/Database.h"
#include "storage/TechnicianRows.h"
#include "storage/SiteRows.h"
#include "storage/WorkOrderRows.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace fieldops::scheduling {

namespace {

// Ids go to the server in bounded batches: both drivers cap the number of bound values.
constexpr qsizetype kBatch = 500;
// How far beyond the span a neighbour can still matter (see load()).
constexpr int kNeighbourReachDays = 2;

QString placeholders(qsizetype n)
{
    QString s;
    s.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(",?") : QStringLiteral("?");
    return s;
}

class Reader {
public:
    explicit Reader(Database &db) : m_db(db) {}

    Status appointments(const QString &where, const QVariantList &binds, ScheduleSnapshot &snap, QSet<QString> &seen)
    {
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM appointments a WHERE %2").arg(rows::appointmentColumns(), where), binds);
        if (!q)
            return q.error();
        while (q->next()) {
            Appointment a = rows::readAppointment(*q);
            if (!seen.contains(a.id)) {
                seen.insert(a.id);
                snap.appointments.push_back(std::move(a));
            }
        }
        return {};
    }

    Status technicians(ScheduleSnapshot &snap)
    {
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM technicians t ORDER BY t.id").arg(rows::technicianColumns()));
        if (!q)
            return q.error();
        QHash<QString, size_t> byId;
        while (q->next()) {
            Technician t = rows::readTechnician(*q);
            byId.insert(t.id, snap.technicians.size());
            snap.technicians.push_back(std::move(t));
        }
        auto sk = m_db.run(QStringLiteral("SELECT technician_id, skill_code FROM technician_skills ORDER BY technician_id, skill_code"));
        if (!sk)
            return sk.error();
        while (sk->next()) {
            auto it = byId.constFind(sk->value(0).toString());
            if (it != byId.constEnd())
                snap.technicians[it.value()].skills << sk->value(1).toString();
        }
        return {};
    }

    Status absences(const QVariant &from, const QVariant &to, ScheduleSnapshot &snap)
    {
        auto q = m_db.run(QStringLiteral("SELECT id, technician_id, start_at, end_at, reason FROM absences "
                                         "WHERE start_at < ? AND end_at > ? ORDER BY technician_id, start_at, id"),
                          {to, from});
        if (!q)
            return q.error();
        while (q->next()) {
            Absence a;
            a.rowId = q->value(0).toLongLong();
            a.technicianId = q->value(1).toString();
            a.start = timefmt::fromSql(q->value(2));
            a.end = timefmt::fromSql(q->value(3));
            a.reason = q->value(4).toString();
            snap.absences.push_back(std::move(a));
        }
        return {};
    }

    // Work orders whose id is in `idSql` (a subquery or a placeholder list, written here,
    // never from input), with their required skills; ones already read are skipped.
    Status workOrdersIn(const QString &idSql, const QVariantList &binds, ScheduleSnapshot &snap)
    {
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM work_orders w WHERE w.id IN (%2)").arg(rows::workOrderColumns(), idSql),
                          binds);
        if (!q)
            return q.error();
        const size_t firstNew = snap.workOrders.size(); // rows from here on are this call's
        while (q->next()) {
            if (m_workOrderAt.contains(q->value(0).toString()))
                continue;
            WorkOrder w = rows::readWorkOrder(*q);
            m_workOrderAt.insert(w.id, snap.workOrders.size());
            snap.workOrders.push_back(std::move(w));
        }
        auto sk = m_db.run(QStringLiteral("SELECT work_order_id, skill_code FROM work_order_skills WHERE work_order_id IN (%1) "
                                          "ORDER BY work_order_id, skill_code").arg(idSql),
                           binds);
        if (!sk)
            return sk.error();
        while (sk->next()) {
            const auto at = m_workOrderAt.constFind(sk->value(0).toString());
            if (at != m_workOrderAt.cend() && at.value() >= firstNew)
                snap.workOrders[at.value()].requiredSkills << sk->value(1).toString();
        }
        return {};
    }

    // The given work orders not read yet, in bounded batches.
    Status workOrders(const QStringList &ids, ScheduleSnapshot &snap)
    {
        return inBatches(ids, [this](const QString &id) { return m_workOrderAt.contains(id); },
                         [&](const QString &idSql, const QVariantList &binds) { return workOrdersIn(idSql, binds, snap); });
    }

    Status sitesIn(const QString &idSql, const QVariantList &binds, ScheduleSnapshot &snap)
    {
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM sites s WHERE s.id IN (%2)").arg(rows::siteColumns(), idSql), binds);
        if (!q)
            return q.error();
        while (q->next()) {
            if (m_siteSeen.contains(q->value(0).toString()))
                continue;
            Site s = rows::readSite(*q);
            m_siteSeen.insert(s.id);
            snap.sites.push_back(std::move(s));
        }
        return {};
    }

    Status sites(const QStringList &ids, ScheduleSnapshot &snap)
    {
        return inBatches(ids, [this](const QString &id) { return m_siteSeen.contains(id); },
                         [&](const QString &idSql, const QVariantList &binds) { return sitesIn(idSql, binds, snap); });
    }

private:
    // Reads the ids not read yet through `read(placeholders, binds)`, in bounded batches.
    template <typename Known, typename Read>
    static Status inBatches(const QStringList &ids, Known known, Read read)
    {
        QStringList missing;
        for (const QString &id : ids) {
            if (!known(id))
                missing << id;
        }
        for (qsizetype at = 0; at < missing.size(); at += kBatch) {
            const QStringList batch = missing.mid(at, kBatch);
            if (Status s = read(placeholders(batch.size()), QVariantList(batch.begin(), batch.end())); !s)
                return s;
        }
        return {};
    }

    Database &m_db;
    QHash<QString, size_t> m_workOrderAt; // id → index in snap.workOrders
    QSet<QString> m_siteSeen;
};

template <typename T>
QStringList sortedUnique(const std::vector<T> &rows, QString (*key)(const T &))
{
    QStringList out;
    out.reserve(qsizetype(rows.size()));
    for (const T &r : rows)
        out << key(r);
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

Result<ScheduleSnapshot> ScheduleLoader::load(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return Error::invalid(QCoreApplication::translate("ScheduleLoader", "the horizon needs a start before its end"));
    ScheduleSnapshot snap;
    snap.from = from.toUTC();
    snap.to = to.toUTC();
    const QVariant vFrom = timefmt::toSql(snap.from), vTo = timefmt::toSql(snap.to);
    static const QString live = QStringLiteral("status <> 'cancelled'");

    // [lo, hi) spans the horizon and every appointment intersecting it: anything
    // overlapping a selected appointment intersects that span.
    auto span = m_db.run(QStringLiteral("SELECT min(start_at), max(end_at) FROM appointments "
                                        "WHERE %1 AND start_at < ? AND end_at > ?").arg(live),
                         {vTo, vFrom});
    if (!span)
        return span.error();
    QDateTime lo = snap.from, hi = snap.to;
    if (span->next()) {
        const QDateTime minStart = timefmt::fromSql(span->value(0)), maxEnd = timefmt::fromSql(span->value(1));
        if (minStart.isValid() && minStart < lo)
            lo = minStart;
        if (maxEnd.isValid() && maxEnd > hi)
            hi = maxEnd;
    }
    const QVariant vLo = timefmt::toSql(lo), vHi = timefmt::toSql(hi);

    Reader read(m_db);
    QSet<QString> seen;
    if (Status s = read.appointments(QStringLiteral("a.%1 AND a.start_at < ? AND a.end_at > ?").arg(live), {vHi, vLo}, snap, seen); !s)
        return s.error();
    // Each technician's last appointment starting before the span and first starting at or
    // after its end: the neighbours that make "consecutive" right at the edges. A neighbour
    // two days away can never start on the same local date as a visit in the span (offsets
    // differ by hours, not days), so the search stops there: the travel verdict is the same
    // with or without it, and each lookup stays a short index range instead of a
    // technician's whole history.
    const QString neighbour = QStringLiteral(
        "a.id IN (SELECT (SELECT b.id FROM appointments b WHERE b.technician_id = t.id AND b.%1 "
        "AND b.start_at %2 ? AND b.start_at %3 ? ORDER BY b.start_at %4, b.end_at %4, b.id %4 LIMIT 1) FROM technicians t)");
    const QVariant vLookBack = timefmt::toSql(lo.addDays(-kNeighbourReachDays));
    const QVariant vLookAhead = timefmt::toSql(hi.addDays(kNeighbourReachDays));
    if (Status s = read.appointments(neighbour.arg(live, QStringLiteral("<"), QStringLiteral(">="), QStringLiteral("DESC")),
                                     {vLo, vLookBack}, snap, seen);
        !s)
        return s.error();
    if (Status s = read.appointments(neighbour.arg(live, QStringLiteral(">="), QStringLiteral("<"), QStringLiteral("ASC")),
                                     {vHi, vLookAhead}, snap, seen);
        !s)
        return s.error();
    std::sort(snap.appointments.begin(), snap.appointments.end(), [](const Appointment &a, const Appointment &b) {
        return a.technicianId != b.technicianId ? a.technicianId < b.technicianId
                                                : (a.start != b.start ? a.start < b.start : a.id < b.id);
    });

    if (Status s = read.technicians(snap); !s)
        return s.error();
    if (Status s = read.absences(vLo, vHi, snap); !s)
        return s.error();
    // The span's work orders and sites in one statement each (id lists of thousands cost more
    // to prepare and bind than to read), then the few the neighbours add, by id.
    const QString spanWorkOrders = QStringLiteral("SELECT a.work_order_id FROM appointments a WHERE a.%1 "
                                                  "AND a.start_at < ? AND a.end_at > ?").arg(live);
    if (Status s = read.workOrdersIn(spanWorkOrders, {vHi, vLo}, snap); !s)
        return s.error();
    if (Status s = read.workOrders(sortedUnique<Appointment>(snap.appointments, [](const Appointment &a) { return a.workOrderId; }), snap); !s)
        return s.error();
    if (Status s = read.sitesIn(QStringLiteral("SELECT w.site_id FROM work_orders w WHERE w.id IN (%1)").arg(spanWorkOrders),
                                {vHi, vLo}, snap);
        !s)
        return s.error();
    if (Status s = read.sites(sortedUnique<WorkOrder>(snap.workOrders, [](const WorkOrder &w) { return w.siteId; }), snap); !s)
        return s.error();
    std::sort(snap.workOrders.begin(), snap.workOrders.end(), [](const WorkOrder &a, const WorkOrder &b) { return a.id < b.id; });
    std::sort(snap.sites.begin(), snap.sites.end(), [](const Site &a, const Site &b) { return a.id < b.id; });
    return snap;
}

} // namespace fieldops::scheduling
