#pragma once
// Reads what a suggestion for one work order needs: the schedule of the search horizon
// (ScheduleLoader, as `conflicts` reads it), the work order itself with its skills and
// site (an unassigned one is in no appointment, so the horizon's read misses it), and
// which technicians are inactive (they take no new work), and the parts the work order
// needs with what of them every van holds.
#include "parts/Stock.h"
#include "scheduling/ScheduleSnapshot.h"
#include "util/Result.h"

#include <QDateTime>
#include <QSet>
#include <QString>

namespace fieldops {
class Database;
}

namespace fieldops::scheduling {

struct SuggestionInput {
    ScheduleSnapshot snapshot; // holds the work order and its site
    WorkOrder workOrder;
    QSet<QString> inactiveTechnicians;
    std::vector<parts::PartNeed> partsNeeded;
    QHash<QString, QHash<QString, double>> vanStock; // technician id → sku → on hand, of those parts
};

class SuggestionLoader {
public:
    explicit SuggestionLoader(Database &db) : m_db(db) {}
    // Invalid input: an unknown work order, or one done or cancelled (nothing to schedule).
    Result<SuggestionInput> load(const QString &workOrderId, const QDateTime &from, const QDateTime &to);

private:
    Database &m_db;
};

} // namespace fieldops::scheduling
