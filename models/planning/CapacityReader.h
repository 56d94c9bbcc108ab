#pragma once
// Reads what the capacity preview needs in a few set-wide queries (never one per
// technician): the occurrences generating preventive work orders would create (the
// generator's own planning, without writing), the active technicians with their skills,
// their absences and the appointments not cancelled around the horizon, the territories'
// holidays and names. Reads only; nothing is written.
#include "planning/CapacityInput.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::planning {

struct CapacityReadOptions {
    QDate today; // the horizon's first day, the same for every site
    int horizonDays = 0;
};

Result<CapacityInput> readCapacityInput(Database &db, const CapacityReadOptions &options);

} // namespace fieldops::planning
