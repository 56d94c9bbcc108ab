#pragma once
// Reads the time entries of a period for review, with their flags. The period is
// [from 00:00, to+1 00:00) in UTC by an entry's start, as in the billing export. Overlaps
// are looked for among the technicians' entries starting up to a day either side too, so
// an entry is flagged for one just outside the period as well.
#include "billing/TimeEntryFlags.h"
#include "util/Result.h"

#include <QDate>

namespace fieldops {
class Database;
}

namespace fieldops::billing {

struct TimeEntryListing {
    std::vector<TimeEntry> entries; // by technician, start, id
    std::map<qint64, QList<Flag>> flags;
};

// UTC instants bounding the days [from, to].
std::pair<QDateTime, QDateTime> periodInstants(const QDate &from, const QDate &to);

class TimeEntryLoader {
public:
    explicit TimeEntryLoader(Database &db, const FlagOptions &options = {}) : m_db(db), m_options(options) {}
    // An empty technicianId means every technician.
    Result<TimeEntryListing> load(const QDate &from, const QDate &to, const QString &technicianId = {});

private:
    Database &m_db;
    FlagOptions m_options;
};

} // namespace fieldops::billing
