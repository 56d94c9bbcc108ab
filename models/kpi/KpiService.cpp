#include "kpi/KpiService.h"

#include "storage/Database.h"

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
    setBusy(false);
}

void KpiService::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void KpiService::request(const KpiQuery &query)
{
    if (!m_hasUrl) {
        emit failed(Error::invalid(tr("not connected to a database")));
        return;
    }
    const quint64 generation = ++m_generation;
    setBusy(true);
    auto *watcher = new QFutureWatcher<Result<KpiDashboardData>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer request (or database) superseded this one
        Result<KpiDashboardData> result = watcher->result();
        setBusy(false);
        if (!result) {
            emit failed(result.error());
            return;
        }
        m_data = std::move(result).value();
        emit ready();
    });
    const DatabaseUrl url = m_url;
    watcher->setFuture(QtConcurrent::run([url, query]() -> Result<KpiDashboardData> {
        auto db = Database::open(url);
        if (!db)
            return db.error();
        return compute(**db, query);
    }));
}

Result<KpiDashboardData> KpiService::compute(Database &db, const KpiQuery &query)
{
    QElapsedTimer clock;
    clock.start();
    KpiDashboardData d;
    d.query = query;
    d.previousPeriod = previousPeriod(query.period);
    // One read covers both periods and every bucket; the formulas then pick their range.
    auto inputs = loadKpiInputs(db, KpiPeriod{d.previousPeriod.from, query.period.to, query.period.zone});
    if (!inputs)
        return inputs.error();
    auto directory = loadKpiDirectory(db);
    if (!directory)
        return directory.error();
    d.directory = std::move(directory).value();
    d.loadMs = clock.restart();

    d.filter = KpiFilter::of(inputs->technicians, query.territoryId, query.technicianId, query.employment, query.workOrderType);
    const KpiRange current = rangeOf(query.period);
    const KpiEngine engine(*inputs);
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
