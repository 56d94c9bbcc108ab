#pragma once
// Repairs a day that changed under the plan: a technician reports sick, a visit overruns,
// an urgent job arrives. Each repair touches only the visits the change displaces, keeps
// locked and started visits where they are, and comes as a few options with their cost so
// the dispatcher chooses:
//
// - Absence of technician T from a time to the end of T's day: T's visits not yet started
//   (and not locked) from then on are displaced. Options: reassign them to colleagues (the
//   day planner places them around everything else booked; what finds no place goes back to
//   the queue), or send them all back to the queue.
// - Overrun of visit A by M minutes: the later visits of A's technician that day which no
//   longer fit after A (overlap, or too little travel time) are displaced, in a cascade.
//   Options: push them later on the same technician's day (each still passing the rules),
//   reassign them to colleagues, or send them back to the queue.
// - Urgent job U (open, in the queue): options: book U where it fits without moving
//   anything; else bump one lower-priority visit that is neither locked nor started (U takes
//   its place, the bumped visit is placed elsewhere or goes back to the queue); or leave U
//   in the queue.
//
// Every proposed visit passes the rules `conflicts` checks (RuleGate). The cost of an
// option, in minutes, adds the travel it adds to the technicians' days, the minutes its
// visits end after their SLA due, 15 per visit it moves, and per visit it leaves in or
// sends to the queue 120 × (5 − its priority): 480 for an urgent one, 120 for a low one.
// Options come cheapest first. What is displaced is judged with the rule checks' travel
// model; where displaced visits go is planned with the options' travel (DayPlanOptions).
#include "dayplan/DayPlan.h"
#include "dayplan/DayPlanner.h"
#include "dayplan/MoveOrder.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <vector>

namespace fieldops::dayplan {

struct Disruption {
    enum class Kind { Absence, Overrun, UrgentJob };
    Kind kind = Kind::Absence;
    QString technicianId; // Absence: who is off
    QDateTime from;       // Absence: off from (invalid: the start of the technician's day)
    QString appointmentId; // Overrun: the visit running long
    int extraMinutes = 0;  // Overrun: by how much
    QString workOrderId;   // UrgentJob: the job that arrived
};

using RepairMove = VisitMove;

enum class RepairKind { Reassign, PushLater, BackToQueue, BookAsIs, Bump, LeaveInQueue };
// The option's name in the JSON ("reassign", "push_later", …) and in words.
QString repairKindKey(RepairKind kind);
QString repairKindText(RepairKind kind);

struct RepairOption {
    RepairKind kind = RepairKind::Reassign;
    std::vector<RepairMove> moves; // by appointment id, the new visit first
    int visitsMoved = 0;           // to another time or technician
    int backToQueue = 0;
    int newVisits = 0;
    int travelAddedMin = 0;        // on the days of the technicians who receive visits
    int lateMin = 0;               // minutes after the SLA due, summed over the options' visits
    int cost = 0;                  // see above
};

struct DayRepair {
    QStringList displaced;          // work orders the change displaces, sorted
    QStringList keptLocked;         // displaced visits left in place because they are locked
    std::vector<RepairOption> options; // cheapest first; empty when nothing is displaced
    // Absence: the absence to record with whichever option is written (technicianId empty
    // for the other changes), so nobody books the technician again for the rest of the day.
    Absence absence;
};

// The weights of the cost, in minutes (one source for the code, the tests and the README).
inline constexpr int kRepairMoveCost = 15;
inline constexpr int kRepairQueueCostPerPriorityStep = 120;
inline int repairQueueCost(int priority) { return kRepairQueueCostPerPriorityStep * (5 - std::clamp(priority, 1, 4)); }

// `input` as DayPlanLoader reads the day (its candidates are the queue's; a repair only
// uses the urgent job among them). Invalid disruptions (an unknown technician or visit, a
// job not in the queue) come back as an error in words.
Result<DayRepair> repairDay(const DayPlanInput &input, const Disruption &disruption, const DayPlanOptions &options);

} // namespace fieldops::dayplan
