#pragma once
// The dashboard's data, computed off the GUI thread. Each request loads the current and
// the previous period in one read (its own Database: connections are per thread), then
// runs the one KPI implementation for the period, the previous period, every trend
// bucket and the breakdowns. A newer request makes older results stale: they are dropped
// when they arrive, so the screen always shows the latest filter.
#include "kpi/KpiBreakdown.h"
#include "kpi/KpiBuckets.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiDirectory.h"
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <optional>

template <typename T>
class QFutureWatcher;

namespace fieldops::kpi {

struct KpiQuery {
    KpiPeriod period;
    BucketSize bucketSize = BucketSize::Day;
    QString territoryId; // empty: all
    QString technicianId;
    QString employment;
    QString workOrderType;
};

struct KpiDashboardData {
    KpiQuery query;
    KpiPeriod previousPeriod;
    KpiFilter filter;
    KpiReport current;
    KpiReport previous;
    std::vector<KpiBucket> buckets;
    std::vector<KpiValues> series; // overall values per bucket
    KpiDirectory directory;
    QMap<BreakdownBy, std::vector<KpiBreakdownRow>> breakdowns;
    qint64 loadMs = 0;    // reading the database
    qint64 computeMs = 0; // the formulas
};

class KpiService : public QObject {
    Q_OBJECT
public:
    explicit KpiService(QObject *parent = nullptr);
    ~KpiService() override;

    void setDatabaseUrl(const DatabaseUrl &url);
    const DatabaseUrl &databaseUrl() const { return m_url; }
    bool hasDatabase() const { return m_hasUrl; }

    // Starts a computation; earlier ones still running become stale.
    void request(const KpiQuery &query);
    bool isBusy() const { return m_busy; }
    // The latest fresh result, once one arrived.
    const std::optional<KpiDashboardData> &data() const { return m_data; }

    // The same work in the caller's thread (tests, benchmarks, the CLI).
    static Result<KpiDashboardData> compute(Database &db, const KpiQuery &query);

signals:
    void busyChanged(bool busy);
    void ready();
    void failed(const fieldops::Error &error);

private:
    void setBusy(bool busy);
    DatabaseUrl m_url;
    bool m_hasUrl = false;
    bool m_busy = false;
    quint64 m_generation = 0;
    std::optional<KpiDashboardData> m_data;
};

} // namespace fieldops::kpi
