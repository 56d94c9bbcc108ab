#include "demo/SensorSimulation.h"

#include "demo/DemoGeography.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace fieldops::demo {

namespace {
// A unit's departure from its usual fades with this time constant once a fault is over.
constexpr double kRecoveryHours = 4;
// Chances per reading that the sensor falls silent, and for how long at most.
constexpr double kDropoutChance = 0.002;
constexpr int kMaxDropoutHours = 3;
} // namespace

SensorSimulation::SensorSimulation(quint32 seed) : m_rng(seed) {}

double SensorSimulation::noise(double sd)
{
    // Mean of three uniforms on [−1, 1] has a standard deviation of 1/3.
    return sd * (m_rng.generateDouble() + m_rng.generateDouble() + m_rng.generateDouble() - 1.5) * 2;
}

Status SensorSimulation::load(Database &db, const QDateTime &now)
{
    m_units.clear();
    const Instant nowSecs = now.toSecsSinceEpoch();
    auto q = db.run(QStringLiteral("SELECT h.asset_id, h.kind, a.model, s.time_zone, min(h.min), max(h.max) "
                                   "FROM asset_reading_hours h JOIN assets a ON a.id = h.asset_id "
                                   "JOIN sites s ON s.id = a.site_id WHERE h.hour >= ? "
                                   "GROUP BY h.asset_id, h.kind, a.model, s.time_zone ORDER BY h.asset_id, h.kind"),
                    {timefmt::toSql(now.addSecs(-24 * 3600))});
    if (!q)
        return q.error();
    QHash<QString, int> clockOf;
    struct Span {
        double low, high;
    };
    std::vector<Span> spans;
    while (q->next()) {
        const SensorProfile *p = sensorProfileFor(q->value(2).toString());
        if (!p || q->value(1).toString() != QLatin1String(p->readingKind))
            continue;
        QString zone = q->value(3).toString();
        if (zone.isEmpty())
            zone = QString::fromLatin1(kTimeZone);
        auto c = clockOf.constFind(zone);
        if (c == clockOf.cend()) {
            c = clockOf.insert(zone, int(m_clocks.size()));
            m_clocks.emplace_back(zone.toLatin1());
        }
        Unit u;
        u.assetId = q->value(0).toString();
        u.profile = p;
        u.clock = *c;
        m_units.push_back(u);
        spans.push_back({q->value(4).toDouble(), q->value(5).toDouble()});
    }
    q->finish();
    // Each unit's last reading, in one query: it lies within the day its hourly sums came from.
    QHash<QString, size_t> unitOf;
    for (size_t i = 0; i < m_units.size(); ++i)
        unitOf.insert(m_units[i].assetId + QLatin1Char('\x1f') + QLatin1String(m_units[i].profile->readingKind), i);
    auto last = db.run(QStringLiteral("SELECT asset_id, kind, at, value FROM (SELECT asset_id, kind, at, value, "
                                      "row_number() OVER (PARTITION BY asset_id, kind ORDER BY at DESC) AS newest "
                                      "FROM asset_readings WHERE at >= ?) r WHERE newest = 1"),
                       {timefmt::toSql(now.addSecs(-24 * 3600))});
    if (!last)
        return last.error();
    while (last->next()) {
        const auto found = unitOf.constFind(last->value(0).toString() + QLatin1Char('\x1f') + last->value(1).toString());
        if (found == unitOf.cend())
            continue;
        const size_t i = *found;
        Unit &u = m_units[i];
        u.last = timefmt::fromSql(last->value(2)).toSecsSinceEpoch();
        const double value = last->value(3).toDouble();
        const LocalClock &clock = m_clocks[size_t(u.clock)];
        if (u.profile->counter) {
            u.counter = value;
            // The pace of the last day: what it grew over the hours it could have run.
            const double could = runningHours(*u.profile, nowSecs - 24 * kHour, nowSecs, clock);
            u.duty = could > 0 ? std::clamp((spans[i].high - spans[i].low) / could, 0.0, 1.0) : 1.0;
        } else {
            u.offset = value - usualReading(*u.profile, u.last, clock);
        }
    }
    last->finish();
    return {};
}

std::vector<field::ReadingEvent> SensorSimulation::advance(const QDateTime &now)
{
    std::vector<field::ReadingEvent> out;
    const Instant nowSecs = now.toSecsSinceEpoch();
    for (Unit &u : m_units) {
        const SensorProfile &p = *u.profile;
        const LocalClock &clock = m_clocks[size_t(u.clock)];
        const Instant cadence = p.cadenceMinutes * kMinute;
        for (Instant t = u.last + cadence; t <= nowSecs; t += cadence) {
            const double hours = double(cadence) / kHour;
            const Instant from = u.last;
            u.last = t;
            if (!p.counter && u.faultFrom == kNoInstant && m_rng.generateDouble() < hours / kHoursBetweenFaults) {
                u.faultFrom = t;
                u.faultUntil = t + Instant(6 + m_rng.bounded(12)) * kHour;
                ++m_faultsStarted;
            }
            if (u.faultFrom != kNoInstant && t >= u.faultUntil)
                u.faultFrom = u.faultUntil = kNoInstant;
            if (u.faultFrom == kNoInstant)
                u.offset *= std::exp(-hours / kRecoveryHours);
            if (u.silentUntil == kNoInstant && m_rng.generateDouble() < kDropoutChance)
                u.silentUntil = t + Instant(1 + m_rng.bounded(kMaxDropoutHours)) * kHour;
            double value;
            if (p.counter) {
                u.counter += u.duty * runningHours(p, from, t, clock);
                value = std::round(u.counter * 10) / 10;
            } else {
                const double fault = u.faultFrom != kNoInstant ? faultOffset(p, double(t - u.faultFrom) / kHour) : 0;
                value = std::round((usualReading(p, t, clock) + u.offset + fault + noise(p.noise)) * 100) / 100;
            }
            if (u.silentUntil != kNoInstant) {
                if (t < u.silentUntil)
                    continue;
                u.silentUntil = kNoInstant;
            }
            out.push_back({u.assetId, QDateTime::fromSecsSinceEpoch(t, Qt::UTC), QString::fromLatin1(p.readingKind), value,
                           std::nullopt, QStringLiteral("simulator")});
        }
    }
    return out;
}

} // namespace fieldops::demo
