#pragma once
// What `fieldops-cli optimize` reads, proposes and writes for one day: the open work
// orders nobody is booked for, the technicians who may take them, and the new visits the
// route optimiser found that the rule checks accept.
#include "scheduling/ScheduleSnapshot.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops::dayplan {

struct DayPlanInput {
    QDate date;
    // The day with a day's margin each side (every time zone's day D is inside), plus the
    // candidate work orders and their sites, which no appointment brings in.
    scheduling::ScheduleSnapshot snapshot;
    QStringList candidates;  // open, no visit but cancelled or completed ones, window meeting day D; sorted
    QStringList technicians; // active (and of the territory, when one is given); sorted
    // change_log's high-water mark before anything was read: a later write means the plan
    // may rest on a schedule that is gone.
    qint64 changeSeq = 0;
};

struct PlannedVisit {
    QString workOrderId;
    QString technicianId;
    QDateTime start; // UTC
    QDateTime end;
};

// One booked visit's change, or a new one. An empty toTechnicianId sends it back to the
// queue; an empty appointmentId books a new visit. A repair's options and a re-plan of
// the whole day are written and undone through it.
struct VisitMove {
    QString appointmentId;
    QString workOrderId;
    QString fromTechnicianId;
    QDateTime fromStart;
    QDateTime fromEnd;
    QString toTechnicianId;
    QDateTime start;
    QDateTime end;
};

// Why a candidate was not placed, the first that applies in this order (DayPlanReasons).
enum class UnplacedReason {
    NoSite,                // the work order has no site to drive to
    NoQualifiedTechnician, // no active technician (of the territory) holds every required skill
    WindowTooShort,        // the customer's window is shorter than the work
    NotWorking,            // every qualified technician is off that day (no shift)
    Absent,                // every qualified technician on shift is absent during it
    OutsideShifts,         // the window cannot be met inside any qualified technician's shift
    NoRoom,                // the qualified technicians' day is full: the optimiser found no place
    RefusedByRules,        // the optimiser placed it, the rule checks refused the visit
};

struct Unplaced {
    QString workOrderId;
    UnplacedReason reason = UnplacedReason::NoRoom;
};

// The reason in words for the dispatcher ("no technician holds the required skills").
QString unplacedReasonText(UnplacedReason reason);

struct DayPlan {
    std::vector<PlannedVisit> visits; // new ones only, by start then technician
    QStringList unassigned;           // candidates not placed, sorted
    std::vector<Unplaced> unplaced;   // the same candidates, in the same order, each with why
    // Only when booked visits may move (DayPlanOptions::moveBooked): those the plan gives
    // another technician or time, by appointment id. Every other booked visit stays.
    std::vector<VisitMove> moves;
    bool cancelled = false;           // the search was stopped early: the plan is its best so far
    // Minutes of the legs into and out of each new visit on its technician's day, home at
    // both ends included; a leg between two new visits counts once, legs between two
    // visits that were already booked do not count.
    int travelMin = 0;
    // The whole day's driving of the technicians who get a new visit or whose visits move
    // (home, every visit that local day, home), before and after the plan: what the
    // dispatcher weighs.
    int dayTravelBeforeMin = 0;
    int dayTravelAfterMin = 0;
};

} // namespace fieldops::dayplan
