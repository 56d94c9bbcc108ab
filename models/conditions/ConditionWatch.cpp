#include "conditions/ConditionWatch.h"

#include "session/QueryWorker.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSysInfo>

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
    setRole(Role::Waiting);
    m_timer.start();
    evaluateNow();
}

void ConditionWatch::stop()
{
    m_timer.stop();
    ++m_generation; // an answer still on its way belongs to the old connection
    m_inFlight = false;
    // Closing the connection gives the lock back to the server (session level).
    m_worker.reset();
    m_holder.clear();
    setRole(Role::Off);
}

void ConditionWatch::setIntervalMinutes(int minutes)
{
    m_timer.setInterval(std::max(1, minutes) * 60000);
}

void ConditionWatch::evaluateNow()
{
    if (!m_worker || m_inFlight)
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    const QDateTime asOf = m_clock();
    const QString me = QStringLiteral("%1 console on %2").arg(QCoreApplication::applicationName(), QSysInfo::machineHostName());
    m_worker->submit<EvaluationReport>(
        this,
        [asOf, me](Database &db) -> Result<EvaluationReport> {
            if (db.isPostgres()) {
                // Held since an earlier evaluation on this connection? Asking again would
                // stack a second hold that nothing releases.
                auto held = db.scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                                                     "AND pid = pg_backend_pid() AND classid = %1 AND objid = %2 AND objsubid = 2")
                                          .arg(kLockClass)
                                          .arg(kLockObject));
                if (!held)
                    return held.error();
                if (held->toInt() == 0) {
                    // Named so that the other consoles can say who evaluates.
                    if (auto q = db.run(QStringLiteral("SELECT set_config('application_name', ?, false)"), {me}); !q)
                        return q.error();
                    auto got = db.scalar(QStringLiteral("SELECT pg_try_advisory_lock(%1, %2)").arg(kLockClass).arg(kLockObject));
                    if (!got)
                        return got.error();
                    if (!got->toBool()) {
                        EvaluationReport report;
                        auto holder = evaluationLockHolder(db);
                        if (!holder)
                            return holder.error();
                        report.lockedBy = holder->isEmpty() ? tr("another session") : *holder;
                        return report;
                    }
                }
            }
            return ConditionEvaluation(db).run(asOf, false);
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
        return tr("Another session holds the evaluation's lock: %1. This console evaluates when it lets go.").arg(m_holder);
    case Role::Failed:
        return tr("The last evaluation of the condition rules failed: %1").arg(m_lastError);
    }
    return {};
}

} // namespace fieldops::conditions
