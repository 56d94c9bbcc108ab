#pragma once
// Keeps a MapModel in step with the database: one snapshot at start, then only what the
// change feed names (positions past the cursor, visits and jobs by id), read on a worker
// thread and applied in small batches on the GUI thread. Without a feed (or as its safety
// net) a timer reads the positions newer than the last seen now and then; another moves
// the model's clock on so "offline" and "late" follow time even when nothing is written.
#include "map/MapModel.h"
#include "storage/DatabaseUrl.h"
#include "sync/Change.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

namespace fieldops {
class QueryWorker;
}

namespace fieldops::map {

class MapLiveSync : public QObject {
    Q_OBJECT
public:
    explicit MapLiveSync(MapModel *model, QObject *parent = nullptr);
    ~MapLiveSync() override;

    // Opens a worker on the database and loads the snapshot for the day of `now`.
    void start(const DatabaseUrl &url);
    void stop();
    bool isLoaded() const { return m_loaded; }

    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    void setClockInterval(int ms) { m_clock.setInterval(ms); }
    // For tests and demos with a fixed "now" (invalid = the real clock).
    void setClockOverride(const QDateTime &now) { m_clockOverride = now; }
    QDateTime now() const;

public slots:
    void applyChanges(const fieldops::ChangeList &changes);
    // Reads the positions newer than the model's cursor now.
    void pollPositions();

signals:
    void loaded();
    // After each incremental batch is applied (tests wait for it).
    void synced();
    void failed(const QString &message);

private:
    void flush();
    void dayBounds(QDateTime &dayStart, QDateTime &dayEnd, QDateTime &horizonEnd) const;

    MapModel *m_model;
    std::unique_ptr<QueryWorker> m_worker;
    QSet<QString> m_dirtyVisits;
    QSet<QString> m_dirtyJobs;
    QSet<QString> m_dirtyTechs;
    bool m_positionsDirty = false;
    bool m_inFlight = false;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QTimer m_debounce;
    QTimer m_poll;
    QTimer m_clock;
    QDateTime m_clockOverride;
};

} // namespace fieldops::map
