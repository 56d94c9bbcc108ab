#pragma once
// The running account behind the capacity preview and its levelling: each technician's
// free and booked time per week (worked out once), and per (week, territory) the demand
// and which skill sets are asked for, so moving one occurrence updates two cells instead
// of recomputing the table. Definitions: CapacityPreview.h.
#include "planning/CapacityPreview.h"

#include <vector>

namespace fieldops::planning {

class CapacityLedger {
public:
    // Places every occurrence on its due day. Keeps a reference: `input` must outlive it.
    explicit CapacityLedger(const CapacityInput &input);

    int weekCount() const { return int(m_weeks.size()); }
    int territoryCount() const { return int(m_territoryIds.size()); }
    // The table's week of a day, or -1 outside the table's days.
    int weekOf(const QDate &day) const;
    int territoryOf(int occurrence) const { return m_occTerritory[size_t(occurrence)]; }
    QDate dayOf(int occurrence) const { return m_occDay[size_t(occurrence)]; }
    qint64 durationMs(int occurrence) const;

    qint64 demandMs(int week, int territory) const { return cell(week, territory).demandMs; }
    qint64 availableMs(int week, int territory) const { return cell(week, territory).availableMs; }
    bool overloaded(int week, int territory) const { return demandMs(week, territory) > availableMs(week, territory); }
    // The available time of the cell were the occurrence added to it (its skills may
    // qualify more technicians).
    qint64 availableWith(int week, int territory, int occurrence) const;
    const std::vector<int> &occurrencesIn(int week, int territory) const { return cell(week, territory).occurrences; }
    // Does any technician of its territory hold all of the occurrence's skills?
    bool hasTechnicianFor(int occurrence) const;

    // Moves the occurrence to `day` (which must be in the table) and updates both cells.
    void move(int occurrence, const QDate &day);

    CapacityPreview table() const;

private:
    struct Cell {
        qint64 demandMs = 0;
        qint64 availableMs = 0;
        qint64 bookedMs = 0;
        int technicians = 0;
        std::vector<int> skillSetCount; // per skill set of the territory
        std::vector<int> occurrences;
    };
    struct TechWeek {
        qint64 freeMs = 0;
        qint64 bookedMs = 0;
    };

    Cell &cell(int week, int territory) { return m_cells[size_t(territory) * m_weeks.size() + size_t(week)]; }
    const Cell &cell(int week, int territory) const { return m_cells[size_t(territory) * m_weeks.size() + size_t(week)]; }
    bool qualifies(int technician, const Cell &c, int extraSkillSet) const;
    void recount(int week, int territory);
    void place(int occurrence, int week, int sign);
    void readShifts(const CapacityInput &input);

    const CapacityInput &m_input;
    QDate m_firstMonday;
    QStringList m_weeks;
    std::vector<QDate> m_weekFirst, m_weekLast;
    QStringList m_territoryIds;
    std::vector<std::vector<QStringList>> m_skillSets;  // territory → its distinct skill sets
    std::vector<std::vector<int>> m_territoryTechs;     // territory → technician indexes
    std::vector<std::vector<int>> m_techSkillSets;      // technician → skill sets of its territory it can do
    std::vector<std::vector<int>> m_skillSetTechs;      // territory → skill set → how many technicians can do it
    std::vector<TechWeek> m_techWeeks;                  // technician × week
    std::vector<int> m_occTerritory, m_occSkillSet;
    std::vector<QDate> m_occDay;
    std::vector<Cell> m_cells;
};

} // namespace fieldops::planning
