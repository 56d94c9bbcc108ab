#include "session/ConsoleSession.h"

#include "audit/AuditHistoryModel.h"
#include "conditions/ConditionWatch.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/AlertListModel.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "selection/SelectionService.h"
#include "session/QueryWorker.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "sync/ChangeFeed.h"
#include "sync/RecentChanges.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "fieldops.session")

namespace fieldops {

namespace {
constexpr int kHealthCheckMs = 15000;
// Bursts of changes (a drag, an import) arrive as many log rows: read once after them.
constexpr int kChangeDebounceMs = 300;
} // namespace

ConsoleSession::ConsoleSession(QObject *parent)
    : QObject(parent),
      m_workOrders(new WorkOrderTableModel(this)),
      m_alerts(new AlertListModel(this)),
      m_selection(new SelectionService(this)),
      m_document(new ScheduleDocument(this)),
      m_history(new AuditHistoryModel(this)),
      m_recent(new RecentChanges(this)),
      m_conditionWatch(new conditions::ConditionWatch(this))
{
    m_conditionWatch->setClock([this] { return now(); });
    // The edits run on the edit thread while the GUI thread waits for them: reading the
    // clock from there is safe.
    m_document->setClock([this] { return now(); });
    // Work orders it opened show here at once; the other consoles see them through the feed.
    connect(m_conditionWatch, &conditions::ConditionWatch::evaluated, this, [this](const conditions::EvaluationReport &report) {
        if (!report.opened.isEmpty() && isUsable())
            m_changeDebounce.start();
    });
    m_healthTimer.setInterval(kHealthCheckMs);
    connect(&m_healthTimer, &QTimer::timeout, this, &ConsoleSession::checkHealth);
    m_periodicRefresh.setInterval(60000);
    connect(&m_periodicRefresh, &QTimer::timeout, this, &ConsoleSession::refresh);
    m_changeDebounce.setSingleShot(true);
    m_changeDebounce.setInterval(kChangeDebounceMs);
    connect(&m_changeDebounce, &QTimer::timeout, this, &ConsoleSession::refresh);
    connect(m_selection, &SelectionService::workOrderChanged, this, &ConsoleSession::loadDetails);
    // This console's own record edits (and their undo) show at once, without waiting for
    // the change feed to bring them back.
    connect(m_document, &ScheduleDocument::recordsWritten, this, [this] {
        if (isUsable())
            m_changeDebounce.start();
    });
    m_feedThread.setObjectName(QStringLiteral("fieldops-change-feed"));
    m_feedContext = new QObject;
    m_feedContext->moveToThread(&m_feedThread);
    connect(&m_feedThread, &QThread::finished, m_feedContext, &QObject::deleteLater);
    m_feedThread.start();
}

ConsoleSession::~ConsoleSession()
{
    stopFeed();
    m_feedThread.quit();
    m_feedThread.wait();
    m_conditionWatch->stop();
    m_worker.reset();
    m_editWorker.reset();
}

EditChannel ConsoleSession::editChannel() const
{
    return m_editWorker ? EditChannel(m_editWorker.get()) : EditChannel();
}

EditTarget ConsoleSession::editTarget() const { return {editChannel(), m_document, m_document->versions()}; }

QDateTime ConsoleSession::now() const
{
    return m_clockOverride.isValid() ? m_clockOverride : QDateTime::currentDateTimeUtc();
}

void ConsoleSession::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
    updatePermissions();
    followConditionWatch();
}

void ConsoleSession::followConditionWatch()
{
    // Evaluation opens work orders: only a connected console whose user may open them
    // evaluates; a lost connection stops it (and gives the lock back to the server).
    const bool wanted = m_state == State::Connected && m_permissions.editWorkOrders;
    if (wanted && !m_conditionWatch->isRunning())
        m_conditionWatch->start(m_url);
    else if (!wanted && m_conditionWatch->isRunning())
        m_conditionWatch->stop();
}

void ConsoleSession::updatePermissions()
{
    const Permissions now = isUsable() ? m_info.permissions : Permissions::none();
    if (now == m_permissions)
        return;
    m_permissions = now;
    emit permissionsChanged(now);
}

void ConsoleSession::connectTo(const DatabaseUrl &url)
{
    disconnectFromDatabase();
    m_url = url;
    ++m_generation;
    m_worker = std::make_unique<QueryWorker>(url);
    m_editWorker = std::make_unique<QueryWorker>(url);
    setState(State::Connecting);
    probe();
}

void ConsoleSession::disconnectFromDatabase()
{
    stopFeed();
    m_healthTimer.stop();
    m_periodicRefresh.stop();
    m_changeDebounce.stop();
    m_worker.reset();
    m_editWorker.reset();
    ++m_generation;
    m_refreshInFlight = m_refreshAgain = m_healthInFlight = false;
    m_info = {};
    m_document->resetHistory();
    m_history->clear();
    setState(State::Disconnected);
}

void ConsoleSession::probe()
{
    const quint64 gen = m_generation;
    m_worker->submit<ConnectionInfo>(
        this, [](Database &db) { return probeConnection(db); },
        [this, gen](Result<ConnectionInfo> r) {
            if (gen == m_generation)
                onProbed(r);
        });
}

void ConsoleSession::onProbed(const Result<ConnectionInfo> &info)
{
    if (!info) {
        // The window decides what to say; the session only stops trying.
        const Error e = info.error();
        disconnectFromDatabase();
        emit errorOccurred(e);
        return;
    }
    m_info = *info;
    m_recent->setOwnActor(m_info.actor);
    if (m_info.schemaVersion == 0) {
        setState(State::SchemaMissing);
        emit schemaMissing();
        return;
    }
    // Only a user who may write the schedule tries to migrate (the others would only be
    // refused; they keep reading the older schema until an admin runs init).
    if (m_info.schemaVersion < m_info.latestVersion && !m_info.readOnly && m_info.permissions.editSchedule) {
        // Older schema: migrations apply in place at start (the README's developers' section).
        initialiseSchema();
        return;
    }
    if (m_info.schemaVersion > m_info.latestVersion) {
        const Error e = Error::invalid(tr("the database has schema version %1, newer than this console understands (%2); update FieldOps")
                                           .arg(m_info.schemaVersion)
                                           .arg(m_info.latestVersion));
        disconnectFromDatabase();
        emit errorOccurred(e);
        return;
    }
    setState(m_info.readOnly ? State::ReadOnly : State::Connected);
    m_healthTimer.start();
    m_periodicRefresh.start();
    startFeed();
    refresh();
}

void ConsoleSession::initialiseSchema()
{
    if (!m_worker)
        return;
    const quint64 gen = m_generation;
    setState(State::Connecting);
    m_worker->submit<int>(
        this, [](Database &db) { return Migrator(db).migrate(); },
        [this, gen](Result<int> r) {
            if (gen != m_generation)
                return;
            if (!r) {
                const Error e = r.error();
                setState(State::SchemaMissing);
                emit errorOccurred(e);
                return;
            }
            probe();
        });
}

void ConsoleSession::refresh()
{
    if (!m_worker || !(isUsable() || m_state == State::Lost))
        return;
    if (m_refreshInFlight) {
        m_refreshAgain = true;
        return;
    }
    m_refreshInFlight = true;
    const quint64 gen = m_generation;
    const QDateTime at = now();
    m_worker->submit<Snapshot>(
        this,
        [at](Database &db) -> Result<Snapshot> {
            Snapshot s;
            s.now = at;
            auto rules = loadAlertRules(db);
            if (!rules)
                return rules.error();
            s.rules = *rules;
            auto rows = WorkOrderRepository(db).listRows();
            if (!rows)
                return rows.error();
            s.rows = std::move(rows).value();
            auto alerts = AlertRepository(db).current(at, s.rules);
            if (!alerts)
                return alerts.error();
            s.alerts = std::move(alerts).value();
            return s;
        },
        [this, gen](Result<Snapshot> r) {
            if (gen != m_generation)
                return;
            m_refreshInFlight = false;
            if (!r) {
                if (r.error().kind == Error::Kind::ConnectionLost)
                    setState(State::Lost);
                emit errorOccurred(r.error());
                return;
            }
            if (m_state == State::Lost)
                setState(m_info.readOnly ? State::ReadOnly : State::Connected);
            if (!(r->rules == m_alertRules)) {
                m_alertRules = r->rules;
                emit alertRulesChanged(m_alertRules);
            }
            m_workOrders->setRows(std::move(r->rows));
            m_alerts->setAlerts(std::move(r->alerts), r->now);
            m_lastRefresh = QDateTime::currentDateTimeUtc();
            emit refreshed();
            loadDetails();
            if (m_refreshAgain) {
                m_refreshAgain = false;
                refresh();
            }
        });
}

void ConsoleSession::loadDetails()
{
    const QString id = m_selection->workOrderId();
    if (id.isEmpty() || !m_worker) {
        if (m_details) {
            m_details.reset();
            emit detailsChanged();
        }
        m_history->clear();
        return;
    }
    loadHistory(id);
    const quint64 gen = m_generation;
    m_worker->submit<WorkOrderDetails>(
        this, [id](Database &db) { return WorkOrderRepository(db).details(id); },
        [this, gen, id](Result<WorkOrderDetails> r) {
            // A later selection wins over a slow answer for an earlier one.
            if (gen != m_generation || id != m_selection->workOrderId())
                return;
            if (!r) {
                if (r.error().kind != Error::Kind::NotFound)
                    emit errorOccurred(r.error());
                m_details.reset();
            } else {
                m_details = std::move(r).value();
            }
            emit detailsChanged();
        });
}

void ConsoleSession::loadHistory(const QString &workOrderId)
{
    const quint64 gen = m_generation;
    m_worker->submit<AuditHistory>(
        this, [workOrderId](Database &db) { return AuditHistoryModel::load(db, workOrderId); },
        [this, gen, workOrderId](Result<AuditHistory> r) {
            if (gen != m_generation || workOrderId != m_selection->workOrderId())
                return;
            if (!r) {
                emit errorOccurred(r.error());
                m_history->clear();
                return;
            }
            m_history->setHistory(std::move(r).value());
        });
}

void ConsoleSession::checkHealth()
{
    if (!m_worker || m_healthInFlight)
        return;
    m_healthInFlight = true;
    const quint64 gen = m_generation;
    m_worker->submit<bool>(
        this,
        [](Database &db) -> Result<bool> {
            if (!db.ping())
                return Error{Error::Kind::ConnectionLost, tr("the connection to the database was lost"), {}};
            return true;
        },
        [this, gen](Result<bool> r) {
            if (gen != m_generation)
                return;
            m_healthInFlight = false;
            if (!r) {
                if (m_state != State::Lost)
                    qCInfo(lcSession) << "connection lost:" << r.error().message;
                setState(State::Lost);
                return;
            }
            if (m_state == State::Lost) {
                // Back: show fresh data at once rather than at the next periodic refresh.
                setState(m_info.readOnly ? State::ReadOnly : State::Connected);
                refresh();
            }
        });
}

void ConsoleSession::startFeed()
{
    stopFeed();
    // Built inside the feed thread so the feed's own timers belong to that thread too
    // (moveToThread would leave its member timers behind).
    ChangeFeed *feed = nullptr;
    const DatabaseUrl url = m_url;
    QMetaObject::invokeMethod(m_feedContext, [&feed, url] { feed = new ChangeFeed(url); }, Qt::BlockingQueuedConnection);
    m_feed = feed;
    connect(m_feed, &ChangeFeed::changesArrived, this, &ConsoleSession::onChanges);
    // From the log's end as the probe saw it, before the first refresh read anything: what
    // lands while the feed thread is still connecting is replayed, not skipped.
    QMetaObject::invokeMethod(m_feed, [feed = m_feed, from = m_info.changeSeq] { feed->start(from); }, Qt::QueuedConnection);
}

void ConsoleSession::stopFeed()
{
    if (!m_feed)
        return;
    ChangeFeed *feed = m_feed;
    m_feed = nullptr;
    disconnect(feed, nullptr, this, nullptr);
    // The feed's connection belongs to its thread: close it there.
    QMetaObject::invokeMethod(feed, [feed] { delete feed; }, Qt::BlockingQueuedConnection);
}

void ConsoleSession::onChanges(const ChangeList &changes)
{
    if (!changes.isEmpty())
        m_changeDebounce.start();
    m_recent->record(changes);
    emit changesArrived(changes);
}

} // namespace fieldops
