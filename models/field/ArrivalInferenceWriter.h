#pragma once
// Infers the arrival and departure of a day's visits from the technicians' positions
// (ArrivalInference) and keeps them on the appointments (inferred_arrived_at,
// inferred_departed_at) in one transaction: only the visits whose inferred times changed
// are written, each with its version bumped like every other write of an appointment, so
// a console holding the old version learns of it through the change feed.
#include "field/ArrivalInference.h"
#include "field/VisitTimes.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::field {

struct InferenceRun {
    std::vector<VisitTimes> visits; // the day's, with the times just inferred, tracked set
    int withArrival = 0;
    int withDeparture = 0;
    int changed = 0; // visits whose stored inferred times differ (written unless a dry run)
};

class ArrivalInferenceWriter {
public:
    explicit ArrivalInferenceWriter(Database &db) : m_db(db) {}

    // The visits of `date` (each technician's local day) of `technicians`, or of everyone
    // when it is empty. With `dryRun` nothing is written.
    Result<InferenceRun> run(const QDate &date, const QStringList &technicians, const InferenceOptions &options, bool dryRun);

private:
    Status loadTracks(const QDate &date, const std::vector<VisitTimes> &visits, std::vector<TechnicianDay> &days);
    Database &m_db;
};

} // namespace fieldops::field
