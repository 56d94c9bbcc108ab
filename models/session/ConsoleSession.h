#pragma once
// The console's live view of one database: it connects (off the GUI thread), checks the
// schema, loads the work orders and alerts into the item models, loads the selected work
// order's details, follows the change feed, and watches the connection. It returns
// errors as values through errorOccurred(); only the window layer shows them.
//
// Tabs and docks plug into it: they take the models and the selection from here and
// call refresh(); none of them opens a connection of its own.
#include "commands/ScheduleEditCommand.h"
#include "repositories/AlertRepository.h"
#include "repositories/ConnectionProbe.h"
#include "repositories/WorkOrderRepository.h"
#include "storage/DatabaseUrl.h"
#include "sync/Change.h"
#include "util/Result.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <memory>
#include <optional>

namespace fieldops::conditions {
class ConditionWatch;
}

namespace fieldops {
class AlertListModel;
class Database;
class AuditHistoryModel;
class ChangeFeed;
class QueryWorker;
class RecentChanges;
class ScheduleDocument;
class SelectionService;
class WorkOrderTableModel;

class ConsoleSession : public QObject {
    Q_OBJECT
public:
    enum class State {
        Disconnected, // never connected, or the connection was closed
        Connecting,
        SchemaMissing, // connected to a database without the FieldOps schema
        Connected,
        ReadOnly, // connected, but this user may not write
        Lost      // the connection dropped: last data stays visible, edits are refused
    };
    Q_ENUM(State)

    explicit ConsoleSession(QObject *parent = nullptr);
    ~ConsoleSession() override;

    void connectTo(const DatabaseUrl &url);
    void disconnectFromDatabase();
    // Applies every migration (after the user agreed), then loads the data.
    void initialiseSchema();
    // Re-reads work orders and alerts; calls during a refresh are folded into one more.
    void refresh();

    State state() const { return m_state; }
    bool isUsable() const { return m_state == State::Connected || m_state == State::ReadOnly; }
    const DatabaseUrl &url() const { return m_url; }
    const ConnectionInfo &connectionInfo() const { return m_info; }
    // What the UI may offer now: the role's grants while connected, nothing while
    // disconnected, connecting or lost. The server enforces regardless.
    Permissions permissions() const { return m_permissions; }
    QDateTime lastRefresh() const { return m_lastRefresh; }
    bool isRefreshing() const { return m_refreshInFlight; }

    // The thread and connection every read and save of this console's views goes through
    // (null while disconnected). Replaced on every connect: ask again, do not keep it.
    QueryWorker *worker() const { return m_worker.get(); }
    // Where edits write (board moves, undo and redo; a few rows per step): a thread and
    // connection of their own, so an edit never queues behind a long read. Not connected
    // (every edit refused in words) while disconnected.
    EditChannel editChannel() const;
    // The channel, the document and its version ledger: what a command is built with.
    EditTarget editTarget() const;

    WorkOrderTableModel *workOrders() const { return m_workOrders; }
    AlertListModel *alerts() const { return m_alerts; }
    SelectionService *selection() const { return m_selection; }
    ScheduleDocument *document() const { return m_document; }
    // Rows other users changed a moment ago (for highlighting on the board and the map).
    RecentChanges *recentChanges() const { return m_recent; }
    // Who changed what about the selected work order and its visits, loaded with the details.
    AuditHistoryModel *auditHistory() const { return m_history; }
    // The periodic evaluation of the condition rules: running while connected with a role
    // that may open work orders; says whether this console or another one evaluates.
    conditions::ConditionWatch *conditionWatch() const { return m_conditionWatch; }
    // Details of the selected work order, once loaded.
    const std::optional<WorkOrderDetails> &selectedDetails() const { return m_details; }

    // The alerts' thresholds as the database has them, read with each refresh.
    const AlertRules &alertRules() const { return m_alertRules; }
    // For tests: a fixed "now" for alerts (invalid = the real clock).
    void setClockOverride(const QDateTime &now) { m_clockOverride = now; }
    // The console's "now" (the override, else the real clock), in UTC.
    QDateTime now() const;
    void setHealthCheckInterval(int ms) { m_healthTimer.setInterval(ms); }
    void setPeriodicRefreshInterval(int ms) { m_periodicRefresh.setInterval(ms); }

signals:
    void stateChanged(fieldops::ConsoleSession::State state);
    void permissionsChanged(const fieldops::Permissions &permissions);
    void schemaMissing();
    void refreshed();
    // The thresholds in the database changed (another console, or this one, saved them).
    void alertRulesChanged(const fieldops::AlertRules &rules);
    void detailsChanged();
    void errorOccurred(const fieldops::Error &error);
    // Every batch of the live change feed, for views that update incrementally (the map).
    void changesArrived(const fieldops::ChangeList &changes);

private:
    struct Snapshot {
        std::vector<WorkOrderListRow> rows;
        std::vector<Alert> alerts;
        AlertRules rules;
        QDateTime now;
    };
    void setState(State s);
    void updatePermissions();
    void followConditionWatch();
    void probe();
    void onProbed(const Result<ConnectionInfo> &info);
    void loadDetails();
    void loadHistory(const QString &workOrderId);
    void checkHealth();
    void startFeed();
    void stopFeed();
    void onChanges(const ChangeList &changes);

    DatabaseUrl m_url;
    ConnectionInfo m_info;
    State m_state = State::Disconnected;
    Permissions m_permissions;
    std::unique_ptr<QueryWorker> m_worker; // destroyed before the models below (QObject children)
    std::unique_ptr<QueryWorker> m_editWorker;
    WorkOrderTableModel *m_workOrders;
    AlertListModel *m_alerts;
    SelectionService *m_selection;
    ScheduleDocument *m_document;
    AuditHistoryModel *m_history;
    RecentChanges *m_recent;
    conditions::ConditionWatch *m_conditionWatch;
    std::optional<WorkOrderDetails> m_details;
    AlertRules m_alertRules;
    QDateTime m_clockOverride;
    QDateTime m_lastRefresh;
    bool m_refreshInFlight = false;
    bool m_refreshAgain = false;
    bool m_healthInFlight = false;
    quint64 m_generation = 0; // bumps on every connect: results of an older connection are ignored
    QTimer m_healthTimer;
    QTimer m_periodicRefresh;
    QTimer m_changeDebounce;
    QThread m_feedThread;
    QObject *m_feedContext = nullptr; // lives in m_feedThread: where the feed is built
    ChangeFeed *m_feed = nullptr;     // lives in m_feedThread
};

} // namespace fieldops
