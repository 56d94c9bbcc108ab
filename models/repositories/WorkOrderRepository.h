#pragma once
// Read and write queries the console needs about work orders. Prepared statements with
// bound values only; every call returns a Result so the window layer decides how to show
// a failure. A repository borrows a Database and never outlives it.
#include "domain/Entities.h"
#include "parts/Stock.h"
#include "repositories/WorkOrderStory.h"
#include "scheduling/DurationModel.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace fieldops {
class Database;

// One line of the work-order table: the work order plus what the dispatcher reads
// beside it (where, for whom, who goes), flattened so the item model needs no joins.
struct WorkOrderListRow {
    WorkOrder order;
    QString siteName;
    QString customerName;
    QString technicianName;   // technician of the latest non-cancelled appointment
    int activeAppointments = 0; // appointments neither cancelled nor completed
    QDateTime nextStart;        // earliest start among the active appointments

    // The unassigned queue's rule, kept here so the table, the queue and tests agree.
    bool isUnassigned() const { return order.status == QLatin1String("open") && activeAppointments == 0; }
};

struct AppointmentSummary {
    Appointment appointment;
    QString technicianName;
    // How the visit ended, as recorded from the field or the console.
    QDateTime departedAt;
    QString outcomeReason; // unresolved only
    QString outcomeNotes;
    QString signedBy;
};

// A technician booked for the work order whose van lacks some of its parts.
struct VanShortageNote {
    QString technicianId;
    QString technicianName;
    QString lacks; // "2 × FLT-100, 1 × BELT-3": the missing quantities
};

// Everything the inspector shows about one work order.
struct WorkOrderDetails {
    WorkOrder order;
    Site site;
    Customer customer;
    std::optional<Asset> asset;
    QString contractName;
    QString slaRule;       // the contract's SLA rule in words, recomputed from today's terms
    QDateTime responseDue; // as stored
    QString warrantyNote;  // a corrective work order on an asset under warranty
    std::vector<AppointmentSummary> appointments; // by start
    WorkOrderStory story;                         // time booked, parts used, ratings
    std::vector<parts::PartNeed> partsNeeded;     // by part
    // For each technician of a visit still to come (neither cancelled nor completed), what
    // their van lacks of partsNeeded; technicians whose van carries them all are left out.
    std::vector<VanShortageNote> vanShortages;
    // How long a visit will really take (scheduling::DurationModel): for the technician of
    // the visit still to come, else for nobody in particular; the estimate without history.
    scheduling::DurationPrediction duration;
    QString durationTechnicianName; // whose pace it counts; empty: nobody's
};

class WorkOrderRepository {
public:
    explicit WorkOrderRepository(Database &db) : m_db(db) {}

    Result<std::vector<WorkOrderListRow>> listRows();
    Result<WorkOrderDetails> details(const QString &workOrderId);
    // Optimistic concurrency: succeeds only if the row still has expectedVersion; returns
    // the new version, StaleVersion when someone else changed it first.
    Result<int> updateStatus(const QString &workOrderId, int expectedVersion, const QString &status);

private:
    Result<QStringList> skillsOf(const QString &workOrderId);
    Database &m_db;
};

} // namespace fieldops
