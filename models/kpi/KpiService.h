#pragma once
// The dashboard's data, computed off the GUI thread (each read on its own Database:
// connections are per thread). A fresh read comes in two steps: the period itself first
// (the cards, trend, breakdowns and ratings appear with the comparison marked pending),
// then the previous period of the same length, and the data again, complete. Both run the
// one KPI implementation. A newer request makes older results stale: they are dropped
// when they arrive, so the screen always shows the latest filter. Switching a filter
// (territory, technician, employment, type, bucket size) inside the same period reuses
// the last read for a short while instead of reading the database again.
#include "kpi/KpiBreakdown.h"
#include "kpi/KpiBuckets.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiDirectory.h"
#include "kpi/KpiProactive.h"
#include "kpi/KpiTargets.h"
#include "kpi/KpiVisits.h"
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <memory>
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
    std::vector<KpiTarget> targets; // every stored target (targetFor picks the one that applies)
    ProactiveKpis proactive;        // the whole period, whatever the filter (KpiProactive.h)
    qint64 loadMs = 0;    // reading the database (0 when the last read was reused)
    bool reusedRead = false;
    bool previousPending = false; // `previous` is empty: the previous period is still being read
    qint64 computeMs = 0; // the formulas
};

// One period read from the database, with the engine over it (a filter switch skips its
// build). Shared read-only and never moved: the engine refers to `inputs`.
struct KpiPeriodRead {
    KpiPeriod period;
    KpiInputs inputs;
    ProactiveIn proactive;
    std::unique_ptr<const KpiEngine> engine;
};

// What a query needs: its period and the previous one, shared read-only between requests.
struct KpiLoad {
    std::shared_ptr<const KpiPeriodRead> current;
    std::shared_ptr<const KpiPeriodRead> previous; // null until read
    KpiDirectory directory;
    std::vector<KpiTarget> targets;
    qint64 readAtMs = 0; // QDateTime::currentMSecsSinceEpoch() when read
};

class KpiService : public QObject {
    Q_OBJECT
public:
    explicit KpiService(QObject *parent = nullptr);
    ~KpiService() override;

    void setDatabaseUrl(const DatabaseUrl &url);
    const DatabaseUrl &databaseUrl() const { return m_url; }
    bool hasDatabase() const { return m_hasUrl; }

    // Starts a computation; earlier ones still running become stale. The last read is
    // reused when it covers the same days and is younger than reuseMs(), unless reload.
    void request(const KpiQuery &query, bool reload = false);
    // Forgets the last read (the data changed): the next request reads again.
    void invalidate();
    static constexpr qint64 reuseMs() { return 60'000; }

    // Stores a target off the GUI thread: targetSaved() and ready() (the data now carries
    // it) on success, targetSaveFailed() with a message for the user otherwise.
    void saveTarget(const KpiTarget &target);

    // The drill-down: a technician's visits in the shown period, read off the GUI thread;
    // visitsReady() (a newer request drops older answers) or visitsFailed().
    void requestVisits(const QString &technicianId);
    bool isBusy() const { return m_busy; }
    // The latest fresh result, once one arrived.
    const std::optional<KpiDashboardData> &data() const { return m_data; }

    // The same work in the caller's thread (tests, benchmarks, the CLI).
    static Result<KpiDashboardData> compute(Database &db, const KpiQuery &query);
    // The read a query needs: its period, then (withPrevious) the previous one.
    static Result<std::shared_ptr<const KpiLoad>> load(Database &db, const KpiQuery &query, bool withPrevious = true);
    static Result<std::shared_ptr<const KpiPeriodRead>> readPeriod(Database &db, const KpiPeriod &period);
    // The formulas over a load; without its previous period the data says previousPending.
    static KpiDashboardData compute(const KpiLoad &load, const KpiQuery &query);

signals:
    void busyChanged(bool busy);
    void ready();
    void failed(const fieldops::Error &error);
    void targetSaved(const fieldops::kpi::KpiTarget &target);
    void targetSaveFailed(const fieldops::Error &error);
    void visitsReady(const QString &technicianId, const std::vector<fieldops::kpi::TechnicianVisit> &visits);
    void visitsFailed(const fieldops::Error &error);

private:
    void setBusy(bool busy);
    // Busy while a request runs or the previous period is being read.
    void updateBusy();
    // Reads the previous period of m_load (once per load) and then shows the data complete.
    void readPrevious();
    DatabaseUrl m_url;
    bool m_hasUrl = false;
    bool m_busy = false;
    int m_running = 0; // requests started and not yet finished (stale ones included)
    quint64 m_generation = 0;
    quint64 m_visitsGeneration = 0;
    std::optional<KpiDashboardData> m_data;
    std::shared_ptr<const KpiLoad> m_load;
    KpiQuery m_lastQuery;
    std::shared_ptr<const KpiPeriodRead> m_extending; // the current read whose previous period is being read
    std::vector<KpiTarget> m_targets; // the latest known, also after a save
};

} // namespace fieldops::kpi
