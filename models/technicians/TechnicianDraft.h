#pragma once
// A technician and an absence as the console's forms hold them before they are saved.
// Field names in messages are the technicians.csv and absences.csv column names, so the
// form and an imported file speak of the same things. Numbers, clocks and the time zone
// are kept as typed, so a form can say "home_lat: 123 is outside [-90, 90]" exactly as
// the importer does.
#include "domain/Entities.h"
#include "workorders/WorkOrderDraft.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fieldops::technicians {

using workorders::FieldIssue;
using workorders::FieldIssues;

struct TechnicianDraft {
    QString id;
    QString name;
    QString employment = QStringLiteral("employee");
    QString territoryId; // empty: no territory
    QString homeLat;     // as typed, checked by the technicians.csv column rules
    QString homeLon;
    QString timeZone = QStringLiteral("UTC");
    QString shiftStart = QStringLiteral("08:00");
    QString shiftEnd = QStringLiteral("17:00");
    QStringList workDays{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
                         QStringLiteral("Fri")};
    QString hourlyCost; // empty: not known
    bool active = true;
    QStringList skills;
    int version = 0; // the version the draft was loaded at (0: new)
};

struct AbsenceDraft {
    QString id; // the database's id once saved; empty for a new absence
    QString technicianId;
    QDateTime start; // UTC
    QDateTime end;
    QString reason;
    int version = 0;
};

// A visit an absence covers: what the dispatcher is shown before returning it to the queue.
struct CoveredVisit {
    QString id;
    QString workOrderId;
    QString summary;
    QDateTime start;
    QDateTime end;
    QString status;
    int version = 1;
};
using CoveredVisits = QVector<CoveredVisit>;

// A row of the technicians list.
struct TechnicianRow {
    QString id;
    QString name;
    QString employment;
    QString territoryId;
    QString territoryName;
    QStringList skills;
    bool active = true;
};

struct TechnicianFilter {
    enum class Activity { Any, Active, Inactive };
    QString text;        // name or id contains (case-insensitive)
    QString territoryId; // empty: any
    QString employment;  // empty: any
    Activity activity = Activity::Any;
    bool operator==(const TechnicianFilter &) const = default;
};

// What the technician form offers to choose from.
struct TechnicianCatalog {
    QVector<Territory> territories;
    QVector<Skill> skills;
};

} // namespace fieldops::technicians
