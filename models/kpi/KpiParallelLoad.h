#pragma once
// The PostgreSQL KPI read on two connections that share one snapshot: the server has
// more than one core, and one statement uses one. The main connection reads the work
// orders due in the period with their histories; a second one reads technicians,
// absences, ratings, time entries and which work orders were visited, completed or
// rated in the period; the few of those not due in it are read last. When no second
// connection can be opened (a role's connection limit, a full server) the same reads run
// on the main connection, in its snapshot.
#include "kpi/KpiReadParts.h"

namespace fieldops::kpi::detail {

Result<KpiInputs> loadInParallel(Database &db, KpiInputs in, const PeriodText &p);

} // namespace fieldops::kpi::detail
