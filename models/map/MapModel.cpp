#include "map/MapModel.h"

#include "map/MapProjection.h"

#include <QCoreApplication>
#include <algorithm>

namespace fieldops::map {

namespace {
bool isPending(const QString &status)
{
    return status == QLatin1String("scheduled") || status == QLatin1String("tentative")
           || status == QLatin1String("en_route");
}
} // namespace

QString technicianStateName(TechnicianState s)
{
    switch (s) {
    case TechnicianState::Idle:
        return QCoreApplication::translate("MapView", "idle");
    case TechnicianState::EnRoute:
        return QCoreApplication::translate("MapView", "en route");
    case TechnicianState::OnSite:
        return QCoreApplication::translate("MapView", "on site");
    case TechnicianState::Late:
        return QCoreApplication::translate("MapView", "late");
    case TechnicianState::Offline:
        break;
    }
    return QCoreApplication::translate("MapView", "offline");
}

MapModel::MapModel(QObject *parent) : QObject(parent) {}

void MapModel::reset(const MapSnapshot &snapshot, const QDateTime &now)
{
    m_now = now;
    m_techs.clear();
    m_techIndexOf.clear();
    m_jobs.clear();
    m_jobIndexOf.clear();
    m_visits.clear();
    m_visitsOfTech.clear();
    m_lastPositionId = snapshot.lastPositionId;

    m_techs.reserve(snapshot.technicians.size());
    for (const MapTechnician &t : snapshot.technicians) {
        m_techIndexOf.insert(t.id, int(m_techs.size()));
        TechnicianMarker m;
        m.id = t.id;
        m.name = t.name;
        m.employment = t.employment;
        m.territoryId = t.territoryId;
        m.skills = t.skills;
        m.shown = matchesFilter(m);
        m_techs.push_back(std::move(m));
    }
    for (const Position &p : snapshot.positions) {
        const int i = m_techIndexOf.value(p.technicianId, -1);
        if (i < 0)
            continue;
        TechnicianMarker &m = m_techs[size_t(i)];
        if (m.hasFix && p.at < m.fixAt)
            continue;
        m.hasFix = true;
        m.lat = p.lat;
        m.lon = p.lon;
        m.world = toWorld(p.lat, p.lon);
        m.headingDeg = p.headingDeg;
        m.fixAt = p.at;
        m.trail.push_back(m.world);
        while (int(m.trail.size()) > m_trailLength)
            m.trail.pop_front();
        m_lastPositionId = std::max(m_lastPositionId, p.rowId);
    }
    for (const MapVisit &v : snapshot.visits) {
        m_visits.insert(v.appointmentId, v);
        m_visitsOfTech[v.technicianId].append(v.appointmentId);
    }
    for (TechnicianMarker &t : m_techs) {
        rebuildRoute(t);
        evaluate(t);
    }
    rebuildTechnicianIndex();

    m_jobs.reserve(snapshot.jobs.size());
    for (const MapJob &j : snapshot.jobs) {
        m_jobIndexOf.insert(j.workOrderId, int(m_jobs.size()));
        m_jobs.push_back({j, toWorld(j.lat, j.lon), true});
    }
    rebuildJobIndex();
    m_lateSignature = lateSignature();
    emit jobsChanged();
    emit changed();
    emit lateAlertsChanged();
}

void MapModel::applyPositions(const std::vector<Position> &positions)
{
    if (positions.empty())
        return;
    QSet<int> touched;
    for (const Position &p : positions) {
        m_lastPositionId = std::max(m_lastPositionId, p.rowId);
        const int i = m_techIndexOf.value(p.technicianId, -1);
        if (i < 0)
            continue;
        TechnicianMarker &m = m_techs[size_t(i)];
        if (m.hasFix && p.at < m.fixAt)
            continue; // an old row arriving late changes nothing on the map
        const QPointF world = toWorld(p.lat, p.lon);
        if (m.shown && m.hasFix)
            m_techTree.move(m.world, world, i);
        else if (m.shown)
            m_techTree.insert(world, i);
        m.hasFix = true;
        m.lat = p.lat;
        m.lon = p.lon;
        m.world = world;
        m.headingDeg = p.headingDeg;
        m.fixAt = p.at;
        m.trail.push_back(world);
        while (int(m.trail.size()) > m_trailLength)
            m.trail.pop_front();
        touched.insert(i);
    }
    evaluateAll(touched);
    emit positionsApplied(int(positions.size()));
    emit changed();
}

void MapModel::upsertVisits(const std::vector<MapVisit> &visits)
{
    QSet<int> touched;
    for (const MapVisit &v : visits) {
        const auto old = m_visits.constFind(v.appointmentId);
        if (old != m_visits.cend() && old->technicianId != v.technicianId) {
            m_visitsOfTech[old->technicianId].removeAll(v.appointmentId);
            touched.insert(m_techIndexOf.value(old->technicianId, -1));
        }
        if (v.status == QLatin1String("cancelled")) {
            m_visits.remove(v.appointmentId);
            m_visitsOfTech[v.technicianId].removeAll(v.appointmentId);
        } else {
            if (old == m_visits.cend() || old->technicianId != v.technicianId)
                m_visitsOfTech[v.technicianId].append(v.appointmentId);
            m_visits.insert(v.appointmentId, v);
        }
        touched.insert(m_techIndexOf.value(v.technicianId, -1));
    }
    touched.remove(-1);
    for (int i : std::as_const(touched))
        rebuildRoute(m_techs[size_t(i)]);
    evaluateAll(touched);
    // A job changed hands: under a filter it may now show or hide.
    if (filterActive()) {
        rebuildJobIndex();
        emit jobsChanged();
    }
    emit changed();
}

void MapModel::removeVisits(const QStringList &appointmentIds)
{
    QSet<int> touched;
    for (const QString &id : appointmentIds) {
        const auto it = m_visits.constFind(id);
        if (it == m_visits.cend())
            continue;
        m_visitsOfTech[it->technicianId].removeAll(id);
        touched.insert(m_techIndexOf.value(it->technicianId, -1));
        m_visits.erase(it);
    }
    touched.remove(-1);
    for (int i : std::as_const(touched))
        rebuildRoute(m_techs[size_t(i)]);
    evaluateAll(touched);
    if (filterActive()) {
        rebuildJobIndex();
        emit jobsChanged();
    }
    emit changed();
}

void MapModel::upsertJobs(const std::vector<MapJob> &jobs)
{
    for (const MapJob &j : jobs) {
        const QPointF world = toWorld(j.lat, j.lon);
        const int i = m_jobIndexOf.value(j.workOrderId, -1);
        int n = i;
        if (i >= 0) {
            JobPin &pin = m_jobs[size_t(i)];
            if (pin.inIndex)
                m_jobTree.remove(pin.world, i);
            pin = {j, world, true};
        } else {
            n = int(m_jobs.size());
            m_jobIndexOf.insert(j.workOrderId, n);
            m_jobs.push_back({j, world, true});
        }
        JobPin &pin = m_jobs[size_t(n)];
        pin.inIndex = jobShown(pin);
        if (pin.inIndex)
            m_jobTree.insert(world, n);
    }
    emit jobsChanged();
    emit changed();
}

void MapModel::removeJobs(const QStringList &workOrderIds)
{
    for (const QString &id : workOrderIds) {
        const int i = m_jobIndexOf.value(id, -1);
        if (i < 0 || !m_jobs[size_t(i)].live)
            continue;
        if (m_jobs[size_t(i)].inIndex)
            m_jobTree.remove(m_jobs[size_t(i)].world, i);
        m_jobs[size_t(i)].live = false;
        m_jobs[size_t(i)].inIndex = false;
    }
    emit jobsChanged();
    emit changed();
}

void MapModel::upsertTechnicians(const std::vector<MapTechnician> &technicians)
{
    bool visibilityChanged = false;
    for (const MapTechnician &t : technicians) {
        int i = m_techIndexOf.value(t.id, -1);
        if (i < 0) {
            i = int(m_techs.size());
            m_techIndexOf.insert(t.id, i);
            TechnicianMarker m;
            m.id = t.id;
            m_techs.push_back(std::move(m));
            rebuildRoute(m_techs.back());
        }
        TechnicianMarker &m = m_techs[size_t(i)];
        m.name = t.name;
        m.employment = t.employment;
        m.territoryId = t.territoryId;
        m.skills = t.skills;
        const bool shown = matchesFilter(m);
        visibilityChanged = visibilityChanged || shown != m.shown;
        m.shown = shown;
    }
    // Moved in or out of the filter (a new territory, a renamed technician): the indexes
    // follow. Rare enough for a rebuild.
    if (visibilityChanged) {
        rebuildTechnicianIndex();
        rebuildJobIndex();
        emit jobsChanged();
    }
    emit changed();
}

void MapModel::setFilter(const board::BoardFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    for (TechnicianMarker &t : m_techs)
        t.shown = matchesFilter(t);
    rebuildTechnicianIndex();
    rebuildJobIndex();
    emit jobsChanged();
    emit changed();
}

bool MapModel::filterActive() const
{
    return !m_filter.territoryId.isEmpty() || !m_filter.skill.isEmpty() || !m_filter.employment.isEmpty() || !m_filter.search.isEmpty();
}

int MapModel::shownTechnicianCount() const
{
    return int(std::count_if(m_techs.begin(), m_techs.end(), [](const TechnicianMarker &t) { return t.shown; }));
}

bool MapModel::matchesFilter(const TechnicianMarker &t) const
{
    // The board's rule (RowLayout::matches), on the map's copy of the technician.
    if (!m_filter.territoryId.isEmpty() && t.territoryId != m_filter.territoryId)
        return false;
    if (!m_filter.skill.isEmpty() && !t.skills.contains(m_filter.skill))
        return false;
    if (!m_filter.employment.isEmpty() && t.employment != m_filter.employment)
        return false;
    if (!m_filter.search.isEmpty() && !t.name.contains(m_filter.search, Qt::CaseInsensitive))
        return false;
    return true;
}

void MapModel::rebuildTechnicianIndex()
{
    std::vector<std::pair<QPointF, int>> points;
    points.reserve(m_techs.size());
    for (size_t i = 0; i < m_techs.size(); ++i)
        if (m_techs[i].hasFix && m_techs[i].shown)
            points.emplace_back(m_techs[i].world, int(i));
    m_techTree.rebuild(points);
}

bool MapModel::jobShown(const JobPin &pin) const
{
    if (!pin.live)
        return false;
    if (!filterActive() || pin.job.unassigned)
        return true;
    // Shown unless every visit of it today is by a technician the filter leaves out.
    bool visited = false;
    for (const MapVisit &v : m_visits) {
        if (v.workOrderId != pin.job.workOrderId)
            continue;
        visited = true;
        const int t = m_techIndexOf.value(v.technicianId, -1);
        if (t >= 0 && m_techs[size_t(t)].shown)
            return true;
    }
    return !visited;
}

void MapModel::rebuildJobIndex()
{
    // Which work orders a shown technician visits today, and which anyone visits: one pass
    // over the visits instead of one per job.
    QSet<QString> visited, visitedByShown;
    if (filterActive()) {
        for (const MapVisit &v : std::as_const(m_visits)) {
            visited.insert(v.workOrderId);
            const int t = m_techIndexOf.value(v.technicianId, -1);
            if (t >= 0 && m_techs[size_t(t)].shown)
                visitedByShown.insert(v.workOrderId);
        }
    }
    std::vector<std::pair<QPointF, int>> points;
    points.reserve(m_jobs.size());
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        JobPin &pin = m_jobs[i];
        const QString &id = pin.job.workOrderId;
        pin.inIndex = pin.live && (!filterActive() || pin.job.unassigned || !visited.contains(id) || visitedByShown.contains(id));
        if (pin.inIndex)
            points.emplace_back(pin.world, int(i));
    }
    m_jobTree.rebuild(points);
}

void MapModel::setNow(const QDateTime &now)
{
    m_now = now;
    QSet<int> all;
    for (int i = 0; i < int(m_techs.size()); ++i)
        all.insert(i);
    if (evaluateAll(all))
        emit changed();
}

const TechnicianMarker *MapModel::technician(const QString &id) const
{
    const int i = technicianIndex(id);
    return i < 0 ? nullptr : &m_techs[size_t(i)];
}

const JobPin *MapModel::job(const QString &workOrderId) const
{
    const int i = jobIndex(workOrderId);
    return i < 0 || !m_jobs[size_t(i)].live ? nullptr : &m_jobs[size_t(i)];
}

const MapVisit *MapModel::visit(const QString &appointmentId) const
{
    const auto it = m_visits.constFind(appointmentId);
    return it == m_visits.cend() ? nullptr : &*it;
}

std::vector<const MapVisit *> MapModel::route(const QString &technicianId) const
{
    std::vector<const MapVisit *> out;
    if (const TechnicianMarker *t = technician(technicianId))
        for (const QString &id : t->route)
            if (const MapVisit *v = visit(id))
                out.push_back(v);
    return out;
}

std::vector<LateAlert> MapModel::lateAlerts() const
{
    std::vector<LateAlert> out;
    for (const TechnicianMarker &t : m_techs) {
        if (t.state != TechnicianState::Late || !t.prediction)
            continue;
        const MapVisit *v = visit(t.nextAppointmentId);
        if (!v)
            continue;
        out.push_back({t.id, t.name, v->appointmentId, v->workOrderId, v->start, t.prediction->eta, t.prediction->minutesLate});
    }
    std::sort(out.begin(), out.end(), [](const LateAlert &a, const LateAlert &b) { return a.minutesLate > b.minutesLate; });
    return out;
}

QRectF MapModel::worldBounds() const
{
    double x0 = 2, y0 = 2, x1 = -1, y1 = -1;
    auto grow = [&](const QPointF &p) {
        x0 = std::min(x0, p.x());
        y0 = std::min(y0, p.y());
        x1 = std::max(x1, p.x());
        y1 = std::max(y1, p.y());
    };
    for (const TechnicianMarker &t : m_techs)
        if (t.hasFix && t.shown)
            grow(t.world);
    for (const JobPin &j : m_jobs)
        if (j.inIndex)
            grow(j.world);
    if (x1 < x0)
        return {};
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

void MapModel::rebuildRoute(TechnicianMarker &t)
{
    QStringList ids = m_visitsOfTech.value(t.id);
    std::sort(ids.begin(), ids.end(), [this](const QString &a, const QString &b) {
        const MapVisit &va = m_visits[a];
        const MapVisit &vb = m_visits[b];
        return va.start != vb.start ? va.start < vb.start : a < b;
    });
    t.route = ids;
}

void MapModel::evaluate(TechnicianMarker &t)
{
    t.nextAppointmentId.clear();
    t.prediction.reset();
    if (!t.hasFix || (m_now.isValid() && t.fixAt.secsTo(m_now) > qint64(m_offlineAfterMin) * 60)) {
        t.state = TechnicianState::Offline;
        return;
    }
    const MapVisit *current = nullptr;
    const MapVisit *next = nullptr;
    for (const QString &id : std::as_const(t.route)) {
        const auto it = m_visits.constFind(id);
        if (it == m_visits.cend())
            continue;
        if (it->status == QLatin1String("on_site") || it->status == QLatin1String("en_route"))
            current = &*it;
        if (!next && isPending(it->status))
            next = &*it;
    }
    TechnicianState state = TechnicianState::Idle;
    if (current && current->status == QLatin1String("on_site"))
        state = TechnicianState::OnSite;
    else if (current)
        state = TechnicianState::EnRoute;
    // Someone on site is not travelling yet: the next visit is judged once they leave.
    if (next && state != TechnicianState::OnSite && m_now.isValid()) {
        t.nextAppointmentId = next->appointmentId;
        t.prediction = predictArrival(t.lat, t.lon, m_now, next->lat, next->lon, next->start, m_lateGraceMin);
        if (t.prediction->late)
            state = TechnicianState::Late;
    }
    t.state = state;
}

bool MapModel::evaluateAll(const QSet<int> &techs)
{
    for (int i : techs)
        if (i >= 0 && i < int(m_techs.size()))
            evaluate(m_techs[size_t(i)]);
    const QString sig = lateSignature();
    if (sig == m_lateSignature)
        return !techs.isEmpty();
    m_lateSignature = sig;
    emit lateAlertsChanged();
    return true;
}

QString MapModel::lateSignature() const
{
    // Which technicians are late for which visit by how much: the alerts dock only needs a
    // signal when that changes, not on every position.
    QString s;
    for (const TechnicianMarker &t : m_techs)
        if (t.state == TechnicianState::Late && t.prediction)
            s += t.id + QLatin1Char(':') + t.nextAppointmentId + QLatin1Char(':') + QString::number(t.prediction->minutesLate / 5)
                 + QLatin1Char(';');
    return s;
}

} // namespace fieldops::map
