#pragma once
// Reads what the board needs for a horizon and nothing more: the conflict engine's
// snapshot (ScheduleLoader), the appointments intersecting the horizon with their
// labels joined (customer, site, priority, SLA), and territory names. The same reads by
// id serve the live updates, so a change from the feed reloads just its rows.
#include "board/BoardData.h"
#include "scheduling/ScheduleSnapshot.h"
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::board {

// One appointment with the work order and site it visits (for the conflict index).
struct LoadedItem {
    BoardItem item; // technician index not yet resolved
    WorkOrder workOrder;
    Site site;
};

struct LoadedWorkOrder {
    WorkOrder workOrder; // with required skills
    Site site;
    QString customerName;
    // Minutes to book when this technician takes it, predicted from completed visits
    // (scheduling::DurationModel); a technician not in it gets the estimate.
    QHash<QString, int> predictedMinutes;
    int minutesFor(const QString &technicianId) const { return predictedMinutes.value(technicianId, workOrder.durationMin); }
};

class BoardLoader {
public:
    explicit BoardLoader(Database &db) : m_db(db) {}

    Result<scheduling::ScheduleSnapshot> snapshot(const QDateTime &from, const QDateTime &to);
    Result<QHash<QString, QString>> territoryNames();
    // Every appointment (any status) whose [start, end) intersects [from, to).
    Result<std::vector<LoadedItem>> itemsInHorizon(const QDateTime &from, const QDateTime &to);
    // The same bars, built from a snapshot of [from, to) already read (it holds the live
    // visits with their work orders and sites): only customer names and the cancelled
    // visits are read. Reading the horizon's thousands of rows once instead of twice.
    Result<std::vector<LoadedItem>> itemsFromSnapshot(const scheduling::ScheduleSnapshot &snapshot);
    // The given appointments as they are now (absent ids: deleted), work-order skills included.
    Result<std::vector<LoadedItem>> itemsByIds(const QStringList &ids);
    // Appointments of these work orders intersecting the horizon (a work-order change
    // relabels its bars).
    Result<QStringList> appointmentIdsOfWorkOrders(const QStringList &workOrderIds, const QDateTime &from,
                                                   const QDateTime &to);
    Result<LoadedWorkOrder> workOrder(const QString &id);

    // Sets each visit's partSkus and vanLacks: the parts its work order needs and what of
    // them its technician's van lacks (visits neither cancelled nor completed).
    Status readParts(std::vector<LoadedItem> &items);

private:
    Result<std::vector<LoadedItem>> readItems(const QString &where, const QVariantList &binds);
    Status readSkills(std::vector<LoadedItem> &items);
    Database &m_db;
};

} // namespace fieldops::board
