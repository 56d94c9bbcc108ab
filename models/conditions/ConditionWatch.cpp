#include "conditions/ConditionWatch.h"

#include "session/QueryWorker.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

namespace fieldops::conditions {

ConditionWatch::ConditionWatch(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(kDefaultIntervalMinutes * 60000);
    connect(&m_timer, &QTimer::timeout, this, &ConditionWatch::evaluateNow);
    m_clock = [] { return QDateTime::currentDateTimeUtc(); };
}

ConditionWatch::~ConditionWatch() = default;

void ConditionWatch::start(const DatabaseUrl &url)
{
    stop();
    m_worker = std::make_unique<QueryWorker>(url);
    m_postgres = url.dialect == Dialect::PostgreSQL;
    m_leaseToken = QStringLiteral("%1 %2 %3")
                       .arg(QSysInfo::machineHostName())
                       .arg(QCoreApplication::applicationPid())
                       .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    setRole(Role::Waiting);
    m_timer.start();
    evaluateNow();
}

void ConditionWatch::stop()
{
    m_timer.stop();
    ++m_generation; // an answer still on its way belongs to the old connection
    m_inFlight = false;
    releaseLease();
    m_worker.reset();
    m_holder.clear();
    setRole(Role::Off);
}

void ConditionWatch::releaseLease()
{
    // Given back at once, so another console takes over at its next turn rather than
    // after the expiry. Waits for an evaluation under way (the worker runs jobs in order).
    if (!m_worker || !m_postgres || m_role != Role::ThisConsole)
        return;
    const QString token = m_leaseToken;
    // A failure here (a lost connection) changes nothing: the lease then simply expires.
    (void)m_worker->call([token](Database &db) -> Status {
        auto q = db.run(QStringLiteral("UPDATE condition_evaluation_lease SET expires_at = '-infinity' WHERE id = 1 AND holder = ?"), {token});
        if (!q)
            return q.error();
        return {};
    });
}

void ConditionWatch::setIntervalMinutes(int minutes)
{
    m_timer.setInterval(std::max(1, minutes) * 60000);
}

void ConditionWatch::setIntervalMs(int ms)
{
    m_timer.setInterval(std::max(1, ms));
}

void ConditionWatch::evaluateNow()
{
    if (!m_worker || m_inFlight)
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    const QDateTime asOf = m_clock();
    const QString me = QStringLiteral("%1 console on %2").arg(QCoreApplication::applicationName(), QSysInfo::machineHostName());
    const QString token = m_leaseToken;
    const qint64 leaseMs = this->leaseMs();
    m_worker->submit<EvaluationReport>(
        this,
        [asOf, me, token, leaseMs](Database &db) -> Result<EvaluationReport> {
            if (db.isPostgres()) {
                // Named so that the other consoles can say who evaluates.
                if (auto q = db.run(QStringLiteral("SELECT set_config('application_name', ?, false)"), {me}); !q)
                    return q.error();
                auto who = db.run(QStringLiteral("SELECT pg_backend_pid(), current_user::text, coalesce(host(inet_client_addr()), '')"));
                if (!who)
                    return who.error();
                QStringList name;
                if (who->next()) {
                    name << tr("pid %1").arg(who->value(0).toString()) << me;
                    for (int c = 1; c < 3; ++c)
                        if (!who->value(c).toString().isEmpty())
                            name << who->value(c).toString();
                }
                // Taken when expired, renewed when ours; in a statement of its own, so the
                // other consoles see it at once.
                auto took = db.run(QStringLiteral("UPDATE condition_evaluation_lease SET holder = ?, holder_name = ?, "
                                                  "expires_at = clock_timestamp() + CAST(? AS double precision) * interval '1 millisecond' "
                                                  "WHERE id = 1 AND (expires_at < clock_timestamp() OR holder = ?)"),
                                   {token, name.join(QStringLiteral(", ")), leaseMs, token});
                if (!took)
                    return took.error();
                if (took->numRowsAffected() != 1) {
                    EvaluationReport report;
                    auto holder = evaluationLeaseHolder(db, token);
                    if (!holder)
                        return holder.error();
                    report.lockedBy = holder->isEmpty() ? tr("another console") : *holder;
                    return report;
                }
            }
            ConditionEvaluation evaluation(db);
            evaluation.setLeaseHolder(token);
            return evaluation.run(asOf, false);
        },
        [this, generation](Result<EvaluationReport> r) { onResult(generation, r); });
}

void ConditionWatch::onResult(quint64 generation, const Result<EvaluationReport> &result)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    if (!result) {
        m_lastError = result.error().message;
        setRole(Role::Failed);
        return;
    }
    m_lastError.clear();
    m_lastReport = *result;
    if (!result->lockedBy.isEmpty()) {
        m_holder = result->lockedBy;
        setRole(Role::OtherConsole);
    } else {
        m_holder.clear();
        m_lastEvaluated = m_clock();
        setRole(Role::ThisConsole);
    }
    emit evaluated(*result);
}

void ConditionWatch::setRole(Role role)
{
    if (role == m_role)
        return;
    m_role = role;
    emit roleChanged(role);
}

QString ConditionWatch::statusText() const
{
    switch (m_role) {
    case Role::Off:
        return {};
    case Role::Waiting:
        return tr("Condition rules: evaluating…");
    case Role::ThisConsole:
        return tr("Condition rules evaluated by this console");
    case Role::OtherConsole:
        return tr("Condition rules evaluated by another console");
    case Role::Failed:
        return tr("Condition rules: evaluation failed");
    }
    return {};
}

QString ConditionWatch::statusDetails() const
{
    const QString every = tr("Every %n minute(s).", nullptr, intervalMinutes());
    switch (m_role) {
    case Role::Off:
        return tr("Condition rules are not evaluated by this console (not connected, or this user may not open work orders).");
    case Role::Waiting:
        return tr("The first evaluation of the condition rules is under way.") + QLatin1Char(' ') + every;
    case Role::ThisConsole: {
        const int opened = int(m_lastReport.opened.size()), continued = int(m_lastReport.continued.size()),
                  cleared = int(m_lastReport.cleared.size());
        return tr("Last evaluated %1 (UTC): %n rule(s)", nullptr, m_lastReport.evaluatedRules).arg(timefmt::toIsoUtc(m_lastEvaluated))
            + QLatin1String(", ") + tr("%n work order(s) opened", nullptr, opened) + QLatin1String(", ")
            + tr("%n episode(s) still breached", nullptr, continued) + QLatin1String(", ") + tr("%n cleared.", nullptr, cleared)
            + QLatin1Char(' ') + every;
    }
    case Role::OtherConsole:
        return tr("Another console holds the evaluation's lease: %1. This console takes over when it lets go, or once it has not "
                  "evaluated for twice the interval.")
            .arg(m_holder);
    case Role::Failed:
        return tr("The last evaluation of the condition rules failed: %1").arg(m_lastError);
    }
    return {};
}

} // namespace fieldops::conditions
