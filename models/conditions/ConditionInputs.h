#pragma once
// What one evaluation reads, in a few set-based queries whatever the number of assets:
// the active rules and the assets each applies to, and per reading kind only what the
// rules of that kind need as of the evaluation's instant:
// - threshold, rate, anomaly: the readings of the longest window (sustain_minutes or
//   window_minutes) plus, per asset, the one reading before that window inside the
//   look-back (ConditionEvaluator.h), which is all a verdict depends on;
// - anomaly: the hourly sums of the baseline weeks for the hours of the week those
//   readings fall in;
// - usage: per asset its base reading, its latest reading, and nothing between.
// A breach found on the short window is then read again over the whole look-back, for the
// breached assets only and all of them in one query per kind (seriesOfMany, hoursOfMany),
// to date its first reading.
#include "conditions/ConditionEvaluator.h"
#include "util/Result.h"

#include <QHash>
#include <QStringList>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::conditions {

// A timestamp column as whole seconds since the epoch, in the database's dialect.
QString epochOf(const Database &db, const QString &column);

struct RuleAsset {
    QString assetId;
    QString siteId;
};

struct ConditionInputs {
    QVector<ConditionRule> rules;               // active, by id
    QHash<QString, QVector<RuleAsset>> assets;  // rule id → its assets, by id
    QHash<QString, QHash<QString, Series>> series; // reading kind → asset → readings
    QHash<QString, QHash<QString, QVector<HourSum>>> hours; // reading kind → asset → hourly sums
    QHash<QString, QHash<QString, UsagePoints>> usage;       // reading kind → asset → base and latest
    int assetCount = 0; // distinct assets over all rules

    // An asset's loaded readings / hourly sums of a kind (empty when none were loaded).
    const Series &seriesOf(const QString &kind, const QString &asset) const;
    QVector<HourSum> hoursOf(const QString &kind, const QString &asset) const;
};

class ConditionInputLoader {
public:
    explicit ConditionInputLoader(Database &db) : m_db(db) {}
    Result<ConditionInputs> load(qint64 asOfMs);
    // The given assets' readings of a kind over the whole look-back: one query per few hundred
    // assets rather than one per asset (planning a query on the partitioned readings costs
    // milliseconds).
    Result<QHash<QString, Series>> seriesOfMany(const QStringList &assetIds, const QString &kind, qint64 asOfMs);
    // One asset's hourly sums of a kind in [fromMs, toMs).
    Result<QVector<HourSum>> hoursOf(const QString &assetId, const QString &kind, qint64 fromMs, qint64 toMs);
    Result<QHash<QString, QVector<HourSum>>> hoursOfMany(const QStringList &assetIds, const QString &kind, qint64 fromMs, qint64 toMs);
    // The first reading at or after the base that reached `level`, up to asOf.
    Result<std::optional<Reading>> firstReaching(const QString &assetId, const QString &kind, qint64 fromMs, double level,
                                                 qint64 asOfMs);

private:
    Status loadWindows(ConditionInputs &in, const QString &kind, int lookbackMinutes, int baselineWeeks, qint64 asOfMs);
    Status loadUsage(ConditionInputs &in, const QString &kind, qint64 asOfMs);
    QString assetFilter(const QString &kinds) const;
    Database &m_db;
};

} // namespace fieldops::conditions
