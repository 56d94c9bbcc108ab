#pragma once
// What the KPI formulas read, as plain data with instants in ms since the epoch (UTC).
// Loaded for one period by KpiLoader; built by hand in tests.
#include <QString>
#include <QStringList>
#include <QTime>
#include <optional>
#include <vector>

namespace fieldops::kpi {

struct TechnicianIn {
    QString id;
    QString territoryId;
    QString employment;
    QString timeZone;
    QTime shiftStart{8, 0};
    QTime shiftEnd{17, 0};
    QStringList workDays;
};

struct AbsenceIn {
    QString technicianId;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct WorkOrderIn {
    QString id;
    QString type;
    qint64 createdMs = 0;
    std::optional<qint64> slaDueMs;
    // The work order this one is the return visit of (work_orders.follow_up_of), or empty.
    // A follow-up and the work orders it follows are one job: see KpiEngine.
    QString followUpOf;
};

struct AppointmentIn {
    QString id;
    QString workOrderId;
    QString technicianId;
    bool completed = false; // status `completed` (cancelled ones are never loaded)
    qint64 startMs = 0;
    std::optional<qint64> arrivedMs;
    std::optional<qint64> completedMs;
    bool resolved = false;
};

struct RatingIn {
    QString workOrderId;
    int score = 0;
    qint64 ratedMs = 0;
    QString comment;
};

struct TimeEntryIn {
    QString technicianId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool billable = false;
    QString workOrderId;
    QString workOrderType; // for the work-order type filter
};

// A stretch of time the formulas are evaluated over: [fromMs, toMs) and its calendar days
// (the denominator of jobs per technician-day).
struct KpiRange {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int days = 0;
};

struct KpiInputs {
    qint64 fromMs = 0; // [from, to)
    qint64 toMs = 0;
    int calendarDays = 0;
    // How late after its start an arrival is still on time: the operation's alert
    // threshold (alert_thresholds.on_time_grace_minutes), 15 minutes unless changed.
    qint64 onTimeGraceMs = 15 * 60'000;
    std::vector<TechnicianIn> technicians;
    std::vector<AbsenceIn> absences;
    // Every work order any formula may touch (due, closed, visited, completed or rated in
    // the period) with ALL their non-cancelled appointments, so "first resolved" and
    // "earlier visit" are judged on the whole history, and the period's visits and
    // completions are among them (one read instead of three); with them every work order
    // of the same follow-up chain (the original and its return visits).
    std::vector<WorkOrderIn> workOrders;
    std::vector<AppointmentIn> appointments;
    std::vector<RatingIn> ratings;           // rated_at in the period
    std::vector<TimeEntryIn> timeEntries;    // starting in the period
    // Filled by the loader, which knows them anyway (hand-built inputs leave them empty):
    // per appointment and per rating, the index in workOrders of its work order (-1: not
    // among them), so the formulas do not look a million ids up again.
    std::vector<int> appointmentWorkOrder;
    std::vector<int> ratingWorkOrder;
};

} // namespace fieldops::kpi
