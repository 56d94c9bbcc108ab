#include "conditions/ConditionEvaluation.h"

#include "records/RecordEdit.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"
#include "workorders/WorkOrderIntake.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTimeZone>

#include <optional>

namespace fieldops::conditions {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConditionEvaluation)
};

QString isoOf(qint64 ms) { return timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())); }
QVariant sqlOf(qint64 ms) { return timefmt::toSql(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())); }
QString number(double v) { return QString::number(v, 'g', 10); }

struct OpenEpisode {
    qint64 id = 0;
    qint64 startedMs = 0;
    qint64 lastSeenMs = 0;
    QString workOrderId;
    int version = 1;
};

// The rule in words, for the work order's description.
QString ruleInWords(const ConditionRule &r, const Evaluation &e)
{
    const QString side = r.above ? Text::tr("above") : Text::tr("below");
    switch (r.kind) {
    case RuleKind::Threshold:
        return Text::tr("%1 %2 %3 for %4 min").arg(r.readingKind, side, number(r.threshold)).arg(r.sustainMinutes);
    case RuleKind::Rate:
        return Text::tr("%1 changing by %2 per hour over %3 min, %4 the limit of %5 per hour")
            .arg(r.readingKind, number(e.figure))
            .arg(r.windowMinutes)
            .arg(side, number(r.ratePerHour));
    case RuleKind::Usage:
        return Text::tr("%1 used %2 since the last preventive or proactive visit (interval %3)").arg(r.readingKind, number(e.figure), number(r.usageInterval));
    case RuleKind::Anomaly:
        return Text::tr("%1 outside its usual band (mean ± %2 standard deviations of the same hour of the week over %3 weeks) for %4 min")
            .arg(r.readingKind, number(r.bandSd))
            .arg(r.baselineWeeks)
            .arg(r.sustainMinutes);
    }
    return {};
}

Evaluation evaluate(const ConditionRule &r, const QString &asset, const ConditionInputs &in, qint64 asOfMs)
{
    switch (r.kind) {
    case RuleKind::Threshold:
        return evaluateThreshold(r, in.seriesOf(r.readingKind, asset), asOfMs);
    case RuleKind::Rate:
        return evaluateRate(r, in.seriesOf(r.readingKind, asset), asOfMs);
    case RuleKind::Usage: {
        const auto byKind = in.usage.constFind(r.readingKind);
        if (byKind == in.usage.cend() || !byKind->contains(asset))
            return {};
        return evaluateUsage(r, byKind->value(asset));
    }
    case RuleKind::Anomaly: {
        const Baseline baseline = baselineAsOf(in.hoursOf(r.readingKind, asset), r.baselineWeeks, asOfMs);
        return evaluateAnomaly(r, in.seriesOf(r.readingKind, asset), baseline, asOfMs);
    }
    }
    return {};
}

// Takes the lock, or says who holds it. A holder that finished between our attempt and
// the look-up no longer stands in the way: try again.
Result<QString> takeLock(Database &db)
{
    for (int attempt = 0;; ++attempt) {
        auto got = db.scalar(QStringLiteral("SELECT pg_try_advisory_xact_lock(%1, %2)").arg(kLockClass).arg(kLockObject));
        if (!got)
            return got.error();
        if (got->toBool())
            return QString();
        auto holder = evaluationLockHolder(db);
        if (!holder)
            return holder.error();
        if (!holder->isEmpty())
            return *holder;
        if (attempt == 5)
            return Text::tr("another session");
    }
}

// PostgreSQL compiles a plan to machine code (JIT) when its estimated cost is high, as the
// set-based reads over ten thousand assets are: measured, the compiling took 0.4 s of a
// 3 s evaluation and saved nothing, since each row's work is an index probe. Off for the
// evaluation, back as it was after it.
class JitOff {
public:
    explicit JitOff(Database &db) : m_db(db)
    {
        if (!db.isPostgres())
            return;
        auto previous = db.scalar(QStringLiteral("SELECT current_setting('jit')"));
        if (!previous)
            return;
        m_previous = previous->toString();
        m_on = db.scalar(QStringLiteral("SELECT set_config('jit', 'off', false)")).ok();
    }
    ~JitOff()
    {
        if (m_on)
            (void)m_db.scalar(QStringLiteral("SELECT set_config('jit', ?, false)"), {m_previous});
    }
    JitOff(const JitOff &) = delete;
    JitOff &operator=(const JitOff &) = delete;

private:
    Database &m_db;
    QString m_previous;
    bool m_on = false;
};

} // namespace

// Who holds the evaluation's advisory lock: pid, application, user and host as the
// server knows them; empty when nobody holds it any more.
Result<QString> evaluationLockHolder(Database &db)
{
    auto q = db.run(QStringLiteral("SELECT l.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''), "
                                   "coalesce(host(a.client_addr), '') FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                                   "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %1 AND l.objid = %2 AND l.objsubid = 2 LIMIT 1")
                        .arg(kLockClass)
                        .arg(kLockObject));
    if (!q)
        return q.error();
    if (!q->next())
        return QString();
    QStringList who{Text::tr("pid %1").arg(q->value(0).toString())};
    for (int c = 1; c < 4; ++c)
        if (!q->value(c).toString().isEmpty())
            who << q->value(c).toString();
    return who.join(QStringLiteral(", "));
}

Result<QString> evaluationLeaseHolder(Database &db, const QString &holder)
{
    auto q = db.run(QStringLiteral("SELECT holder_name FROM condition_evaluation_lease WHERE id = 1 AND expires_at > clock_timestamp() AND holder IS DISTINCT FROM ?"),
                    {holder});
    if (!q)
        return q.error();
    if (!q->next())
        return QString();
    const QString name = q->value(0).toString();
    return name.isEmpty() ? Text::tr("another console") : name;
}

QString evidenceText(const QVector<Reading> &evidence)
{
    QStringList parts;
    for (const Reading &r : evidence)
        parts << Text::tr("%1 at %2").arg(number(r.value), isoOf(r.atMs));
    return parts.join(QStringLiteral("; "));
}

Result<EvaluationReport> ConditionEvaluation::run(const QDateTime &asOfTime, bool dryRun)
{
    EvaluationReport report;
    report.dryRun = dryRun;
    const JitOff noJit(m_db); // before the transaction: restored after it ends, whichever way
    const qint64 asOfMs = asOfTime.toSecsSinceEpoch() * 1000;
    const QDateTime asOf = QDateTime::fromMSecsSinceEpoch(asOfMs, QTimeZone::utc());

    std::optional<Transaction> tx;
    if (!dryRun) {
        tx.emplace(m_db);
        if (!tx->status())
            return tx->status().error();
        if (m_db.isPostgres()) {
            // Named in pg_stat_activity for as long as the transaction runs, so a console
            // finding the lock taken can say whose it is.
            if (auto q = m_db.run(QStringLiteral("SELECT set_config('application_name', ?, true) WHERE current_setting('application_name') = ''"),
                                  {QStringLiteral("%1 on %2").arg(QCoreApplication::applicationName(), QSysInfo::machineHostName())});
                !q)
                return q.error();
            auto holder = takeLock(m_db);
            if (!holder)
                return holder.error();
            if (!holder->isEmpty()) {
                report.lockedBy = *holder;
                return report;
            }
            auto leased = evaluationLeaseHolder(m_db, m_leaseHolder);
            if (!leased)
                return leased.error();
            if (!leased->isEmpty()) {
                report.lockedBy = *leased;
                return report;
            }
        }
    }

    ConditionInputLoader loader(m_db);
    auto inputs = loader.load(asOfMs);
    if (!inputs)
        return inputs.error();
    const ConditionInputs &in = *inputs;
    report.evaluatedRules = int(in.rules.size());
    report.assets = in.assetCount;

    QHash<QPair<QString, QString>, OpenEpisode> open;
    auto q = m_db.run(QStringLiteral("SELECT id, rule_id, asset_id, started_at, last_seen_at, work_order_id, version FROM condition_episodes "
                                     "WHERE cleared_at IS NULL"));
    if (!q)
        return q.error();
    while (q->next()) {
        OpenEpisode e;
        e.id = q->value(0).toLongLong();
        e.startedMs = timefmt::msFromSql(q->value(3)).value_or(0);
        e.lastSeenMs = timefmt::msFromSql(q->value(4)).value_or(0);
        e.workOrderId = q->value(5).toString();
        e.version = q->value(6).toInt();
        open.insert({q->value(1).toString(), q->value(2).toString()}, e);
    }

    // First every verdict on the short windows; then, for the new breaches of threshold and
    // anomaly rules, the whole look-back of their assets in one read per kind.
    struct Verdict {
        const ConditionRule *rule;
        const RuleAsset *asset;
        Evaluation e;
    };
    std::vector<Verdict> verdicts;
    QHash<QString, QStringList> wholeSeries, wholeHours; // reading kind → assets
    QHash<QString, int> wholeWeeks;                       // reading kind → most baseline weeks
    for (const ConditionRule &rule : in.rules) {
        const auto ruleAssets = in.assets.constFind(rule.id);
        if (ruleAssets == in.assets.cend())
            continue;
        for (const RuleAsset &asset : *ruleAssets) {
            Evaluation e = evaluate(rule, asset.assetId, in, asOfMs);
            const auto episode = open.constFind({rule.id, asset.assetId});
            const bool isOpen = episode != open.cend();
            if (isOpen && episode->startedMs > asOfMs)
                continue; // an episode of a later instant is not judged as of an earlier one
            if (e.state == State::Breached && !isOpen && (rule.kind == RuleKind::Threshold || rule.kind == RuleKind::Anomaly)) {
                wholeSeries[rule.readingKind] << asset.assetId;
                if (rule.kind == RuleKind::Anomaly) {
                    wholeHours[rule.readingKind] << asset.assetId;
                    wholeWeeks[rule.readingKind] = std::max(wholeWeeks.value(rule.readingKind), rule.baselineWeeks);
                }
            }
            verdicts.push_back({&rule, &asset, std::move(e)});
        }
    }
    QHash<QString, QHash<QString, Series>> lookbackSeries;
    QHash<QString, QHash<QString, QVector<HourSum>>> lookbackHours;
    for (auto it = wholeSeries.begin(); it != wholeSeries.end(); ++it) {
        it->removeDuplicates();
        auto series = loader.seriesOfMany(*it, it.key(), asOfMs);
        if (!series)
            return series.error();
        lookbackSeries.insert(it.key(), std::move(*series));
    }
    for (auto it = wholeHours.begin(); it != wholeHours.end(); ++it) {
        it->removeDuplicates();
        auto hours = loader.hoursOfMany(*it, it.key(), baselineStartMs(asOfMs, wholeWeeks.value(it.key())), lookbackStartMs(asOfMs));
        if (!hours)
            return hours.error();
        lookbackHours.insert(it.key(), std::move(*hours));
    }

    workorders::WorkOrderIntake intake(m_db);
    for (Verdict &verdict : verdicts) {
        const ConditionRule &rule = *verdict.rule;
        const RuleAsset &asset = *verdict.asset;
        Evaluation &e = verdict.e;
        const auto episode = open.constFind({rule.id, asset.assetId});
        const bool isOpen = episode != open.cend();
        if (e.state == State::Breached && isOpen) {
            const qint64 lastSeen = e.evidence.back().atMs;
            report.continued << EpisodeChange{rule.id, asset.assetId, episode->workOrderId, episode->startedMs, e.evidence};
            if (dryRun || lastSeen <= episode->lastSeenMs)
                continue;
            auto u = m_db.run(QStringLiteral("UPDATE condition_episodes SET last_seen_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                              {sqlOf(lastSeen), episode->id, episode->version});
            if (!u)
                return u.error();
            if (u->numRowsAffected() != 1)
                return Error{Error::Kind::StaleVersion, Text::tr("episode %1 of rule %2 was changed by another evaluation").arg(episode->id).arg(rule.id), {}};
        } else if (e.state == State::Clear && isOpen) {
            report.cleared << EpisodeChange{rule.id, asset.assetId, episode->workOrderId, episode->startedMs, {}};
            if (dryRun)
                continue;
            auto u = m_db.run(QStringLiteral("UPDATE condition_episodes SET cleared_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                              {sqlOf(asOfMs), episode->id, episode->version});
            if (!u)
                return u.error();
            if (u->numRowsAffected() != 1)
                return Error{Error::Kind::StaleVersion, Text::tr("episode %1 of rule %2 was changed by another evaluation").arg(episode->id).arg(rule.id), {}};
        } else if (e.state == State::Breached) {
            // Dated from its first reading over the whole look-back, read for this asset only.
            if (rule.kind == RuleKind::Threshold || rule.kind == RuleKind::Anomaly) {
                const Series series = lookbackSeries.value(rule.readingKind).value(asset.assetId);
                const Evaluation whole = rule.kind == RuleKind::Threshold
                    ? evaluateThreshold(rule, series, asOfMs)
                    : evaluateAnomaly(rule, series, baselineAsOf(lookbackHours.value(rule.readingKind).value(asset.assetId), rule.baselineWeeks, asOfMs),
                                      asOfMs);
                if (whole.state == State::Breached)
                    e = whole;
            } else if (rule.kind == RuleKind::Usage) {
                UsagePoints points = in.usage.value(rule.readingKind).value(asset.assetId);
                auto crossing = loader.firstReaching(asset.assetId, rule.readingKind, points.base->atMs, points.base->value + rule.usageInterval, asOfMs);
                if (!crossing)
                    return crossing.error();
                points.crossing = *crossing;
                e = evaluateUsage(rule, points);
            }
            EpisodeChange change{rule.id, asset.assetId, QString(), e.sinceMs, e.evidence};
            if (!dryRun) {
                workorders::WorkOrderDraft d;
                d.siteId = asset.siteId;
                d.assetId = asset.assetId;
                d.type = rule.workOrderType;
                d.priority = rule.priority;
                d.requiredSkills = rule.skills;
                d.durationMin = rule.durationMin;
                d.status = QStringLiteral("open");
                d.summary = rule.task;
                d.description = Text::tr("Opened by condition rule %1%2: %3.\nReadings: %4.")
                                    .arg(rule.id, rule.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(rule.name),
                                         ruleInWords(rule, e), evidenceText(e.evidence));
                d.cancelReason = QStringLiteral("");
                if (auto quote = intake.complete(d, asOf); !quote)
                    return quote.error();
                auto issues = intake.check(d, true);
                if (!issues)
                    return issues.error();
                if (!issues->isEmpty())
                    return Error::invalid(Text::tr("rule %1 on asset %2: the work order is refused: %3").arg(rule.id, asset.assetId, issues->front().text()));
                records::RecordEdits edits = workorders::WorkOrderIntake::createEdits(d);
                if (Status s = records::applyEdits(m_db, edits, true); !s)
                    return s.error();
                auto ins = m_db.run(QStringLiteral("INSERT INTO condition_episodes(rule_id, asset_id, started_at, last_seen_at, work_order_id, evidence) "
                                                   "VALUES (?, ?, ?, ?, ?, ?)"),
                                    {rule.id, asset.assetId, sqlOf(e.sinceMs), sqlOf(e.evidence.back().atMs), d.id, evidenceText(e.evidence)});
                if (!ins)
                    return ins.error();
                change.workOrderId = d.id;
            }
            report.opened << change;
        }
    }
    if (tx)
        if (Status s = tx->commit(); !s)
            return s.error();
    return report;
}

} // namespace fieldops::conditions
