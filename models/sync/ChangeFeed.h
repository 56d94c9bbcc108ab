#pragma once
// The live change feed a console subscribes to once (the README's developers' section). It keeps its own
// connection: on PostgreSQL it LISTENs to `fieldops_changes` (the triggers NOTIFY on
// every write); on SQLite it polls PRAGMA data_version, which changes when another
// connection commits. Either way it then reads the change log past its cursor and
// emits only the new rows. A lost connection is retried with backoff; on return the
// feed catches up from where it stood, so nothing is missed and nothing repeated.
#include "storage/DatabaseUrl.h"
#include "sync/ChangeCursor.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace fieldops {
class Database;

class ChangeFeed : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Live, Reconnecting };
    Q_ENUM(State)

    explicit ChangeFeed(DatabaseUrl url, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Opens the feed's connection. With fromSeq < 0 the feed starts at the log's end
    // (only future changes); otherwise it first replays everything after fromSeq.
    void start(qint64 fromSeq = -1);
    void stop();
    State state() const { return m_state; }
    qint64 watermark() const { return m_cursor.watermark(); }
    // The safety net: even with LISTEN, the log is read this often (ms).
    void setPollInterval(int ms);
    void setGapTimeout(int ms);

public slots:
    // Reads the log now (normally driven by notifications and the timer).
    void pollNow();

signals:
    void changesArrived(const fieldops::ChangeList &changes);
    void stateChanged(fieldops::ChangeFeed::State state, const QString &message);

private:
    bool connectDb();
    void dropConnection(const QString &why);
    void scheduleReconnect();
    void setState(State s, const QString &message);

    DatabaseUrl m_url;
    std::unique_ptr<Database> m_db;
    ChangeCursor m_cursor;
    QTimer m_pollTimer;
    QTimer m_reconnectTimer;
    State m_state = State::Stopped;
    qint64 m_startFrom = -1;
    qint64 m_lastDataVersion = -1;
    int m_backoffMs = 250;
    int m_gapTimeoutMs = 30000;
    bool m_pollPending = false;
};

} // namespace fieldops
