#include "field/VisitTimes.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>
#include <QTimeZone>

namespace fieldops::field {

namespace {

// Local midnights lie between 14 hours before and 12 hours after UTC's (UTC+14 to UTC-12).
constexpr qint64 kEarliestOffsetSecs = 14 * 3600;
constexpr qint64 kLatestOffsetSecs = 12 * 3600;

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

} // namespace

DayWindow localDay(const QDate &date, const QByteArray &timeZone)
{
    QTimeZone zone(timeZone);
    if (!zone.isValid())
        zone = QTimeZone::utc();
    return {QDateTime(date, QTime(0, 0), zone).toUTC(), QDateTime(date.addDays(1), QTime(0, 0), zone).toUTC()};
}

Result<std::vector<VisitTimes>> loadVisitTimes(Database &db, const QDate &date, const QStringList &technicians)
{
    const QDateTime utcMidnight(date, QTime(0, 0), QTimeZone::utc());
    QString sql = QStringLiteral(
        "SELECT a.id, a.technician_id, a.status, t.time_zone, s.lat, s.lon, a.start_at, a.end_at, a.arrived_at, a.departed_at, "
        "a.completed_at, a.inferred_arrived_at, a.inferred_departed_at "
        "FROM appointments a JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id "
        "JOIN technicians t ON t.id = a.technician_id "
        "WHERE a.start_at >= ? AND a.start_at < ? AND a.status <> 'cancelled'");
    QVariantList binds{timefmt::toSql(utcMidnight.addSecs(-kEarliestOffsetSecs)), timefmt::toSql(utcMidnight.addDays(1).addSecs(kLatestOffsetSecs))};
    if (!technicians.isEmpty()) {
        sql += QStringLiteral(" AND a.technician_id IN (%1)").arg(placeholders(technicians.size()));
        for (const QString &t : technicians)
            binds << t;
    }
    sql += QStringLiteral(" ORDER BY a.technician_id, a.start_at, a.id");
    auto q = db.run(sql, binds);
    if (!q)
        return q.error();
    std::vector<VisitTimes> out;
    QHash<QByteArray, DayWindow> days;
    while (q->next()) {
        VisitTimes v;
        v.appointmentId = q->value(0).toString();
        v.technicianId = q->value(1).toString();
        v.status = q->value(2).toString();
        v.timeZone = q->value(3).toString().toUtf8();
        v.siteLat = q->value(4).toDouble();
        v.siteLon = q->value(5).toDouble();
        v.plannedStart = timefmt::fromSql(q->value(6));
        v.plannedEnd = timefmt::fromSql(q->value(7));
        auto day = days.find(v.timeZone);
        if (day == days.end())
            day = days.insert(v.timeZone, localDay(date, v.timeZone));
        if (v.plannedStart < day->from || v.plannedStart >= day->to)
            continue;
        v.arrivedAt = timefmt::fromSql(q->value(8));
        v.departedAt = timefmt::fromSql(q->value(9));
        v.completedAt = timefmt::fromSql(q->value(10));
        v.inferredArrivedAt = timefmt::fromSql(q->value(11));
        v.inferredDepartedAt = timefmt::fromSql(q->value(12));
        out.push_back(std::move(v));
    }
    return out;
}

QDateTime presenceTap(const VisitTimes &v) { return v.arrivedAt.isValid() ? v.arrivedAt : v.completedAt; }

bool tapCovered(const VisitTimes &v, qint64 maxGapSecs)
{
    return v.fixBeforeTap.isValid() && v.fixAfterTap.isValid() && v.fixBeforeTap.secsTo(v.fixAfterTap) <= maxGapSecs;
}

namespace {

// The technician's fix of the day nearest `tap` on one side (at or before it, else at or
// after it).
Result<QDateTime> nearestFix(Database &db, const QString &technicianId, const DayWindow &day, const QDateTime &tap, bool before)
{
    const QString sql = before
        ? QStringLiteral("SELECT at FROM positions WHERE technician_id = ? AND at >= ? AND at <= ? ORDER BY at DESC LIMIT 1")
        : QStringLiteral("SELECT at FROM positions WHERE technician_id = ? AND at >= ? AND at < ? ORDER BY at LIMIT 1");
    auto q = before ? db.run(sql, {technicianId, timefmt::toSql(day.from), timefmt::toSql(tap)})
                    : db.run(sql, {technicianId, timefmt::toSql(tap), timefmt::toSql(day.to)});
    if (!q)
        return q.error();
    return q->next() ? timefmt::fromSql(q->value(0)) : QDateTime();
}

} // namespace

Status markTracked(Database &db, const QDate &date, std::vector<VisitTimes> &visits)
{
    QHash<QString, bool> known;
    for (VisitTimes &v : visits) {
        auto found = known.find(v.technicianId);
        if (found == known.end()) {
            const DayWindow day = localDay(date, v.timeZone);
            auto any = db.scalar(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM positions WHERE technician_id = ? AND at >= ? AND at < ? LIMIT 1) p"),
                                 {v.technicianId, timefmt::toSql(day.from), timefmt::toSql(day.to)});
            if (!any)
                return any.error();
            found = known.insert(v.technicianId, any->toInt() > 0);
        }
        v.tracked = *found;
        const QDateTime tap = presenceTap(v);
        if (!v.tracked || !tap.isValid())
            continue;
        const DayWindow day = localDay(date, v.timeZone);
        auto before = nearestFix(db, v.technicianId, day, tap, true);
        if (!before)
            return before.error();
        auto after = nearestFix(db, v.technicianId, day, tap, false);
        if (!after)
            return after.error();
        v.fixBeforeTap = *before;
        v.fixAfterTap = *after;
    }
    return {};
}

} // namespace fieldops::field
