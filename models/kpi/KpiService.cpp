#include "kpi/KpiService.h"

#include "kpi/KpiTargetRepository.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace fieldops::kpi {

KpiService::KpiService(QObject *parent) : QObject(parent) {}

KpiService::~KpiService() = default;

void KpiService::setDatabaseUrl(const DatabaseUrl &url)
{
    m_url = url;
    m_hasUrl = true;
    ++m_generation; // results from the previous database are stale
    m_data.reset();
    m_load.reset();
    m_extending.reset();
    updateBusy(); // requests to the old database may still be running; they end unseen
}

void KpiService::invalidate()
{
    m_load.reset();
    m_extending.reset(); // a read of the previous period under way is for the old data
    updateBusy();
}

void KpiService::updateBusy() { setBusy(m_running > 0 || m_extending); }

void KpiService::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

namespace {
struct Computed {
    KpiDashboardData data;
    std::shared_ptr<const KpiLoad> load;
};

bool samePeriod(const KpiPeriod &a, const KpiPeriod &b) { return a.from == b.from && a.to == b.to && a.zone == b.zone; }
} // namespace

void KpiService::request(const KpiQuery &query, bool reload)
{
    if (!m_hasUrl) {
        emit failed(Error::invalid(tr("not connected to a database")));
        return;
    }
    const quint64 generation = ++m_generation;
    m_lastQuery = query;
    ++m_running;
    setBusy(true);
    std::shared_ptr<const KpiLoad> cached = m_load;
    if (reload || !cached || !samePeriod(cached->current->period, query.period)
        || QDateTime::currentMSecsSinceEpoch() - cached->readAtMs > reuseMs())
        cached.reset();
    if (!cached)
        m_extending.reset(); // a read of the previous period under way belongs to an older load
    auto *watcher = new QFutureWatcher<Result<Computed>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, cached] {
        watcher->deleteLater();
        --m_running;
        if (generation != m_generation) {
            updateBusy();
            return; // a newer request (or database) superseded this one
        }
        Result<Computed> result = watcher->result();
        if (!result) {
            updateBusy();
            emit failed(result.error());
            return;
        }
        if (result->load != m_load) // a fresh read: its targets are the latest
            m_targets = result->load->targets;
        m_load = result->load;
        m_data = std::move(result->data);
        m_data->targets = m_targets;
        if (m_data->previousPending && m_extending != m_load->current)
            readPrevious(); // busy until it ends
        updateBusy();
        emit ready();
    });
    const DatabaseUrl url = m_url;
    watcher->setFuture(QtConcurrent::run([url, query, cached]() -> Result<Computed> {
        std::shared_ptr<const KpiLoad> load = cached;
        qint64 loadMs = 0;
        if (!load) {
            QElapsedTimer clock;
            clock.start();
            auto db = Database::open(url);
            if (!db)
                return db.error();
            auto loaded = KpiService::load(**db, query, false); // the period first; readPrevious adds the rest
            if (!loaded)
                return loaded.error();
            load = std::move(loaded).value();
            loadMs = clock.elapsed();
        }
        Computed c{compute(*load, query), load};
        c.data.loadMs = loadMs;
        c.data.reusedRead = bool(cached);
        return c;
    }));
}

void KpiService::readPrevious()
{
    const std::shared_ptr<const KpiLoad> base = m_load;
    m_extending = base->current;
    const quint64 generation = m_generation;
    const KpiQuery query = m_lastQuery;
    auto *watcher = new QFutureWatcher<Result<Computed>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, base] {
        watcher->deleteLater();
        if (!m_load || m_load->current != base->current || m_extending != base->current) {
            updateBusy();
            return; // another read (or database) replaced the one this completes
        }
        m_extending.reset();
        Result<Computed> result = watcher->result();
        if (!result) {
            updateBusy();
            emit failed(Error{result.error().kind, tr("the previous period could not be read: %1").arg(result.error().message),
                              result.error().detail});
            return;
        }
        m_load = result->load;
        if (generation != m_generation) {
            // A filter switch came meanwhile and showed the partial data: show it complete.
            if (samePeriod(m_lastQuery.period, m_load->current->period))
                request(m_lastQuery, false);
            updateBusy();
            return;
        }
        m_data = std::move(result->data);
        m_data->targets = m_targets;
        updateBusy();
        emit ready();
    });
    const DatabaseUrl url = m_url;
    watcher->setFuture(QtConcurrent::run([url, query, base]() -> Result<Computed> {
        QElapsedTimer clock;
        clock.start();
        auto db = Database::open(url);
        if (!db)
            return db.error();
        auto previous = readPeriod(**db, previousPeriod(base->current->period));
        if (!previous)
            return previous.error();
        auto complete = std::make_shared<KpiLoad>(*base);
        complete->previous = std::move(previous).value();
        Computed c{compute(*complete, query), complete};
        c.data.loadMs = clock.elapsed();
        return c;
    }));
}

void KpiService::saveTarget(const KpiTarget &target)
{
    if (!m_hasUrl) {
        emit targetSaveFailed(Error::invalid(tr("not connected to a database")));
        return;
    }
    struct Saved {
        std::optional<KpiTarget> target; // nullopt: refused, see error
        Error error;
        std::vector<KpiTarget> all; // read again either way: a lost race shows the winner
    };
    auto *watcher = new QFutureWatcher<Result<Saved>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        Result<Saved> result = watcher->result();
        if (!result) {
            emit targetSaveFailed(result.error());
            return;
        }
        m_targets = result->all;
        if (m_data) {
            m_data->targets = m_targets;
            emit ready();
        }
        if (result->target)
            emit targetSaved(*result->target);
        else
            emit targetSaveFailed(result->error);
    });
    const DatabaseUrl url = m_url;
    watcher->setFuture(QtConcurrent::run([url, target]() -> Result<Saved> {
        auto db = Database::open(url);
        if (!db)
            return db.error();
        KpiTargetRepository repo(**db);
        Saved out;
        auto saved = repo.save(target);
        if (saved)
            out.target = std::move(saved).value();
        else
            out.error = saved.error();
        auto all = repo.all();
        if (!all)
            return saved ? all.error() : out.error;
        out.all = std::move(all).value();
        return out;
    }));
}

void KpiService::requestVisits(const QString &technicianId)
{
    if (!m_hasUrl || !m_data) {
        emit visitsFailed(Error::invalid(tr("no KPI period is shown yet")));
        return;
    }
    const quint64 generation = ++m_visitsGeneration;
    auto *watcher = new QFutureWatcher<Result<std::vector<TechnicianVisit>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, technicianId] {
        watcher->deleteLater();
        if (generation != m_visitsGeneration)
            return; // the user asked for someone else meanwhile
        auto result = watcher->result();
        if (!result)
            emit visitsFailed(result.error());
        else
            emit visitsReady(technicianId, *result);
    });
    const DatabaseUrl url = m_url;
    const KpiPeriod period = m_data->query.period;
    watcher->setFuture(QtConcurrent::run([url, technicianId, period]() -> Result<std::vector<TechnicianVisit>> {
        auto db = Database::open(url);
        if (!db)
            return db.error();
        return loadTechnicianVisits(**db, technicianId, period);
    }));
}

Result<std::shared_ptr<const KpiPeriodRead>> KpiService::readPeriod(Database &db, const KpiPeriod &period)
{
    auto inputs = loadKpiInputs(db, period);
    if (!inputs)
        return inputs.error();
    auto read = std::make_shared<KpiPeriodRead>();
    read->period = period;
    read->inputs = std::move(inputs).value();
    auto proactive = loadProactiveInputs(db, period);
    if (!proactive)
        return proactive.error();
    read->proactive = std::move(proactive).value();
    read->engine = std::make_unique<const KpiEngine>(read->inputs); // read stays where it is: the reference holds
    return std::shared_ptr<const KpiPeriodRead>(std::move(read));
}

Result<std::shared_ptr<const KpiLoad>> KpiService::load(Database &db, const KpiQuery &query, bool withPrevious)
{
    auto l = std::make_shared<KpiLoad>();
    auto current = readPeriod(db, query.period);
    if (!current)
        return current.error();
    l->current = std::move(current).value();
    if (withPrevious) {
        auto previous = readPeriod(db, previousPeriod(query.period));
        if (!previous)
            return previous.error();
        l->previous = std::move(previous).value();
    }
    auto directory = loadKpiDirectory(db);
    if (!directory)
        return directory.error();
    l->directory = std::move(directory).value();
    auto targets = KpiTargetRepository(db).all();
    if (!targets)
        return targets.error();
    l->targets = std::move(targets).value();
    l->readAtMs = QDateTime::currentMSecsSinceEpoch();
    return std::shared_ptr<const KpiLoad>(std::move(l));
}

Result<KpiDashboardData> KpiService::compute(Database &db, const KpiQuery &query)
{
    QElapsedTimer clock;
    clock.start();
    auto l = load(db, query);
    if (!l)
        return l.error();
    const qint64 loadMs = clock.elapsed();
    KpiDashboardData d = compute(**l, query);
    d.loadMs = loadMs;
    return d;
}

KpiDashboardData KpiService::compute(const KpiLoad &load, const KpiQuery &query)
{
    QElapsedTimer clock;
    clock.start();
    KpiDashboardData d;
    d.query = query;
    d.previousPeriod = previousPeriod(query.period);
    d.directory = load.directory;
    d.targets = load.targets;
    const KpiEngine &engine = *load.current->engine;
    d.filter = KpiFilter::of(engine.inputs().technicians, query.territoryId, query.technicianId, query.employment,
                             query.workOrderType);
    const KpiRange current = rangeOf(query.period);
    d.current = engine.compute(current, d.filter);
    d.proactive = computeProactiveKpis(load.current->proactive, current.fromMs, current.toMs, d.filter);
    // Each period's own read holds everything its formulas need: the previous period's
    // values come from its read, exactly as `fieldops-cli kpi` over those days gives them.
    if (load.previous)
        d.previous = load.previous->engine->compute(rangeOf(d.previousPeriod), d.filter);
    d.previousPending = !load.previous;

    d.buckets = makeBuckets(query.period, query.bucketSize);
    std::vector<KpiRange> ranges;
    for (const KpiBucket &b : d.buckets)
        ranges.push_back(b.range);
    for (KpiReport &r : engine.series(ranges, d.filter, false))
        d.series.push_back(std::move(r.overall));

    for (BreakdownBy by : {BreakdownBy::Technician, BreakdownBy::Territory, BreakdownBy::Employment, BreakdownBy::WorkOrderType})
        d.breakdowns.insert(by, computeBreakdown(by, engine, d.current, current, d.filter, d.directory));
    d.computeMs = clock.elapsed();
    return d;
}

} // namespace fieldops::kpi
