#pragma once
// Time ↔ x on the board, the one place it is decided: content x = (axis − origin) × pixels per
// ms, where a technician's row turns UTC into axis ms through its clock (BoardClocks: the
// shared zone's UTC axis, or each technician's own wall clock). The visible spans of the
// toolbar (day … two weeks) are zoom levels that fit that span into the viewport; Ctrl+wheel
// zooms smoothly between them. Snapping rounds to the step on the axis's clock.
#include "board/BoardClocks.h"

#include <QtGlobal>
#include <cmath>

namespace fieldops::board {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 86'400'000;

enum class VisibleSpan { Day, ThreeDays, Week, TwoWeeks };
int spanDays(VisibleSpan span);

class TimeScale {
public:
    static constexpr double kMinPxPerHour = 2.0;   // two weeks on a small screen
    static constexpr double kMaxPxPerHour = 480.0; // 8 px per minute

    // The axis (axis ms, see BoardClocks) ↔ content x: the ruler, the grid, scrolling.
    qint64 originMs() const { return m_originMs; }
    void setOriginMs(qint64 axisMs) { m_originMs = axisMs; }
    double pxPerHour() const { return m_pxPerHour; }
    void setPxPerHour(double px);
    // Zoom so `days` fit `widthPx`.
    void fit(int days, int widthPx);
    double xOfAxis(qint64 axisMs) const { return double(axisMs - m_originMs) * m_pxPerHour / double(kHourMs); }
    qint64 axisAt(double x) const { return m_originMs + qint64(std::llround(x * double(kHourMs) / m_pxPerHour)); }
    qint64 msPerPx() const { return qint64(double(kHourMs) / m_pxPerHour); }

    // A technician's row (BoardModel's index; -1: the shared zone's clock): UTC ↔ content x.
    double xOf(int technician, qint64 utcMs) const { return xOfAxis(m_clocks.toAxis(technician, utcMs)); }
    qint64 msAt(int technician, double x) const { return m_clocks.toUtc(technician, axisAt(x)); }
    // The UTC instant of the step nearest x on a technician's row (drops, drags, absences).
    qint64 snappedMsAt(int technician, double x, int stepMinutes) const
    {
        return m_clocks.toUtc(technician, m_clocks.snap(axisAt(x), stepMinutes));
    }

    BoardClocks &clocks() { return m_clocks; }
    const BoardClocks &clocks() const { return m_clocks; }

private:
    qint64 m_originMs = 0;
    double m_pxPerHour = 60.0;
    BoardClocks m_clocks;
};

// Rounds to the nearest multiple of `stepMinutes` on a clock `zoneOffsetSecs` east of UTC at
// that instant, so 15-minute steps land on :00, :15 … locally.
qint64 snapMs(qint64 ms, int stepMinutes, int zoneOffsetSecs = 0);

} // namespace fieldops::board
