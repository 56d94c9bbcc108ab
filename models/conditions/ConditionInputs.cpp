#include "conditions/ConditionInputs.h"

#include "conditions/ConditionRuleStore.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <QStringView>

namespace fieldops::conditions {

namespace {

QVariant at(qint64 ms) { return timefmt::toSql(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())); }

qint64 msOf(const QVariant &v) { return timefmt::msFromSql(v).value_or(0); }

// The rows of `table` (alias r) of each asset of the id list `assets` (alias f) meeting
// `condition`: on PostgreSQL a lateral join kept apart by OFFSET 0, so each asset is an
// index range scan of its own rather than one scan of the whole table filtered by time;
// SQLite loops over the assets by itself.
QString perAsset(const Database &db, const QString &assets, const QString &table, const QString &condition)
{
    return db.isPostgres() ? QStringLiteral("FROM (%1) f CROSS JOIN LATERAL (SELECT * FROM %2 r WHERE r.asset_id = f.id AND %3 OFFSET 0) r")
                                 .arg(assets, table, condition)
                           : QStringLiteral("FROM (%1) f JOIN %2 r ON r.asset_id = f.id AND %3").arg(assets, table, condition);
}

// A derived table `alias(id)` of `count` bound ids, in both dialects (VALUES names its
// column column1 in both).
QString idList(qsizetype count, const QString &alias)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("(?)");
    return QStringLiteral("(SELECT column1 AS id FROM (VALUES %1) v) %2").arg(marks.join(QStringLiteral(", ")), alias);
}

// Few enough bound values per statement for SQLite's limit, enough to keep round trips rare.
constexpr qsizetype kIdsPerQuery = 500;

bool windowed(RuleKind k) { return k != RuleKind::Usage; }

int lookbackOf(const ConditionRule &r) { return r.kind == RuleKind::Rate ? r.windowMinutes : r.sustainMinutes; }

// One asset's readings packed by the server as "epoch:value,epoch:value…" (values
// printed exactly), oldest first: one row per asset instead of one per reading, which
// is most of the cost of a read through Qt's SQL drivers.
void unpackReadings(QStringView packed, Series &out)
{
    bool sorted = true;
    for (QStringView item : packed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const Reading r{item.left(colon).toLongLong() * 1000, item.mid(colon + 1).toDouble()};
        if (!out.isEmpty() && r.atMs < out.back().atMs)
            sorted = false;
        out.append(r);
    }
    // Concatenated in the order the rows come: each asset's index range scan gives them by
    // time, and an ORDER BY inside the aggregate (a sort per asset) measured a third of the
    // query on PostgreSQL; SQLite before 3.44 cannot state one anyway. Sorted here if not.
    if (!sorted)
        std::stable_sort(out.begin(), out.end(), [](const Reading &a, const Reading &b) { return a.atMs < b.atMs; });
}

QString packedReadings(const Database &db, const QString &from)
{
    return db.isPostgres()
        ? QStringLiteral("SELECT b.id, string_agg(CAST(extract(epoch FROM r.at) AS bigint) || ':' || r.value::text, ',') "
                         "%1 GROUP BY b.id")
              .arg(from)
        : QStringLiteral("SELECT id, group_concat(t || ':' || v, ',') FROM (SELECT b.id AS id, CAST(strftime('%s', r.at) AS integer) AS t, "
                         "printf('%.17g', r.value) AS v %1 ORDER BY b.id, r.at, r.id) GROUP BY id")
              .arg(from);
}

} // namespace

// Instants leave the server as whole seconds since the epoch: turning QPSQL's timestamptz
// text into a QDateTime costs more per reading than everything else the evaluation does.
QString epochOf(const Database &db, const QString &column)
{
    return db.isPostgres() ? QStringLiteral("CAST(extract(epoch FROM %1) AS bigint)").arg(column)
                           : QStringLiteral("CAST(strftime('%s', %1) AS integer)").arg(column);
}

// The assets of the active rules of the given kinds watching reading kind ? (bound twice).
// `kinds` is built from fixed names here, never from input.
QString ConditionInputLoader::assetFilter(const QString &kinds) const
{
    return QStringLiteral("SELECT r.asset_id AS id FROM condition_rules r WHERE r.active = TRUE AND r.kind IN (%1) AND r.reading_kind = ? "
                          "AND r.asset_id IS NOT NULL "
                          "UNION SELECT a.id FROM assets a JOIN condition_rules r ON r.asset_model = a.model "
                          "WHERE r.active = TRUE AND r.kind IN (%1) AND r.reading_kind = ?")
        .arg(kinds);
}

Result<ConditionInputs> ConditionInputLoader::load(qint64 asOfMs)
{
    ConditionInputs in;
    auto rules = ConditionRuleStore(m_db).list(true);
    if (!rules)
        return rules.error();
    in.rules = std::move(*rules);
    auto q = m_db.run(QStringLiteral("SELECT r.id, a.id, a.site_id FROM condition_rules r JOIN assets a ON a.id = r.asset_id WHERE r.active = TRUE "
                                     "UNION ALL "
                                     "SELECT r.id, a.id, a.site_id FROM condition_rules r JOIN assets a ON a.model = r.asset_model WHERE r.active = TRUE "
                                     "ORDER BY 1, 2"));
    if (!q)
        return q.error();
    QSet<QString> distinct;
    while (q->next()) {
        const QString asset = q->value(1).toString();
        in.assets[q->value(0).toString()].append(RuleAsset{asset, q->value(2).toString()});
        distinct.insert(asset);
    }
    in.assetCount = int(distinct.size());

    // Per reading kind: the longest window and the most baseline weeks its rules need.
    QMap<QString, int> lookback, weeks;
    QSet<QString> usageKinds;
    for (const ConditionRule &r : in.rules) {
        if (windowed(r.kind)) {
            lookback[r.readingKind] = std::max(lookback.value(r.readingKind), lookbackOf(r));
            if (r.kind == RuleKind::Anomaly)
                weeks[r.readingKind] = std::max(weeks.value(r.readingKind), r.baselineWeeks);
        } else {
            usageKinds.insert(r.readingKind);
        }
    }
    for (auto it = lookback.cbegin(); it != lookback.cend(); ++it)
        if (Status s = loadWindows(in, it.key(), it.value(), weeks.value(it.key()), asOfMs); !s)
            return s.error();
    for (const QString &kind : usageKinds)
        if (Status s = loadUsage(in, kind, asOfMs); !s)
            return s.error();
    return in;
}

Status ConditionInputLoader::loadWindows(ConditionInputs &in, const QString &kind, int lookbackMinutes, int baselineWeeks, qint64 asOfMs)
{
    const QString assets = assetFilter(QStringLiteral("'threshold', 'rate', 'anomaly'"));
    const qint64 from = lookbackStartMs(asOfMs);
    const qint64 windowStart = std::max(from - 1, asOfMs - qint64(lookbackMinutes) * 60000);
    QHash<QString, Series> &series = in.series[kind];
    // The window's readings and the one before it inside the look-back: per asset, the
    // lower bound is that reading's time (an index seek), else just after the window's start;
    // then an index range scan from there (on PostgreSQL a lateral join, so that each asset
    // is its own range scan rather than one scan of the whole table filtered by time).
    const QString bounds = QStringLiteral("SELECT f.id AS id, coalesce((SELECT max(y.at) FROM asset_readings y WHERE y.asset_id = f.id "
                                          "AND y.kind = ? AND y.at >= ? AND y.at <= ?), ?) AS lo FROM (%1) f")
                               .arg(assets);
    // OFFSET 0 keeps the planner from flattening the subqueries into one hash join over
    // every reading of the kind (measured: 13 s for 500 assets instead of milliseconds).
    const QString join = m_db.isPostgres()
        ? QStringLiteral("FROM (%1 OFFSET 0) b CROSS JOIN LATERAL (SELECT * FROM asset_readings r WHERE r.asset_id = b.id AND r.kind = ? "
                         "AND r.at >= b.lo AND r.at <= ? OFFSET 0) r")
        : QStringLiteral("FROM (%1) b JOIN asset_readings r ON r.asset_id = b.id AND r.kind = ? AND r.at >= b.lo AND r.at <= ?");
    auto window = m_db.run(packedReadings(m_db, join.arg(bounds)),
                           {kind, at(from), at(windowStart), at(windowStart + 1000), kind, kind, kind, at(asOfMs)});
    if (!window)
        return window.error();
    while (window->next())
        unpackReadings(window->value(1).toString(), series[window->value(0).toString()]);
    if (baselineWeeks == 0)
        return {};

    // The baseline hours of the hours of the week these readings fall in.
    QSet<qint64> readingHours;
    for (const Series &s : std::as_const(series))
        for (const Reading &r : s)
            readingHours.insert(r.atMs / kHourMs * kHourMs);
    if (readingHours.isEmpty())
        return {};
    QStringList marks;
    QVariantList binds{kind, kind, kind};
    for (qint64 h : std::as_const(readingHours))
        for (int w = 1; w <= baselineWeeks; ++w) {
            marks << QStringLiteral("?");
            binds << at(h - w * kWeekMs);
        }
    auto hours = m_db.run(QStringLiteral("SELECT f.id, %1, r.count, r.sum %2 ORDER BY f.id, r.hour")
                              .arg(epochOf(m_db, QStringLiteral("r.hour")),
                                   perAsset(m_db, assetFilter(QStringLiteral("'anomaly'")), QStringLiteral("asset_reading_hours"),
                                            QStringLiteral("r.kind = ? AND r.hour IN (%1)").arg(marks.join(QStringLiteral(", "))))),
                          binds);
    if (!hours)
        return hours.error();
    QHash<QString, QVector<HourSum>> &sums = in.hours[kind];
    while (hours->next())
        sums[hours->value(0).toString()].append(HourSum{hours->value(1).toLongLong() * 1000, hours->value(2).toLongLong(), hours->value(3).toDouble()});
    return {};
}

Status ConditionInputLoader::loadUsage(ConditionInputs &in, const QString &kind, qint64 asOfMs)
{
    // The base: the last reading at or before the asset's last completed visit of a
    // preventive work order or of one a condition episode opened; else its first reading.
    const QString visits = QStringLiteral(
        "WITH f AS (%1), "
        "v AS (SELECT w.asset_id, max(ap.completed_at) AS visit FROM appointments ap JOIN work_orders w ON w.id = ap.work_order_id "
        "      WHERE ap.status = 'completed' AND ap.completed_at <= ? AND w.asset_id IN (SELECT id FROM f) "
        "      AND (w.type = 'preventive' OR w.id IN (SELECT work_order_id FROM condition_episodes WHERE work_order_id IS NOT NULL)) "
        "      GROUP BY w.asset_id) ")
                               .arg(assetFilter(QStringLiteral("'usage'")));
    // MATERIALIZED: p's columns are used several times below, and inlined each use would
    // run its subqueries again (measured on PostgreSQL: 1.4 s instead of a third of it).
    const QString sql = visits + QStringLiteral(
        ", p AS MATERIALIZED (SELECT f.id AS asset_id, "
        "      (SELECT max(y.at) FROM asset_readings y WHERE y.asset_id = f.id AND y.kind = ? AND y.at <= ?) AS latest_at, "
        "      coalesce((SELECT max(y.at) FROM asset_readings y WHERE y.asset_id = f.id AND y.kind = ? AND y.at <= v.visit), "
        "               (SELECT min(y.at) FROM asset_readings y WHERE y.asset_id = f.id AND y.kind = ?)) AS base_at "
        "      FROM f LEFT JOIN v ON v.asset_id = f.id) "
        "SELECT p.asset_id, %1, (SELECT max(y.value) FROM asset_readings y WHERE y.asset_id = p.asset_id AND y.kind = ? AND y.at = p.base_at), "
        "       %2, (SELECT max(y.value) FROM asset_readings y WHERE y.asset_id = p.asset_id AND y.kind = ? AND y.at = p.latest_at) "
        "FROM p WHERE p.latest_at IS NOT NULL AND p.base_at <= ?");
    auto q = m_db.run(sql.arg(epochOf(m_db, QStringLiteral("p.base_at")), epochOf(m_db, QStringLiteral("p.latest_at"))),
                      {kind, kind, at(asOfMs), kind, at(asOfMs), kind, kind, kind, kind, at(asOfMs)});
    if (!q)
        return q.error();
    QHash<QString, UsagePoints> &points = in.usage[kind];
    while (q->next()) {
        UsagePoints p;
        p.base = Reading{q->value(1).toLongLong() * 1000, q->value(2).toDouble()};
        p.latest = Reading{q->value(3).toLongLong() * 1000, q->value(4).toDouble()};
        points.insert(q->value(0).toString(), p);
    }

    // Raw readings older than the retention are pruned (field/ReadingRetention.h) and the
    // hourly sums stay: the base may be older than any raw reading left. A counter only
    // grows, so an hour's least value stands for its start and its greatest for its end.
    // Without a visit the earlier of the first raw reading and the first hour's start is
    // the base; with one, the later of the last raw reading and the last whole hour's end
    // before the visit.
    const QString hourBeforeVisit = m_db.isPostgres() ? QStringLiteral("v.visit - interval '1 hour'")
                                                      : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%SZ', v.visit, '-1 hour')");
    const QString hoursSql = visits + QStringLiteral(
        ", b AS (SELECT f.id AS asset_id, v.visit AS visit, CASE WHEN v.visit IS NULL "
        "             THEN (SELECT min(h.hour) FROM asset_reading_hours h WHERE h.asset_id = f.id AND h.kind = ?) "
        "             ELSE (SELECT max(h.hour) FROM asset_reading_hours h WHERE h.asset_id = f.id AND h.kind = ? AND h.hour <= %1) END AS hour "
        "      FROM f LEFT JOIN v ON v.asset_id = f.id) "
        "SELECT b.asset_id, %2, CASE WHEN b.visit IS NULL THEN h.min ELSE h.max END, %3 "
        "FROM b JOIN asset_reading_hours h ON h.asset_id = b.asset_id AND h.kind = ? AND h.hour = b.hour WHERE b.hour <= ?");
    auto hours = m_db.run(hoursSql.arg(hourBeforeVisit, epochOf(m_db, QStringLiteral("b.hour")), epochOf(m_db, QStringLiteral("b.visit"))),
                          {kind, kind, at(asOfMs), kind, kind, kind, at(asOfMs)});
    if (!hours)
        return hours.error();
    while (hours->next()) {
        const auto it = points.find(hours->value(0).toString());
        if (it == points.end())
            continue; // no reading at all up to asOf
        const bool noVisit = hours->value(3).isNull();
        const qint64 hourMs = hours->value(1).toLongLong() * 1000, visitMs = hours->value(3).toLongLong() * 1000;
        const Reading fromHours{noVisit ? hourMs : hourMs + 3600 * 1000, hours->value(2).toDouble()};
        // With a visit, a raw base after it is the first-reading fallback: the hours' base
        // before the visit is the truer one.
        const bool better = !it->base
            || (noVisit ? fromHours.atMs < it->base->atMs : (it->base->atMs > visitMs || fromHours.atMs > it->base->atMs));
        if (better)
            it->base = fromHours;
    }
    return {};
}

const Series &ConditionInputs::seriesOf(const QString &kind, const QString &asset) const
{
    static const Series none;
    const auto byKind = series.constFind(kind);
    if (byKind == series.cend())
        return none;
    const auto it = byKind->constFind(asset);
    return it == byKind->cend() ? none : *it;
}

QVector<HourSum> ConditionInputs::hoursOf(const QString &kind, const QString &asset) const
{
    const auto byKind = hours.constFind(kind);
    return byKind == hours.cend() ? QVector<HourSum>() : byKind->value(asset);
}

Result<QHash<QString, Series>> ConditionInputLoader::seriesOfMany(const QStringList &assetIds, const QString &kind, qint64 asOfMs)
{
    QHash<QString, Series> out;
    for (qsizetype first = 0; first < assetIds.size(); first += kIdsPerQuery) {
        const QStringList ids = assetIds.mid(first, kIdsPerQuery);
        const QString join = m_db.isPostgres()
            ? QStringLiteral("FROM %1 CROSS JOIN LATERAL (SELECT * FROM asset_readings r WHERE r.asset_id = b.id AND r.kind = ? "
                             "AND r.at >= ? AND r.at <= ? OFFSET 0) r")
            : QStringLiteral("FROM %1 JOIN asset_readings r ON r.asset_id = b.id AND r.kind = ? AND r.at >= ? AND r.at <= ?");
        QVariantList binds;
        for (const QString &id : ids)
            binds << id;
        binds << kind << at(lookbackStartMs(asOfMs)) << at(asOfMs);
        auto q = m_db.run(packedReadings(m_db, join.arg(idList(ids.size(), QStringLiteral("b")))), binds);
        if (!q)
            return q.error();
        while (q->next())
            unpackReadings(q->value(1).toString(), out[q->value(0).toString()]);
    }
    return out;
}

Result<QHash<QString, QVector<HourSum>>> ConditionInputLoader::hoursOfMany(const QStringList &assetIds, const QString &kind, qint64 fromMs, qint64 toMs)
{
    QHash<QString, QVector<HourSum>> out;
    for (qsizetype first = 0; first < assetIds.size(); first += kIdsPerQuery) {
        const QStringList ids = assetIds.mid(first, kIdsPerQuery);
        QVariantList binds;
        for (const QString &id : ids)
            binds << id;
        binds << kind << at(fromMs) << at(toMs);
        auto q = m_db.run(QStringLiteral("SELECT f.id, %1, r.count, r.sum %2 ORDER BY f.id, r.hour")
                              .arg(epochOf(m_db, QStringLiteral("r.hour")),
                                   perAsset(m_db, QStringLiteral("SELECT id FROM %1").arg(idList(ids.size(), QStringLiteral("ids"))),
                                            QStringLiteral("asset_reading_hours"), QStringLiteral("r.kind = ? AND r.hour >= ? AND r.hour < ?"))),
                          binds);
        if (!q)
            return q.error();
        while (q->next())
            out[q->value(0).toString()].append(HourSum{q->value(1).toLongLong() * 1000, q->value(2).toLongLong(), q->value(3).toDouble()});
    }
    return out;
}

Result<QVector<HourSum>> ConditionInputLoader::hoursOf(const QString &assetId, const QString &kind, qint64 fromMs, qint64 toMs)
{
    auto q = m_db.run(QStringLiteral("SELECT hour, count, sum FROM asset_reading_hours WHERE asset_id = ? AND kind = ? AND hour >= ? AND hour < ? "
                                     "ORDER BY hour"),
                      {assetId, kind, at(fromMs), at(toMs)});
    if (!q)
        return q.error();
    QVector<HourSum> out;
    while (q->next())
        out.append(HourSum{msOf(q->value(0)), q->value(1).toLongLong(), q->value(2).toDouble()});
    return out;
}

Result<std::optional<Reading>> ConditionInputLoader::firstReaching(const QString &assetId, const QString &kind, qint64 fromMs, double level,
                                                                   qint64 asOfMs)
{
    auto q = m_db.run(QStringLiteral("SELECT at, value FROM asset_readings WHERE asset_id = ? AND kind = ? AND at >= ? AND at <= ? AND value >= ? "
                                     "ORDER BY at, id LIMIT 1"),
                      {assetId, kind, at(fromMs), at(asOfMs), level});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Reading>();
    return std::optional<Reading>(Reading{msOf(q->value(0)), q->value(1).toDouble()});
}

} // namespace fieldops::conditions
