#pragma once
// readings.csv beyond single cells: the unit rules the ingest applies to asset readings
// (a standard kind in its one unit, an empty unit meaning that one; a free kind in one
// unit per asset), and the hourly sums rebuilt for the assets whose readings an import
// replaced.
#include "interchange/ParsedFile.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::interchange {

// Problems go to `issues`, named by line and column like every other import check.
void checkReadingUnits(const ParsedFile &readings, IssueSink &issues);
// Gives rows of a standard kind without a unit the kind's unit (run after the checks).
void fillCanonicalUnits(ParsedFile &readings);
// After the rows are written: the hourly sums of the file's assets, from their readings.
Status rebuildReadingHours(Database &db, const ParsedFile &readings);
// The weekly partitions for the file's readings (PostgreSQL), made first thing in the
// import's transaction (field/ReadingPartitions.h says why first).
Status coverReadingWeeks(Database &db, const ParsedFile &readings);

} // namespace fieldops::interchange
