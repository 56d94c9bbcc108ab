#pragma once
// What the live map shows, kept in step with the database incrementally: technicians'
// latest positions, trails and state (idle, en route, on site, late, offline), their
// day's route through their visits in order, and the job pins of the horizon. Each
// change (a batch of positions, a few visits, a few jobs) touches only its own rows and
// the spatial indexes; nothing is ever reloaded whole after the first snapshot.
#include "board/BoardFilter.h"
#include "map/LateAlert.h"
#include "map/LatePredictor.h"
#include "map/MapData.h"
#include "map/SpatialIndex.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QStringList>
#include <deque>
#include <optional>
#include <vector>

namespace fieldops::map {

enum class TechnicianState { Idle, EnRoute, OnSite, Late, Offline };
QString technicianStateName(TechnicianState s); // translated, for tooltips and legends

struct TechnicianMarker {
    QString id;
    QString name;
    bool hasFix = false;
    double lat = 0;
    double lon = 0;
    QPointF world;                     // valid when hasFix
    std::optional<double> headingDeg;
    QDateTime fixAt;
    std::deque<QPointF> trail;         // world points, oldest first, the latest included
    TechnicianState state = TechnicianState::Offline;
    QStringList route;                 // the day's appointment ids, by start
    // The next visit and the prediction for it (empty when none is left today).
    QString nextAppointmentId;
    std::optional<LatePrediction> prediction;
    // For the shared filter: who they are, and whether the filter lets them show.
    QString employment;
    QString territoryId;
    QStringList skills;
    bool shown = true;
};

struct JobPin {
    MapJob job;
    QPointF world;
    bool live = true; // false once removed (ids stay stable for the spatial index)
    bool inIndex = false; // in jobIndex(): live and let through by the filter
};

class MapModel : public QObject {
    Q_OBJECT
public:
    explicit MapModel(QObject *parent = nullptr);

    void setOfflineAfterMinutes(int m) { m_offlineAfterMin = m; }
    void setLateGraceMinutes(int m) { m_lateGraceMin = m; }
    void setTrailLength(int n) { m_trailLength = std::max(1, n); }
    int trailLength() const { return m_trailLength; }

    // The first load (and after a reconnect): everything replaced at once.
    void reset(const MapSnapshot &snapshot, const QDateTime &now);
    // Incremental updates from the live feed.
    void applyPositions(const std::vector<Position> &positions);
    void upsertVisits(const std::vector<MapVisit> &visits);
    void removeVisits(const QStringList &appointmentIds);
    void upsertJobs(const std::vector<MapJob> &jobs);
    void removeJobs(const QStringList &workOrderIds);
    void upsertTechnicians(const std::vector<MapTechnician> &technicians);
    // The board's technician filter (shared through ViewFilterService): technicians it
    // leaves out, and the jobs only they visit today, drop out of the spatial indexes, so
    // they are neither drawn nor hit. Unassigned jobs always show (the queue is everyone's).
    void setFilter(const board::BoardFilter &filter);
    const board::BoardFilter &filter() const { return m_filter; }
    bool filterActive() const;
    int shownTechnicianCount() const;
    // The clock moved on: offline and late are judged against it.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }

    const std::vector<TechnicianMarker> &technicians() const { return m_techs; }
    const TechnicianMarker *technician(const QString &id) const;
    int technicianIndex(const QString &id) const { return m_techIndexOf.value(id, -1); }
    const std::vector<JobPin> &jobs() const { return m_jobs; }
    const JobPin *job(const QString &workOrderId) const;
    int jobIndex(const QString &workOrderId) const { return m_jobIndexOf.value(workOrderId, -1); }
    const MapVisit *visit(const QString &appointmentId) const;
    // The technician's visits of the day in order.
    std::vector<const MapVisit *> route(const QString &technicianId) const;
    std::vector<LateAlert> lateAlerts() const;
    qint64 lastPositionId() const { return m_lastPositionId; }

    // Technicians with a position and live jobs that the filter lets through, in world
    // coordinates (ids are indexes into technicians() and jobs()).
    const SpatialIndex &technicianIndex() const { return m_techTree; }
    const SpatialIndex &jobIndex() const { return m_jobTree; }
    // Everything with a position, for "fit all" (empty when nothing has one).
    QRectF worldBounds() const;

signals:
    // Something visible changed; views repaint (cheap: they paint only the viewport).
    void changed();
    // Pins were added, moved or removed (cached clusters are stale).
    void jobsChanged();
    void positionsApplied(int count);
    // The set of late technicians or their delay changed (the alerts dock listens).
    void lateAlertsChanged();

private:
    void evaluate(TechnicianMarker &t);
    void rebuildRoute(TechnicianMarker &t);
    bool evaluateAll(const QSet<int> &techs);
    QString lateSignature() const;
    bool matchesFilter(const TechnicianMarker &t) const;
    void rebuildTechnicianIndex();
    void rebuildJobIndex();
    bool jobShown(const JobPin &pin) const;

    std::vector<TechnicianMarker> m_techs;
    QHash<QString, int> m_techIndexOf;
    std::vector<JobPin> m_jobs;
    QHash<QString, int> m_jobIndexOf;
    QHash<QString, MapVisit> m_visits;
    QHash<QString, QStringList> m_visitsOfTech;
    SpatialIndex m_techTree;
    SpatialIndex m_jobTree;
    QDateTime m_now;
    qint64 m_lastPositionId = 0;
    int m_offlineAfterMin = 15;
    int m_lateGraceMin = 0;
    int m_trailLength = 20;
    QString m_lateSignature;
    board::BoardFilter m_filter;
};

} // namespace fieldops::map
