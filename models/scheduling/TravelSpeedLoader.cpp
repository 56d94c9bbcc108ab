#include "scheduling/TravelSpeedLoader.h"

#include "scheduling/TravelTime.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QTimeZone>
#include <algorithm>

namespace fieldops::scheduling {

namespace {

// One completed visit as a leg's end needs it.
struct DoneVisit {
    GeoPlace site;
    QString territoryId;
    qint64 arrivedMs = 0; // 0: not recorded
    qint64 departedMs = 0;
    qint64 orderMs = 0;   // the arrival, else the planned start: the order they were done in
};

qint64 msOf(const QVariant &tap, const QVariant &inferred)
{
    if (auto ms = timefmt::msFromSql(tap))
        return *ms;
    if (auto ms = timefmt::msFromSql(inferred))
        return *ms;
    return 0;
}

QDate localDate(qint64 ms, const QTimeZone &zone) { return QDateTime::fromMSecsSinceEpoch(ms, zone).date(); }

// The legs of one technician's visits, in the order they were done.
void addLegs(std::vector<DoneVisit> &visits, const QTimeZone &zone, std::vector<ObservedLeg> &out)
{
    std::stable_sort(visits.begin(), visits.end(), [](const DoneVisit &a, const DoneVisit &b) { return a.orderMs < b.orderMs; });
    for (size_t i = 1; i < visits.size(); ++i) {
        const DoneVisit &a = visits[i - 1], &b = visits[i];
        if (a.departedMs == 0 || b.arrivedMs == 0 || b.territoryId.isEmpty())
            continue;
        // Overnight is no drive: the technician went home in between.
        if (localDate(a.departedMs, zone) != localDate(b.arrivedMs, zone))
            continue;
        out.push_back({b.territoryId, defaultTravelTime().minutes(a.site, b.site), double(b.arrivedMs - a.departedMs) / 60'000.0});
    }
    visits.clear();
}

QDateTime utcMidnight(const QDate &d) { return QDateTime(d, QTime(0, 0), QTimeZone::utc()); }

} // namespace

double TravelSpeeds::factorOf(const QString &territoryId) const
{
    for (const TerritorySpeed &t : territories)
        if (t.territoryId == territoryId)
            return t.learned ? t.factor : 1.0;
    return 1.0;
}

Result<std::vector<ObservedLeg>> TravelSpeedLoader::legs(const QDate &from, const QDate &to)
{
    auto q = m_db.run(QStringLiteral("SELECT a.technician_id, t.time_zone, s.id, s.lat, s.lon, s.territory_id, a.arrived_at, "
                                     "a.inferred_arrived_at, a.departed_at, a.inferred_departed_at, a.start_at "
                                     "FROM appointments a JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id "
                                     "JOIN technicians t ON t.id = a.technician_id "
                                     "WHERE a.status = 'completed' AND a.start_at >= ? AND a.start_at < ? "
                                     "ORDER BY a.technician_id, a.start_at, a.id"),
                      {timefmt::toSql(utcMidnight(from)), timefmt::toSql(utcMidnight(to.addDays(1)))});
    if (!q)
        return q.error();
    std::vector<ObservedLeg> out;
    std::vector<DoneVisit> visits;
    QString technician;
    QTimeZone zone = QTimeZone::utc();
    while (q->next()) {
        const QString tech = q->value(0).toString();
        if (tech != technician) {
            addLegs(visits, zone, out);
            technician = tech;
            zone = QTimeZone(q->value(1).toString().toUtf8());
            if (!zone.isValid())
                zone = QTimeZone::utc();
        }
        DoneVisit v;
        v.site = {q->value(2).toString(), q->value(3).toDouble(), q->value(4).toDouble()};
        v.territoryId = q->value(5).toString();
        v.arrivedMs = msOf(q->value(6), q->value(7));
        v.departedMs = msOf(q->value(8), q->value(9));
        v.orderMs = v.arrivedMs != 0 ? v.arrivedMs : timefmt::msFromSql(q->value(10)).value_or(0);
        visits.push_back(std::move(v));
    }
    addLegs(visits, zone, out);
    return out;
}

Result<TravelSpeeds> TravelSpeedLoader::load(const QDate &day)
{
    TravelSpeeds speeds;
    speeds.from = day.addDays(-TravelSpeeds::kHistoryDays);
    speeds.to = day.addDays(-1);
    auto territories = m_db.run(QStringLiteral("SELECT id, name FROM territories ORDER BY id"));
    if (!territories)
        return territories.error();
    QStringList ids, names;
    while (territories->next()) {
        ids << territories->value(0).toString();
        names << territories->value(1).toString();
    }
    auto legs = this->legs(speeds.from, speeds.to);
    if (!legs)
        return legs.error();
    speeds.territories = TravelSpeedLearner::learn(*legs, ids);
    for (size_t i = 0; i < speeds.territories.size(); ++i)
        speeds.territories[i].name = names[qsizetype(i)];
    auto sites = m_db.run(QStringLiteral("SELECT id, territory_id FROM sites WHERE territory_id IS NOT NULL"));
    if (!sites)
        return sites.error();
    while (sites->next())
        speeds.siteTerritory.insert(sites->value(0).toString(), sites->value(1).toString());
    return speeds;
}

} // namespace fieldops::scheduling
