#pragma once
// What the asset health view shows, read in one job each:
// - the at-risk list: every asset an active rule watches, with its highest risk over its
//   rules as of an instant (riskOf), the rule and the reading behind it, its site (for
//   the map) and its open work orders;
// - one asset's chart: its readings of a kind over a span (raw readings up to a week,
//   hourly means beyond, so a year is ~8,800 points), the baseline band of its hour of the
//   week (mean ± k sd of the hourly means over the weeks before the span's end, as the
//   anomaly rule sees it; beyond a week each day's envelope of it), the limits of its
//   threshold rules, and its past visits.
#include "conditions/ConditionEvaluator.h"
#include "util/Result.h"

#include <QStringList>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::conditions {

// How near a rule is to firing on an asset: 1 and more when breached, 0.95 while pending
// (beyond, not yet for long enough), else how far the latest figure has come towards the
// limit — 1 − distance / |limit| for threshold and rate (the slope), use / interval for
// usage, |z| / band_sd for anomaly — clipped to [0, 0.95). 0 when nothing is known.
double riskOf(const ConditionRule &rule, const Evaluation &evaluation, double latestFigure);

struct AtRiskAsset {
    QString assetId, model, siteId, siteName, customerId, customerName;
    double lat = 0, lon = 0;
    double risk = 0;
    QString ruleId;
    QString reason; // "temperature 7.8 °C, limit above 8 for 30 min"
    QStringList openWorkOrders;
};

// Highest risk first.
Result<QVector<AtRiskAsset>> loadAtRiskAssets(Database &db, qint64 asOfMs);

struct RuleLine {
    QString ruleId;
    QString label;
    double value = 0;
};

struct BandPoint {
    qint64 hourMs = 0; // the hour's start (the day's, counted from the span's start, beyond a week)
    double low = 0, high = 0;
};

struct AssetChart {
    QString assetId, kind, unit;
    qint64 fromMs = 0, toMs = 0; // the span asked for
    QStringList kinds; // every kind the asset has readings of
    Series readings;
    bool hourlyMeans = false;
    QVector<BandPoint> band;
    double bandSd = 0;
    QVector<RuleLine> lines;
    QVector<qint64> visits; // completed visits of the asset's work orders (completion instant)
};

constexpr qint64 kRawSpanMs = 7LL * 24 * 3600 * 1000;
constexpr double kDefaultBandSd = 3;
constexpr int kDefaultBaselineWeeks = 4;

// kind empty: the first of the asset's kinds. Readings and visits in [fromMs, toMs]; the
// band for the hours starting in [fromMs, toMs).
Result<AssetChart> loadAssetChart(Database &db, const QString &assetId, const QString &kind, qint64 fromMs, qint64 toMs);

} // namespace fieldops::conditions
