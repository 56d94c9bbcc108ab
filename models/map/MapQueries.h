#pragma once
// The map's reads: one snapshot at start, then only what the change feed names (positions
// past the cursor, visits and jobs by id). Prepared statements with bound values only;
// id lists become "?, ?, …" placeholders, never text.
#include "map/MapData.h"
#include "util/Result.h"

#include <QDateTime>
#include <QStringList>

namespace fieldops {
class Database;
}

namespace fieldops::map {

class MapQueries {
public:
    explicit MapQueries(Database &db) : m_db(db) {}

    // The day [dayStart, dayEnd) for routes; jobs open or visited in [dayStart, horizonEnd);
    // positions of the last `trailMinutes` before `now` plus everyone's latest.
    Result<MapSnapshot> snapshot(const QDateTime &now, const QDateTime &dayStart, const QDateTime &dayEnd,
                                 const QDateTime &horizonEnd, int trailMinutes = 30);
    // Position rows with id > afterId, oldest first, at most `limit`.
    Result<std::vector<Position>> positionsAfter(qint64 afterId, int limit = 20000);
    // The day's visits among these appointment ids (cancelled ones included, so the model
    // can drop them); ids not returned left the day or were deleted.
    Result<std::vector<MapVisit>> visitsByIds(const QStringList &appointmentIds, const QDateTime &dayStart,
                                              const QDateTime &dayEnd);
    // Work orders visited by these appointments (to refresh their pins).
    Result<QStringList> workOrdersOfAppointments(const QStringList &appointmentIds);
    // Pins among these work orders; ids not returned no longer have a pin.
    Result<std::vector<MapJob>> jobsByIds(const QStringList &workOrderIds, const QDateTime &dayStart,
                                          const QDateTime &horizonEnd);
    Result<std::vector<MapTechnician>> technicians(const QStringList &ids = {});

private:
    Result<std::vector<MapJob>> jobs(const QString &extraWhere, const QVariantList &extraBinds, const QDateTime &dayStart,
                                     const QDateTime &horizonEnd);
    Result<std::vector<Position>> positions(const QString &where, const QVariantList &binds, int limit = 0);
    Database &m_db;
};

} // namespace fieldops::map
