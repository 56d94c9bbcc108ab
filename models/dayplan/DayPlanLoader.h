#pragma once
// Reads one day for the planner: the schedule as `conflicts` reads it (ScheduleLoader),
// the queue's unassigned work orders whose window meets the day, and the
// active technicians; with a territory, only that territory's sites and technicians.
#include "dayplan/DayPlan.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::dayplan {

class DayPlanLoader {
public:
    explicit DayPlanLoader(Database &db) : m_db(db) {}
    // Invalid input: an unknown territory (empty: every territory).
    Result<DayPlanInput> load(const QDate &date, const QString &territory);

private:
    Database &m_db;
};

} // namespace fieldops::dayplan
