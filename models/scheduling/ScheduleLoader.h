#pragma once
// Reads a ScheduleSnapshot for a horizon from the database (either dialect), reading only
// what the rules need: the non-cancelled appointments intersecting the horizon, the ones
// overlapping those, each technician's neighbour just before and just after (for
// "consecutive" travel judgements, looked for up to two days out: further away no travel
// rule can apply), the absences in that span, the work orders and sites
// those appointments visit, and every technician (a drag may land on anyone).
#include "scheduling/ScheduleSnapshot.h"
#include "util/Result.h"

#include <QDateTime>

namespace fieldops {
class Database;
}

namespace fieldops::scheduling {

class ScheduleLoader {
public:
    explicit ScheduleLoader(Database &db) : m_db(db) {}
    // [from, to) must be a non-empty range.
    Result<ScheduleSnapshot> load(const QDateTime &from, const QDateTime &to);

private:
    Database &m_db;
};

} // namespace fieldops::scheduling
