#include "board/TimeScale.h"

#include <algorithm>

namespace fieldops::board {

int spanDays(VisibleSpan span)
{
    switch (span) {
    case VisibleSpan::Day:
        return 1;
    case VisibleSpan::ThreeDays:
        return 3;
    case VisibleSpan::Week:
        return 7;
    case VisibleSpan::TwoWeeks:
        break;
    }
    return 14;
}

void TimeScale::setPxPerHour(double px) { m_pxPerHour = std::clamp(px, kMinPxPerHour, kMaxPxPerHour); }

void TimeScale::fit(int days, int widthPx) { setPxPerHour(double(std::max(widthPx, 100)) / (24.0 * std::max(days, 1))); }

qint64 snapMs(qint64 ms, int stepMinutes, int zoneOffsetSecs)
{
    if (stepMinutes <= 0)
        return ms;
    const qint64 step = qint64(stepMinutes) * kMinuteMs;
    const qint64 local = ms + qint64(zoneOffsetSecs) * 1000;
    // Floor division so instants before 1970 round the same way.
    const qint64 down = local >= 0 ? local / step * step : -((-local + step - 1) / step) * step;
    const qint64 snapped = (local - down) * 2 >= step ? down + step : down;
    return snapped - qint64(zoneOffsetSecs) * 1000;
}

} // namespace fieldops::board
