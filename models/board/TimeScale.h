#pragma once
// Time ↔ x on the board: content x = (t − origin) × pixels per ms. The visible spans of
// the toolbar (day … two weeks) are zoom levels that fit that span into the viewport;
// Ctrl+wheel zooms smoothly between them. Snapping rounds to the step in the display zone.
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

    qint64 originMs() const { return m_originMs; }
    void setOriginMs(qint64 ms) { m_originMs = ms; }
    double pxPerHour() const { return m_pxPerHour; }
    void setPxPerHour(double px);
    // Zoom so `days` fit `widthPx`.
    void fit(int days, int widthPx);

    double xOf(qint64 ms) const { return double(ms - m_originMs) * m_pxPerHour / double(kHourMs); }
    qint64 msAt(double x) const { return m_originMs + qint64(std::llround(x * double(kHourMs) / m_pxPerHour)); }
    qint64 msPerPx() const { return qint64(double(kHourMs) / m_pxPerHour); }

private:
    qint64 m_originMs = 0;
    double m_pxPerHour = 60.0;
};

// Rounds to the nearest multiple of `stepMinutes` on the display zone's clock (offset in
// seconds east of UTC at that instant), so 15-minute steps land on :00, :15 … locally.
qint64 snapMs(qint64 ms, int stepMinutes, int zoneOffsetSecs = 0);

} // namespace fieldops::board
