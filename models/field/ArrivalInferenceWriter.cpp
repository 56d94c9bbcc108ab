#include "field/ArrivalInferenceWriter.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <iterator>
#include <optional>

namespace fieldops::field {

namespace {

// A visit late in the evening may end after midnight: its departure is still its day's.
constexpr qint64 kAfterLastVisitSecs = 2 * 3600;

qint64 secs(const QDateTime &t) { return t.toSecsSinceEpoch(); }

QDateTime instant(const std::optional<qint64> &s) { return s ? QDateTime::fromSecsSinceEpoch(*s, QTimeZone::utc()) : QDateTime(); }

bool sameInstant(const QDateTime &a, const QDateTime &b)
{
    if (a.isValid() != b.isValid())
        return false;
    return !a.isValid() || a.toSecsSinceEpoch() == b.toSecsSinceEpoch();
}

// The fixes of `fixes` (in time order) nearest the visit's presence tap, on each side.
void setFixesAroundTap(VisitTimes &v, const std::vector<PositionFix> &fixes)
{
    const QDateTime tap = presenceTap(v);
    if (!tap.isValid() || fixes.empty())
        return;
    const qint64 t = secs(tap);
    const auto after = std::lower_bound(fixes.begin(), fixes.end(), t, [](const PositionFix &f, qint64 s) { return f.at < s; });
    if (after != fixes.end())
        v.fixAfterTap = QDateTime::fromSecsSinceEpoch(after->at, QTimeZone::utc());
    const auto before = std::upper_bound(fixes.begin(), fixes.end(), t, [](qint64 s, const PositionFix &f) { return s < f.at; });
    if (before != fixes.begin())
        v.fixBeforeTap = QDateTime::fromSecsSinceEpoch(std::prev(before)->at, QTimeZone::utc());
}

} // namespace

Status ArrivalInferenceWriter::loadTracks(const QDate &date, const std::vector<VisitTimes> &visits, std::vector<TechnicianDay> &days)
{
    QHash<QString, size_t> dayOf;
    std::vector<DayWindow> windows;
    for (const VisitTimes &v : visits) {
        if (!dayOf.contains(v.technicianId)) {
            dayOf.insert(v.technicianId, days.size());
            days.emplace_back();
            windows.push_back(localDay(date, v.timeZone));
        }
        const size_t d = dayOf.value(v.technicianId);
        days[d].visits.push_back({v.appointmentId, v.siteLat, v.siteLon, secs(v.plannedStart), secs(v.plannedEnd)});
        windows[d].to = std::max(windows[d].to, v.plannedEnd.addSecs(kAfterLastVisitSecs));
    }
    if (days.empty())
        return {};
    QDateTime from = windows.front().from, to = windows.front().to;
    for (const DayWindow &w : windows) {
        from = std::min(from, w.from);
        to = std::max(to, w.to);
    }
    QString sql = QStringLiteral("SELECT technician_id, at, lat, lon, accuracy_m FROM positions WHERE at >= ? AND at < ?");
    QVariantList binds{timefmt::toSql(from), timefmt::toSql(to)};
    // A few technicians: name them, so the index on (technician_id, at) reads only theirs.
    if (dayOf.size() <= 50) {
        QStringList marks;
        for (auto it = dayOf.cbegin(); it != dayOf.cend(); ++it) {
            marks << QStringLiteral("?");
            binds << it.key();
        }
        sql += QStringLiteral(" AND technician_id IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    sql += QStringLiteral(" ORDER BY technician_id, at");
    auto q = m_db.run(sql, binds);
    if (!q)
        return q.error();
    q->setForwardOnly(true);
    QString current;
    size_t d = 0;
    bool wanted = false;
    qint64 windowFrom = 0, windowTo = 0;
    while (q->next()) {
        const QString tech = q->value(0).toString();
        if (tech != current) {
            current = tech;
            const auto found = dayOf.constFind(tech);
            wanted = found != dayOf.cend();
            if (wanted) {
                d = *found;
                windowFrom = secs(windows[d].from);
                windowTo = secs(windows[d].to);
            }
        }
        if (!wanted)
            continue;
        const auto ms = timefmt::msFromSql(q->value(1));
        if (!ms)
            continue;
        const qint64 at = *ms / 1000;
        if (at < windowFrom || at >= windowTo)
            continue;
        const QVariant accuracy = q->value(4);
        days[d].fixes.push_back({at, q->value(2).toDouble(), q->value(3).toDouble(), accuracy.isNull() ? -1.0f : accuracy.toFloat()});
    }
    return {};
}

Result<InferenceRun> ArrivalInferenceWriter::run(const QDate &date, const QStringList &technicians, const InferenceOptions &options, bool dryRun)
{
    // Read and write in one transaction: the stored times compared are the ones replaced.
    // A dry run only reads, and takes no write lock (SQLite's BEGIN IMMEDIATE) meanwhile.
    std::optional<Transaction> tx;
    if (!dryRun) {
        tx.emplace(m_db);
        if (!tx->status())
            return tx->status().error();
    }
    auto visits = loadVisitTimes(m_db, date, technicians);
    if (!visits)
        return visits.error();
    InferenceRun run;
    run.visits = std::move(*visits);
    std::vector<TechnicianDay> days;
    if (Status s = loadTracks(date, run.visits, days); !s)
        return s.error();
    inferArrivalsForAll(days, options);

    QHash<QString, const InferredVisit *> inferred;
    QHash<QString, const TechnicianDay *> dayOf;
    for (const TechnicianDay &day : days) {
        for (const InferredVisit &v : day.inferred)
            inferred.insert(v.appointmentId, &v);
        for (const PlannedVisit &p : day.visits)
            dayOf.insert(p.appointmentId, &day);
    }
    for (VisitTimes &v : run.visits) {
        const TechnicianDay *day = dayOf.value(v.appointmentId);
        v.tracked = day && !day->fixes.empty();
        if (day)
            setFixesAroundTap(v, day->fixes);
        const InferredVisit *found = inferred.value(v.appointmentId);
        const QDateTime arrived = found ? instant(found->arrivedAt) : QDateTime();
        const QDateTime departed = found ? instant(found->departedAt) : QDateTime();
        run.withArrival += arrived.isValid() ? 1 : 0;
        run.withDeparture += departed.isValid() ? 1 : 0;
        const bool changed = !sameInstant(arrived, v.inferredArrivedAt) || !sameInstant(departed, v.inferredDepartedAt);
        v.inferredArrivedAt = arrived;
        v.inferredDepartedAt = departed;
        if (!changed)
            continue;
        ++run.changed;
        if (dryRun)
            continue;
        auto q = m_db.run(QStringLiteral("UPDATE appointments SET inferred_arrived_at = ?, inferred_departed_at = ?, version = version + 1 WHERE id = ?"),
                          {timefmt::toSql(arrived), timefmt::toSql(departed), v.appointmentId});
        if (!q)
            return q.error();
    }
    if (tx) {
        if (Status s = tx->commit(); !s)
            return s.error();
    }
    return run;
}

} // namespace fieldops::field
