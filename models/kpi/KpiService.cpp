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
    setBusy(false);
}

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

KpiPeriod loadPeriodOf(const KpiQuery &query)
{
    return {previousPeriod(query.period).from, query.period.to, query.period.zone};
}
} // namespace

void KpiService::request(const KpiQuery &query, bool reload)
{
    if (!m_hasUrl) {
        emit failed(Error::invalid(tr("not connected to a database")));
        return;
    }
    const quint64 generation = ++m_generation;
    setBusy(true);
    const KpiPeriod wanted = loadPeriodOf(query);
    std::shared_ptr<const KpiLoad> cached = m_load;
    if (reload || !cached || cached->period.from != wanted.from || cached->period.to != wanted.to
        || cached->period.zone != wanted.zone || QDateTime::currentMSecsSinceEpoch() - cached->readAtMs > reuseMs())
        cached.reset();
    auto *watcher = new QFutureWatcher<Result<Computed>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer request (or database) superseded this one
        Result<Computed> result = watcher->result();
        setBusy(false);
        if (!result) {
            emit failed(result.error());
            return;
        }
        if (result->load != m_load) // a fresh read: its targets are the latest
            m_targets = result->load->targets;
        m_load = result->load;
        m_data = std::move(result->data);
        m_data->targets = m_targets;
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
            auto loaded = KpiService::load(**db, query);
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

Result<std::shared_ptr<const KpiLoad>> KpiService::load(Database &db, const KpiQuery &query)
{
    auto l = std::make_shared<KpiLoad>();
    l->period = loadPeriodOf(query);
    // One read covers both periods and every bucket; the formulas then pick their range.
    auto inputs = loadKpiInputs(db, l->period);
    if (!inputs)
        return inputs.error();
    auto directory = loadKpiDirectory(db);
    if (!directory)
        return directory.error();
    l->inputs = std::move(inputs).value();
    l->engine = std::make_shared<const KpiEngine>(l->inputs); // l stays where it is: the reference holds
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
    const KpiInputs &in = load.inputs;
    d.filter = KpiFilter::of(in.technicians, query.territoryId, query.technicianId, query.employment, query.workOrderType);
    const KpiRange current = rangeOf(query.period);
    std::shared_ptr<const KpiEngine> built = load.engine ? load.engine : std::make_shared<const KpiEngine>(in);
    const KpiEngine &engine = *built;
    std::vector<KpiReport> both = engine.series({rangeOf(d.previousPeriod), current}, d.filter);
    d.previous = std::move(both[0]);
    d.current = std::move(both[1]);

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
