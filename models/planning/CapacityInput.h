#pragma once
// Everything the capacity preview needs, in memory: the preventive occurrences that
// generating would create, the technicians who could do them, their absences and the
// appointments already booked. Filled from the database by readCapacityInput() or by
// hand (tests, benchmarks); the preview and the levelling are pure functions of it.
#include "scheduling/ShiftCalendar.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fieldops::planning {

struct CapacityOccurrence {
    QString planId;
    QDate occurrence;    // the rule's day: with planId, what identifies the occurrence
    QDate due;           // the day it is planned on (a holiday already moved it)
    QString territoryId; // its site's; empty: a site without territory
    // The holiday calendar of its contract (the contract's holiday territory, else the
    // site's); empty: the site's territory. Generating refuses a move onto its holidays.
    QString calendarTerritoryId;
    QStringList skills;  // every one is needed
    int durationMin = 0;
    int intervalDays = 0; // the plan's interval, which bounds how far levelling may move it
    QDate contractStarts; // invalid: open-ended
    QDate contractEnds;
};

struct CapacityTechnician {
    QString id;
    QString territoryId; // empty: none
    QStringList skills;
    QString timeZone; // IANA; an unknown zone counts as UTC
    scheduling::ShiftPattern shift;
};

// A busy span of one technician, in UTC milliseconds.
struct CapacitySpan {
    QString technicianId;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct CapacityInput {
    QDate firstDay; // the horizon's first day
    QDate lastDay;  // its last day (the plans' lead days may reach past the horizon)
    QVector<CapacityOccurrence> occurrences;
    QVector<CapacityTechnician> technicians; // active ones only
    QVector<CapacitySpan> absences;
    QVector<CapacitySpan> booked; // appointments not cancelled
    QHash<QString, QSet<QDate>> holidays;   // territory → days
    QHash<QString, QString> territoryNames; // id → name, for people
};

} // namespace fieldops::planning
