#pragma once
// A technician's time entry as the review and the billing see it, and the visit spans it
// is checked against.
#include <QDateTime>
#include <QString>

namespace fieldops::billing {

struct TimeEntry {
    qint64 id = 0;
    QString technicianId;
    QString workOrderId;
    QDateTime start; // UTC
    QDateTime end;
    bool billable = true;
    QString activity; // travel, work, waiting or free text
    QString comment;
    QString reviewState; // vocabulary::reviewStates()
    int version = 1;

    double hours() const { return start.secsTo(end) / 3600.0; }
    bool reviewed() const { return reviewState != QLatin1String("pending"); }
};

// Where a technician was on a work order: one non-cancelled appointment, from the arrival
// (else the planned start) to the completion (else the planned end), and the arrival and
// departure the phone's positions tell (invalid when never inferred).
struct VisitSpan {
    QString workOrderId;
    QString technicianId;
    QDateTime begin;
    QDateTime end;
    QDateTime inferredArrival;
    QDateTime inferredDeparture;
};

} // namespace fieldops::billing
