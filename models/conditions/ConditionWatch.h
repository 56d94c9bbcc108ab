#pragma once
// The console's periodic evaluation of the condition rules (ConditionEvaluation), on a
// thread and connection of its own so a long evaluation never holds up the session's
// reads or edits. On a shared PostgreSQL server one console evaluates: the one holding the
// evaluation's lease (condition_evaluation_lease, migration 16). A console takes the lease
// when it has expired or is its own, with an UPDATE … WHERE expires_at < now OR holder = me,
// renews it at each evaluation for twice the interval, and gives it back when it stops
// (disconnects); the others find it held and say whose it is, and take it over once it
// expires. So a console that freezes without disconnecting stops evaluating for everyone
// only until its lease runs out (a session-level advisory lock stayed with its connection).
// Evaluation runs of the CLI are refused while a console's lease lasts, and every run
// still takes the transaction-level advisory lock, so two runs never overlap. On SQLite every console evaluates
// (BEGIN IMMEDIATE lets one run at a time, the open-episode index keeps episodes single).
// The work orders it opens reach every console, this one too, through the change feed.
#include "conditions/ConditionEvaluation.h"
#include "storage/DatabaseUrl.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace fieldops {
class QueryWorker;
}

namespace fieldops::conditions {

class ConditionWatch : public QObject {
    Q_OBJECT
public:
    enum class Role {
        Off,          // not connected, or this user may not open work orders
        Waiting,      // started, first evaluation not back yet
        ThisConsole,  // evaluating here
        OtherConsole, // another session holds the evaluation's lock
        Failed        // the last evaluation failed (lastError says why)
    };
    Q_ENUM(Role)

    static constexpr int kDefaultIntervalMinutes = 5;

    explicit ConditionWatch(QObject *parent = nullptr);
    ~ConditionWatch() override;

    // Starts evaluating on url every interval, the first one at once.
    void start(const DatabaseUrl &url);
    void stop();
    bool isRunning() const { return m_worker != nullptr; }
    void setIntervalMinutes(int minutes);
    int intervalMinutes() const { return m_timer.interval() / 60000; }
    // Any interval, in ms (tests: a lease of seconds); the lease lasts twice the interval.
    void setIntervalMs(int ms);
    int leaseMs() const { return 2 * m_timer.interval(); }
    // The instant evaluations are made as of (the session's clock).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // One evaluation now, unless one is already under way.
    void evaluateNow();

    Role role() const { return m_role; }
    // OtherConsole: who holds the lease ("pid 123, fieldops console on host-b, ana, 10.0.0.7").
    QString holder() const { return m_holder; }
    QString lastError() const { return m_lastError; }
    QDateTime lastEvaluated() const { return m_lastEvaluated; }
    const EvaluationReport &lastReport() const { return m_lastReport; }
    bool isEvaluating() const { return m_inFlight; }
    // The role in words for the status bar, and the details for its tooltip.
    QString statusText() const;
    QString statusDetails() const;

signals:
    void roleChanged(fieldops::conditions::ConditionWatch::Role role);
    // Every evaluation that came back (made here, or refused because another console holds the lock).
    void evaluated(const fieldops::conditions::EvaluationReport &report);

private:
    void setRole(Role role);
    void onResult(quint64 generation, const Result<EvaluationReport> &result);
    void releaseLease();

    std::unique_ptr<QueryWorker> m_worker;
    QTimer m_timer;
    std::function<QDateTime()> m_clock;
    Role m_role = Role::Off;
    QString m_holder, m_lastError;
    QDateTime m_lastEvaluated;
    EvaluationReport m_lastReport;
    bool m_inFlight = false;
    quint64 m_generation = 0;
    QString m_leaseToken; // this console's holder text in the lease, new at each start
    bool m_postgres = false;
};

} // namespace fieldops::conditions
