#include "sync/ChangeFeed.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QLoggingCategory>
#include <QSqlDriver>

Q_LOGGING_CATEGORY(lcFeed, "fieldops.feed")

namespace fieldops {

namespace {
const QString kChannel = QStringLiteral("fieldops_changes");
constexpr int kMaxBackoffMs = 10000;
constexpr int kBatch = 5000;
} // namespace

ChangeFeed::ChangeFeed(DatabaseUrl url, QObject *parent) : QObject(parent), m_url(std::move(url))
{
    qRegisterMetaType<fieldops::ChangeList>();
    m_pollTimer.setInterval(m_url.dialect == Dialect::SQLite ? 200 : 2000);
    connect(&m_pollTimer, &QTimer::timeout, this, &ChangeFeed::pollNow);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (connectDb())
            pollNow();
        else
            scheduleReconnect();
    });
}

ChangeFeed::~ChangeFeed() { stop(); }

void ChangeFeed::setPollInterval(int ms) { m_pollTimer.setInterval(ms); }

void ChangeFeed::setGapTimeout(int ms)
{
    m_gapTimeoutMs = ms;
    m_cursor = ChangeCursor(m_cursor.watermark(), ms);
}

void ChangeFeed::setState(State s, const QString &message)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s, message);
}

void ChangeFeed::start(qint64 fromSeq)
{
    m_startFrom = fromSeq;
    if (connectDb()) {
        m_pollTimer.start();
        pollNow();
    } else {
        m_pollTimer.start();
        scheduleReconnect();
    }
}

void ChangeFeed::stop()
{
    m_pollTimer.stop();
    m_reconnectTimer.stop();
    if (m_db && m_db->isPostgres() && m_db->sql().driver())
        m_db->sql().driver()->unsubscribeFromNotification(kChannel);
    m_db.reset();
    setState(State::Stopped, QString());
}

bool ChangeFeed::connectDb()
{
    auto db = Database::open(m_url);
    if (!db) {
        qCDebug(lcFeed) << "connect failed:" << db.error().message;
        return false;
    }
    m_db = std::move(db).value();
    if (m_startFrom < 0) {
        // First start at the log's end; later reconnects keep the cursor.
        auto end = m_db->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"));
        if (!end) {
            m_db.reset();
            return false;
        }
        m_cursor = ChangeCursor(end->toLongLong(), m_gapTimeoutMs);
        m_startFrom = end->toLongLong();
    } else if (m_state == State::Stopped) {
        m_cursor = ChangeCursor(m_startFrom, m_gapTimeoutMs);
    }
    if (m_db->isPostgres()) {
        QSqlDriver *driver = m_db->sql().driver();
        if (!driver->subscribeToNotification(kChannel)) {
            qCWarning(lcFeed) << "LISTEN failed; polling only";
        } else {
            connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
                if (name != kChannel || m_pollPending)
                    return;
                // Coalesce a burst of notifications into one read of the log.
                m_pollPending = true;
                QTimer::singleShot(0, this, &ChangeFeed::pollNow);
            });
        }
    }
    m_lastDataVersion = -1;
    m_backoffMs = 250;
    setState(State::Live, QString());
    return true;
}

void ChangeFeed::dropConnection(const QString &why)
{
    qCInfo(lcFeed) << "connection lost:" << why;
    m_db.reset();
    setState(State::Reconnecting, why);
    scheduleReconnect();
}

void ChangeFeed::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    m_reconnectTimer.start(m_backoffMs);
    m_backoffMs = std::min(kMaxBackoffMs, m_backoffMs * 2);
}

void ChangeFeed::pollNow()
{
    m_pollPending = false;
    if (!m_db) {
        if (m_state != State::Stopped && !m_reconnectTimer.isActive())
            scheduleReconnect();
        return;
    }
    if (!m_db->isPostgres()) {
        // Cheap check first: data_version changes only when another connection commits.
        auto v = m_db->scalar(QStringLiteral("PRAGMA data_version"));
        if (!v) {
            dropConnection(v.error().message);
            return;
        }
        const qint64 dv = v->toLongLong();
        if (dv == m_lastDataVersion && m_cursor.pendingGaps() == 0)
            return;
        m_lastDataVersion = dv;
    }
    for (;;) {
        auto q = m_db->run(QStringLiteral("SELECT seq, entity, entity_id, op, actor, at FROM change_log "
                                          "WHERE seq > ? ORDER BY seq LIMIT %1").arg(kBatch),
                           {m_cursor.watermark()});
        if (!q) {
            dropConnection(q.error().message);
            return;
        }
        ChangeList rows;
        while (q->next()) {
            rows << Change{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                           q->value(3).toString(), q->value(4).toString(), timefmt::fromSql(q->value(5))};
        }
        m_cursor.expireGaps();
        const ChangeList fresh = m_cursor.accept(rows);
        if (!fresh.isEmpty())
            emit changesArrived(fresh);
        if (rows.size() < kBatch)
            break;
        if (fresh.isEmpty())
            break; // a full page of rows already seen behind a gap: wait for it
    }
}

} // namespace fieldops
