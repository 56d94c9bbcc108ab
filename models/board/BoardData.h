#pragma once
// What the board shows, as plain data: one entry per technician (a potential row) and one
// per appointment in the horizon (every status; cancelled ones are hidden unless asked
// for), with the labels the bars need (customer, site, priority, SLA) already joined.
// Times are UTC milliseconds: painting thousands of bars never builds a QDateTime.
#include "domain/Entities.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops::board {

struct BoardItem {
    Appointment appointment;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int technician = -1; // index into BoardData::technicians; -1 for a removed item
    // Labels joined from the work order, site and customer.
    QString summary;
    QString workOrderType;
    QString siteId;
    QString siteName;
    QString siteAddress;
    QString customerName;
    double siteLat = 0, siteLon = 0;
    int priority = 3;
    qint64 slaDueMs = 0; // 0 when the work order has no SLA
    bool hasSla = false;
    // Derived: minutes of driving before the visit (from the previous visit or home).
    int travelLeadMin = 0;
    // Derived: one bit per scheduling::ViolationKind the appointment takes part in.
    unsigned violationMask = 0;
    // The parts the work order needs (sku), and what of them the technician's van lacks
    // ("2 × FLT-100"; empty: it carries them all). Read for visits still to come only.
    QStringList partSkus;
    QString vanLacks;

    bool isCancelled() const { return appointment.status == QLatin1String("cancelled"); }
    bool isRemoved() const { return technician < 0; }
};

struct BoardAbsence {
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString reason;
};

struct BoardTechnician {
    Technician technician;
    QString territoryName;
    int scheduleIndex = -1; // the technician's number in the conflict engine (shifts, zone)
    std::vector<BoardAbsence> absences; // sorted by start
    std::vector<int> items;  // indices into BoardData::items, sorted by (start, end, id)
    qint64 longestMs = 0;    // longest item: how far back a visible-range search must look
};

} // namespace fieldops::board
