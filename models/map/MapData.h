#pragma once
// Plain rows the map is built from, as the database queries (MapQueries) return them and
// the simulator, tests and the benchmark can build them in memory.
#include "domain/Entities.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops::map {

// One visit as the map needs it: where, when, its state, and what is being visited.
struct MapVisit {
    QString appointmentId;
    QString workOrderId;
    QString technicianId;
    QDateTime start;
    QDateTime end;
    QString status; // appointment status
    double lat = 0;
    double lon = 0;
};

// A work order's pin: its site, priority and status; unassigned = open with no live visit.
struct MapJob {
    QString workOrderId;
    QString summary;
    QString siteName;
    int priority = 3;
    QString status; // work order status
    bool unassigned = false;
    double lat = 0;
    double lon = 0;
};

struct MapTechnician {
    QString id;
    QString name;
    // What the board's filter asks about (territory, skill, employment).
    // (Defaulted, so {id, name} still reads as a whole technician.)
    QString employment = {};
    QString territoryId = {};
    QStringList skills = {};
};

struct MapSnapshot {
    QDateTime loadedAt;
    std::vector<MapTechnician> technicians;
    std::vector<Position> positions; // latest few per technician, oldest first
    std::vector<MapVisit> visits;    // the day's visits (not cancelled), any order
    std::vector<MapJob> jobs;
    qint64 lastPositionId = 0; // the live cursor: later position rows are new
};

} // namespace fieldops::map
