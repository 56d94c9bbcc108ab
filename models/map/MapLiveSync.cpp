#include "map/MapLiveSync.h"

#include "map/MapQueries.h"
#include "session/QueryWorker.h"

#include <QTimeZone>

namespace fieldops::map {

namespace {
constexpr int kDebounceMs = 100; // a burst of feed rows becomes one read
constexpr int kHorizonDays = 3;

struct Delta {
    std::vector<Position> positions;
    std::vector<MapVisit> visits;
    QStringList goneVisits;
    std::vector<MapJob> jobs;
    QStringList goneJobs;
    std::vector<MapTechnician> technicians;
};

QStringList missingFrom(const QStringList &asked, const QStringList &found)
{
    QStringList out;
    for (const QString &id : asked)
        if (!found.contains(id))
            out.append(id);
    return out;
}
} // namespace

MapLiveSync::MapLiveSync(MapModel *model, QObject *parent) : QObject(parent), m_model(model)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &MapLiveSync::flush);
    m_poll.setInterval(5000);
    connect(&m_poll, &QTimer::timeout, this, &MapLiveSync::pollPositions);
    m_clock.setInterval(30000);
    connect(&m_clock, &QTimer::timeout, this, [this] { m_model->setNow(now()); });
}

MapLiveSync::~MapLiveSync() = default;

QDateTime MapLiveSync::now() const
{
    return m_clockOverride.isValid() ? m_clockOverride : QDateTime::currentDateTimeUtc();
}

void MapLiveSync::dayBounds(QDateTime &dayStart, QDateTime &dayEnd, QDateTime &horizonEnd) const
{
    // The dispatcher's day, in the console's local zone.
    const QDateTime local = now().toLocalTime();
    dayStart = QDateTime(local.date(), QTime(0, 0), QTimeZone::systemTimeZone()).toUTC();
    dayEnd = dayStart.addDays(1);
    horizonEnd = dayStart.addDays(kHorizonDays);
}

void MapLiveSync::start(const DatabaseUrl &url)
{
    stop();
    m_worker = std::make_unique<QueryWorker>(url);
    const quint64 gen = ++m_generation;
    QDateTime dayStart, dayEnd, horizonEnd;
    dayBounds(dayStart, dayEnd, horizonEnd);
    const QDateTime at = now();
    m_worker->submit<MapSnapshot>(
        this, [=](Database &db) { return MapQueries(db).snapshot(at, dayStart, dayEnd, horizonEnd); },
        [this, gen](Result<MapSnapshot> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                emit failed(r.error().message);
                return;
            }
            m_model->reset(*r, now());
            m_loaded = true;
            m_poll.start();
            m_clock.start();
            emit loaded();
            if (!m_dirtyVisits.isEmpty() || !m_dirtyJobs.isEmpty() || m_positionsDirty)
                m_debounce.start();
        });
}

void MapLiveSync::stop()
{
    ++m_generation;
    m_poll.stop();
    m_clock.stop();
    m_debounce.stop();
    m_worker.reset();
    m_inFlight = m_loaded = m_positionsDirty = false;
    m_dirtyVisits.clear();
    m_dirtyJobs.clear();
    m_dirtyTechs.clear();
}

void MapLiveSync::applyChanges(const ChangeList &changes)
{
    for (const Change &c : changes) {
        if (c.entity == QLatin1String("positions"))
            m_positionsDirty = true;
        else if (c.entity == QLatin1String("appointments"))
            m_dirtyVisits.insert(c.entityId);
        else if (c.entity == QLatin1String("work_orders"))
            m_dirtyJobs.insert(c.entityId);
        else if (c.entity == QLatin1String("technicians"))
            m_dirtyTechs.insert(c.entityId);
    }
    if (m_worker && (m_positionsDirty || !m_dirtyVisits.isEmpty() || !m_dirtyJobs.isEmpty() || !m_dirtyTechs.isEmpty()))
        m_debounce.start();
}

void MapLiveSync::pollPositions()
{
    m_positionsDirty = true;
    flush();
}

void MapLiveSync::flush()
{
    if (!m_worker || !m_loaded)
        return;
    if (m_inFlight) {
        m_debounce.start(); // one read at a time; the next picks up what gathered meanwhile
        return;
    }
    const QStringList visits(m_dirtyVisits.begin(), m_dirtyVisits.end());
    const QStringList jobs(m_dirtyJobs.begin(), m_dirtyJobs.end());
    const QStringList techs(m_dirtyTechs.begin(), m_dirtyTechs.end());
    const bool positions = m_positionsDirty;
    m_dirtyVisits.clear();
    m_dirtyJobs.clear();
    m_dirtyTechs.clear();
    m_positionsDirty = false;
    m_inFlight = true;
    const qint64 after = m_model->lastPositionId();
    QDateTime dayStart, dayEnd, horizonEnd;
    dayBounds(dayStart, dayEnd, horizonEnd);
    const quint64 gen = m_generation;
    m_worker->submit<Delta>(
        this,
        [=](Database &db) -> Result<Delta> {
            MapQueries q(db);
            Delta d;
            if (positions) {
                auto p = q.positionsAfter(after);
                if (!p)
                    return p.error();
                d.positions = std::move(p).value();
            }
            auto v = q.visitsByIds(visits, dayStart, dayEnd);
            if (!v)
                return v.error();
            d.visits = std::move(v).value();
            QStringList found;
            for (const MapVisit &x : d.visits)
                found.append(x.appointmentId);
            d.goneVisits = missingFrom(visits, found);
            // A visit's change can assign or free its work order: refresh that pin too.
            auto owners = q.workOrdersOfAppointments(visits);
            if (!owners)
                return owners.error();
            QStringList jobIds = jobs;
            for (const QString &id : *owners)
                if (!jobIds.contains(id))
                    jobIds.append(id);
            auto j = q.jobsByIds(jobIds, dayStart, horizonEnd);
            if (!j)
                return j.error();
            d.jobs = std::move(j).value();
            found.clear();
            for (const MapJob &x : d.jobs)
                found.append(x.workOrderId);
            d.goneJobs = missingFrom(jobIds, found);
            if (!techs.isEmpty()) {
                auto t = q.technicians(techs);
                if (!t)
                    return t.error();
                d.technicians = std::move(t).value();
            }
            return d;
        },
        [this, gen](Result<Delta> r) {
            if (gen != m_generation)
                return;
            m_inFlight = false;
            if (!r) {
                emit failed(r.error().message);
                return;
            }
            if (!r->technicians.empty())
                m_model->upsertTechnicians(r->technicians);
            if (!r->visits.empty())
                m_model->upsertVisits(r->visits);
            if (!r->goneVisits.isEmpty())
                m_model->removeVisits(r->goneVisits);
            if (!r->jobs.empty())
                m_model->upsertJobs(r->jobs);
            if (!r->goneJobs.isEmpty())
                m_model->removeJobs(r->goneJobs);
            // The clock first, so the positions are judged against the time they arrive at.
            m_model->setNow(now());
            m_model->applyPositions(r->positions);
            emit synced();
        });
}

} // namespace fieldops::map
