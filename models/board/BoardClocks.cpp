#include "board/BoardClocks.h"

#include "board/TimeScale.h"
#include "scheduling/ZoneClock.h"

#include <QHash>
#include <algorithm>

namespace fieldops::board {

namespace {
// A day of slack each side: a row's clock is asked about the edges of the horizon too.
std::shared_ptr<const scheduling::ZoneClock> clockFor(const QTimeZone &zone, qint64 fromMs, qint64 toMs)
{
    return std::make_shared<const scheduling::ZoneClock>(zone, fromMs - kDayMs, toMs + kDayMs);
}
} // namespace

BoardClocks::BoardClocks() : m_shared(clockFor(m_zone, 0, 0)) {}

void BoardClocks::setZone(const QTimeZone &zone, bool perTechnician)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    m_perTechnician = perTechnician;
    m_shared = clockFor(m_zone, m_fromMs, m_toMs);
    updateSpan();
}

void BoardClocks::setTechnicians(const std::vector<BoardTechnician> &technicians, qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_shared = clockFor(m_zone, fromMs, toMs);
    m_rows.clear();
    // Most crews share a handful of zones: one clock each.
    QHash<QString, std::shared_ptr<const scheduling::ZoneClock>> byZone;
    for (const BoardTechnician &t : technicians) {
        const QString id = t.technician.timeZone;
        auto it = byZone.find(id);
        if (it == byZone.end())
            it = byZone.insert(id, clockFor(QTimeZone(id.toUtf8()), fromMs, toMs));
        m_rows.push_back(*it);
    }
    updateSpan();
}

void BoardClocks::updateSpan()
{
    if (!m_perTechnician || m_rows.empty()) {
        m_axisFrom = toAxis(-1, m_fromMs);
        m_axisTo = toAxis(-1, m_toMs);
        return;
    }
    m_axisFrom = m_rows.front()->toLocalMs(m_fromMs);
    m_axisTo = m_rows.front()->toLocalMs(m_toMs);
    for (const auto &clock : m_rows) {
        m_axisFrom = std::min(m_axisFrom, clock->toLocalMs(m_fromMs));
        m_axisTo = std::max(m_axisTo, clock->toLocalMs(m_toMs));
    }
}

const scheduling::ZoneClock &BoardClocks::clockOf(int technician) const
{
    if (technician >= 0 && size_t(technician) < m_rows.size())
        return *m_rows[size_t(technician)];
    return *m_shared;
}

QTimeZone BoardClocks::zoneOf(int technician) const
{
    if (!m_perTechnician)
        return m_zone;
    return clockOf(technician).zone();
}

qint64 BoardClocks::toAxis(int technician, qint64 utcMs) const
{
    if (!m_perTechnician)
        return utcMs;
    return clockOf(technician).toLocalMs(utcMs);
}

qint64 BoardClocks::toUtc(int technician, qint64 axisMs) const
{
    if (!m_perTechnician)
        return axisMs;
    return clockOf(technician).toUtcMs(axisMs);
}

int BoardClocks::axisOffsetSecs(qint64 axisMs) const
{
    // A wall-clock axis is its own local clock; a UTC axis reads the shared zone's.
    return m_perTechnician ? 0 : m_shared->offsetSecsAt(axisMs);
}

qint64 BoardClocks::snap(qint64 axisMs, int stepMinutes) const { return snapMs(axisMs, stepMinutes, axisOffsetSecs(axisMs)); }

qint64 BoardClocks::stepStart(qint64 axisMs, qint64 stepMs) const
{
    if (stepMs <= 0)
        return axisMs;
    const qint64 offset = qint64(axisOffsetSecs(axisMs)) * 1000;
    return scheduling::ZoneClock::floorDiv(axisMs + offset, stepMs) * stepMs - offset;
}

} // namespace fieldops::board
