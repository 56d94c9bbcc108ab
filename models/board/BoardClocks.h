#pragma once
// Which clock each row of the board reads (README, "Time zone"). Either every row shares one
// zone (this computer's or one chosen in Settings): the time axis is then UTC, labelled in that
// zone. Or each technician's row reads the technician's own zone: the axis is then wall-clock
// time (local ms since the local epoch, labelled as if UTC), so 08:00 in São Paulo and 08:00 in
// Lisbon share an x. The offset is taken at each instant, so a row stays right across its DST
// change. Only the board's geometry asks this (TimeScale): what is stored stays UTC.
#include "board/BoardData.h"

#include <QTimeZone>
#include <memory>
#include <vector>

namespace fieldops::scheduling {
class ZoneClock;
}

namespace fieldops::board {

class BoardClocks {
public:
    BoardClocks();

    // The choice: the shared zone (in per-technician mode it places what belongs to no row:
    // a date picked, "now" scrolled to) and whether each row reads its technician's zone.
    void setZone(const QTimeZone &zone, bool perTechnician);
    // The rows, by BoardModel's technician index, and the horizon they hold [fromMs, toMs).
    void setTechnicians(const std::vector<BoardTechnician> &technicians, qint64 fromMs, qint64 toMs);

    bool perTechnician() const { return m_perTechnician; }
    const QTimeZone &zone() const { return m_zone; }
    // The zone the axis is labelled in: the shared zone, or UTC when the axis is wall clock.
    const QTimeZone &axisZone() const { return m_perTechnician ? m_utc : m_zone; }
    // The zone a row's times are told in (tooltips, messages, the screen reader).
    QTimeZone zoneOf(int technician) const;

    // UTC ↔ axis on a technician's row; technician -1 is the shared zone's clock.
    qint64 toAxis(int technician, qint64 utcMs) const;
    qint64 toUtc(int technician, qint64 axisMs) const;
    // Rounds to the nearest step / the step that holds `axisMs`, on the axis's clock, so
    // 15-minute steps land on :00, :15 … of the zone shown.
    qint64 snap(qint64 axisMs, int stepMinutes) const;
    qint64 stepStart(qint64 axisMs, qint64 stepMs) const;
    // The axis span that shows every row's horizon (rows in other zones start and end a
    // few hours apart on a wall-clock axis).
    qint64 axisFrom() const { return m_axisFrom; }
    qint64 axisTo() const { return m_axisTo; }

private:
    int axisOffsetSecs(qint64 axisMs) const;
    const scheduling::ZoneClock &clockOf(int technician) const;
    void updateSpan();

    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QTimeZone m_utc = QTimeZone::utc();
    bool m_perTechnician = false;
    qint64 m_fromMs = 0, m_toMs = 0;
    qint64 m_axisFrom = 0, m_axisTo = 0;
    std::shared_ptr<const scheduling::ZoneClock> m_shared;
    std::vector<std::shared_ptr<const scheduling::ZoneClock>> m_rows; // by technician index
};

} // namespace fieldops::board
