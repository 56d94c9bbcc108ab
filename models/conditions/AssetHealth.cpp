#include "conditions/AssetHealth.h"

#include "conditions/ConditionInputs.h"
#include "conditions/ConditionRuleStore.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace fieldops::conditions {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(AssetHealth)
};

constexpr double kPendingRisk = 0.95;

QVariant sqlOf(qint64 ms) { return timefmt::toSql(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())); }
QString number(double v) { return QString::number(v, 'g', 4); }

// 1 − distance to the limit / |limit|: 0 far on the safe side, towards 1 at the limit.
double approach(double figure, double limit, bool above)
{
    const double distance = above ? limit - figure : figure - limit;
    const double scale = std::abs(limit) > 1e-9 ? std::abs(limit) : 1.0;
    return 1.0 - distance / scale;
}

double zOf(const Baseline &b, const Reading &r)
{
    const BucketStats &s = b[size_t(hourOfWeek(r.atMs))];
    if (s.samples < kMinBaselineSamples || s.sd <= 0)
        return 0;
    return std::abs(r.value - s.mean) / s.sd;
}

} // namespace

double riskOf(const ConditionRule &rule, const Evaluation &e, double latestFigure)
{
    if (e.state == State::Breached)
        return 1.0;
    if (e.state == State::Unknown)
        return 0;
    double r = 0;
    switch (rule.kind) {
    case RuleKind::Threshold:
        r = approach(latestFigure, rule.threshold, rule.above);
        break;
    case RuleKind::Rate:
        r = approach(latestFigure, rule.ratePerHour, rule.above);
        break;
    case RuleKind::Usage:
        r = rule.usageInterval > 0 ? latestFigure / rule.usageInterval : 0;
        break;
    case RuleKind::Anomaly:
        r = rule.bandSd > 0 ? latestFigure / rule.bandSd : 0;
        break;
    }
    if (e.state == State::Pending)
        return kPendingRisk;
    return std::clamp(r, 0.0, kPendingRisk - 1e-6);
}

Result<QVector<AtRiskAsset>> loadAtRiskAssets(Database &db, qint64 asOfMs)
{
    auto inputs = ConditionInputLoader(db).load(asOfMs);
    if (!inputs)
        return inputs.error();
    const ConditionInputs &in = *inputs;
    QHash<QString, AtRiskAsset> byAsset;
    for (const ConditionRule &rule : in.rules) {
        for (const RuleAsset &ra : in.assets.value(rule.id)) {
            const Series &series = in.seriesOf(rule.readingKind, ra.assetId);
            Evaluation e;
            double figure = 0;
            QString reading;
            switch (rule.kind) {
            case RuleKind::Threshold:
                e = evaluateThreshold(rule, series, asOfMs);
                if (!series.isEmpty()) {
                    figure = series.back().value;
                    reading = Text::tr("%1 %2, limit %3 %4 for %5 min")
                                  .arg(rule.readingKind, number(figure), rule.above ? Text::tr("above") : Text::tr("below"), number(rule.threshold))
                                  .arg(rule.sustainMinutes);
                }
                break;
            case RuleKind::Rate:
                e = evaluateRate(rule, series, asOfMs);
                figure = e.figure;
                if (e.state != State::Unknown)
                    reading = Text::tr("%1 changing %2 per hour, limit %3").arg(rule.readingKind, number(figure), number(rule.ratePerHour));
                break;
            case RuleKind::Usage: {
                const auto byKind = in.usage.constFind(rule.readingKind);
                if (byKind != in.usage.cend() && byKind->contains(ra.assetId))
                    e = evaluateUsage(rule, byKind->value(ra.assetId));
                figure = e.figure;
                if (e.state != State::Unknown)
                    reading = Text::tr("%1: %2 used of %3").arg(rule.readingKind, number(figure), number(rule.usageInterval));
                break;
            }
            case RuleKind::Anomaly: {
                const Baseline b = baselineAsOf(in.hoursOf(rule.readingKind, ra.assetId), rule.baselineWeeks, asOfMs);
                e = evaluateAnomaly(rule, series, b, asOfMs);
                if (!series.isEmpty()) {
                    figure = zOf(b, series.back());
                    reading = Text::tr("%1 %2 standard deviations from its usual, band %3").arg(rule.readingKind, number(figure), number(rule.bandSd));
                }
                break;
            }
            }
            const double risk = riskOf(rule, e, figure);
            AtRiskAsset &row = byAsset[ra.assetId];
            if (row.assetId.isEmpty()) {
                row.assetId = ra.assetId;
                row.siteId = ra.siteId;
                row.risk = -1;
            }
            if (risk > row.risk) {
                row.risk = risk;
                row.ruleId = rule.id;
                const QString state = e.state == State::Breached ? Text::tr("breached: ")
                                      : e.state == State::Pending ? Text::tr("beyond, not yet for long enough: ")
                                                                  : QString();
                row.reason = reading.isEmpty() ? Text::tr("no recent readings") : state + reading;
            }
        }
    }
    if (byAsset.isEmpty())
        return QVector<AtRiskAsset>();

    QStringList ids = byAsset.keys();
    QStringList marks;
    QVariantList binds;
    for (const QString &id : ids) {
        marks << QStringLiteral("?");
        binds << id;
    }
    auto q = db.run(QStringLiteral("SELECT a.id, coalesce(a.model, ''), s.id, coalesce(s.name, ''), c.id, c.name, s.lat, s.lon "
                                   "FROM assets a JOIN sites s ON s.id = a.site_id JOIN customers c ON c.id = s.customer_id WHERE a.id IN (%1)")
                        .arg(marks.join(QLatin1Char(','))),
                    binds);
    if (!q)
        return q.error();
    while (q->next()) {
        AtRiskAsset &row = byAsset[q->value(0).toString()];
        row.model = q->value(1).toString();
        row.siteId = q->value(2).toString();
        row.siteName = q->value(3).toString();
        row.customerId = q->value(4).toString();
        row.customerName = q->value(5).toString();
        row.lat = q->value(6).toDouble();
        row.lon = q->value(7).toDouble();
    }
    q = db.run(QStringLiteral("SELECT asset_id, id FROM work_orders WHERE asset_id IN (%1) AND status IN ('open', 'scheduled', 'in_progress') "
                              "ORDER BY asset_id, id")
                   .arg(marks.join(QLatin1Char(','))),
               binds);
    if (!q)
        return q.error();
    while (q->next())
        byAsset[q->value(0).toString()].openWorkOrders << q->value(1).toString();

    QVector<AtRiskAsset> out;
    for (AtRiskAsset &row : byAsset)
        out << std::move(row);
    std::sort(out.begin(), out.end(), [](const AtRiskAsset &a, const AtRiskAsset &b) {
        return a.risk != b.risk ? a.risk > b.risk : a.assetId < b.assetId;
    });
    return out;
}

Result<AssetChart> loadAssetChart(Database &db, const QString &assetId, const QString &kindWanted, qint64 fromMs, qint64 toMs)
{
    AssetChart c;
    c.assetId = assetId;
    c.fromMs = fromMs;
    c.toMs = toMs;
    auto model = db.run(QStringLiteral("SELECT coalesce(model, '') FROM assets WHERE id = ?"), {assetId});
    if (!model)
        return model.error();
    if (!model->next())
        return Error::invalid(Text::tr("no asset %1").arg(assetId));
    const QString assetModel = model->value(0).toString();

    // The asset's kinds by a skip scan of the (asset_id, kind, at) index, one seek per kind:
    // DISTINCT would read every reading of the asset (half a million in a year).
    auto kinds = db.run(QStringLiteral("WITH RECURSIVE k(kind) AS (SELECT min(kind) FROM asset_readings WHERE asset_id = ? "
                                       "UNION ALL SELECT (SELECT min(r.kind) FROM asset_readings r WHERE r.asset_id = ? AND r.kind > k.kind) "
                                       "FROM k WHERE k.kind IS NOT NULL) SELECT kind FROM k WHERE kind IS NOT NULL"),
                        {assetId, assetId});
    if (!kinds)
        return kinds.error();
    while (kinds->next())
        c.kinds << kinds->value(0).toString();
    c.kind = kindWanted.isEmpty() ? c.kinds.value(0) : kindWanted;
    if (c.kind.isEmpty())
        return c;

    auto unit = db.run(QStringLiteral("SELECT unit FROM asset_readings WHERE asset_id = ? AND kind = ? LIMIT 1"), {assetId, c.kind});
    if (!unit)
        return unit.error();
    if (unit->next())
        c.unit = unit->value(0).toString();

    c.hourlyMeans = toMs - fromMs > kRawSpanMs;
    auto q = c.hourlyMeans
                 ? db.run(QStringLiteral("SELECT %1, sum / count FROM asset_reading_hours WHERE asset_id = ? AND kind = ? AND hour >= ? AND hour <= ? ORDER BY hour")
                              .arg(epochOf(db, QStringLiteral("hour"))),
                          {assetId, c.kind, sqlOf(fromMs), sqlOf(toMs)})
                 : db.run(QStringLiteral("SELECT %1, value FROM asset_readings WHERE asset_id = ? AND kind = ? AND at >= ? AND at <= ? ORDER BY at")
                              .arg(epochOf(db, QStringLiteral("at"))),
                          {assetId, c.kind, sqlOf(fromMs), sqlOf(toMs)});
    if (!q)
        return q.error();
    const qint64 shift = c.hourlyMeans ? kHourMs / 2 : 0; // an hour's mean sits at its middle
    while (q->next())
        c.readings << Reading{q->value(0).toLongLong() * 1000 + shift, q->value(1).toDouble()};

    auto rules = ConditionRuleStore(db).list(true);
    if (!rules)
        return rules.error();
    int weeks = kDefaultBaselineWeeks;
    c.bandSd = kDefaultBandSd;
    for (const ConditionRule &r : *rules) {
        if (r.readingKind != c.kind || !(r.assetId == assetId || (!r.assetModel.isEmpty() && r.assetModel == assetModel)))
            continue;
        if (r.kind == RuleKind::Threshold)
            c.lines << RuleLine{r.id, Text::tr("%1: %2 %3").arg(r.id, r.above ? Text::tr("above") : Text::tr("below"), number(r.threshold)), r.threshold};
        if (r.kind == RuleKind::Anomaly) {
            weeks = r.baselineWeeks;
            c.bandSd = r.bandSd;
        }
    }

    // The band as the anomaly rule would judge the span's end.
    const qint64 asOf = toMs;
    auto hours = ConditionInputLoader(db).hoursOf(assetId, c.kind, baselineStartMs(asOf, weeks), lookbackStartMs(asOf));
    if (!hours)
        return hours.error();
    const Baseline b = anomalyBaseline(*hours);
    // Beyond a week, one point a day (the envelope of its hours): the chart draws the band as
    // a filled step polygon, whose cost grows much faster than its points.
    const qint64 step = c.hourlyMeans ? 24 * kHourMs : kHourMs;
    for (qint64 h = fromMs + (kHourMs - fromMs % kHourMs) % kHourMs; h < toMs; h += kHourMs) { // hours starting in the span
        const BucketStats &s = b[size_t(hourOfWeek(h))];
        if (s.samples < kMinBaselineSamples)
            continue;
        const BandPoint p{h - (h - fromMs) % step, s.mean - c.bandSd * s.sd, s.mean + c.bandSd * s.sd};
        if (!c.band.isEmpty() && c.band.back().hourMs == p.hourMs) {
            c.band.back().low = std::min(c.band.back().low, p.low);
            c.band.back().high = std::max(c.band.back().high, p.high);
        } else {
            c.band << p;
        }
    }

    auto visits = db.run(QStringLiteral("SELECT %1 FROM appointments a JOIN work_orders w ON w.id = a.work_order_id WHERE w.asset_id = ? "
                                        "AND a.status = 'completed' AND a.completed_at >= ? AND a.completed_at <= ? ORDER BY a.completed_at")
                             .arg(epochOf(db, QStringLiteral("a.completed_at"))),
                         {assetId, sqlOf(fromMs), sqlOf(toMs)});
    if (!visits)
        return visits.error();
    while (visits->next())
        c.visits << visits->value(0).toLongLong() * 1000;
    return c;
}

} // namespace fieldops::conditions
