#pragma once
// The tests of the four rule kinds over a time-ordered series of one asset's readings of
// one kind, as of an instant; no database. The evaluation service feeds them what it
// read; the tests feed them series worked out by hand.
//
// Readings after `asOf` are ignored, and so are those before the look-back: the current
// hour and the 23 before it (lookbackStartMs), the "last 24 hours" of the README. "Beyond" is strict: above means value > limit,
// below means value < limit. A window of M minutes as of T is (T − M min, T].
//
// - threshold: Breached when the window of sustain_minutes holds at least one reading,
//   every reading in it is beyond the threshold, and the run of beyond readings that ends
//   with the latest one began at or before the window's start (so the readings span the
//   whole window). Clear when the latest reading of the window is not beyond. Otherwise
//   Pending (beyond, not yet for long enough); Unknown when the window holds no reading.
//   since: the first reading of that run; evidence: the run's readings.
// - rate: the least-squares slope (value per hour) of the readings in the window of
//   window_minutes. Unknown with fewer than two readings or when they span less than
//   half the window. Breached when the slope is beyond rate_per_hour (above: steeper
//   rise; below, e.g. −2: steeper fall), else Clear. since: the window's first reading;
//   evidence: its first and last readings.
// - usage: the latest reading (runtime_hours, cycles …) less the base reading (the last
//   reading at or before the asset's last completed preventive or proactive visit, else
//   its first reading). Breached when that is at least usage_interval, else Clear;
//   Unknown without a latest reading. since: the first reading that reached base +
//   interval (when known), else the latest; evidence: base, that reading, latest.
// - anomaly: each reading is judged against the baseline of its hour-of-week bucket (UTC,
//   Monday 00:00 = bucket 0): the mean and sample standard deviation of the hourly means
//   (sum ÷ count of asset_reading_hours) of that hour of the week in the baseline_weeks
//   weeks before the look-back (so each bucket has at most that many samples and no
//   reading being judged is part of its own baseline). A reading is outside when its bucket has at least
//   kMinBaselineSamples hours and |value − mean| > band_sd × sd. Then as threshold, with
//   "outside" for "beyond": every reading of the window of sustain_minutes outside, the
//   run of outside readings having begun at or before the window's start.
#include "conditions/ConditionRule.h"

#include <QVector>
#include <array>

namespace fieldops::conditions {

struct Reading {
    qint64 atMs = 0; // UTC, ms since the epoch
    double value = 0;
};
using Series = QVector<Reading>; // oldest first

enum class State { Clear, Breached, Pending, Unknown };

struct Evaluation {
    State state = State::Unknown;
    qint64 sinceMs = 0;        // Breached: the first reading of the breach
    QVector<Reading> evidence; // Breached: the readings that fired it (at most kMaxEvidence)
    double figure = 0;         // rate: the slope per hour; usage: the use since the base
};

// A long run is cited by its first and last readings, half each.
constexpr int kMaxEvidence = 10;
constexpr int kMinBaselineSamples = kMinBaselineWeeks;
constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kWeekMs = 168 * kHourMs;

Evaluation evaluateThreshold(const ConditionRule &rule, const Series &series, qint64 asOfMs);
Evaluation evaluateRate(const ConditionRule &rule, const Series &series, qint64 asOfMs);

struct UsagePoints {
    std::optional<Reading> base;
    std::optional<Reading> crossing; // the first reading at or above base + interval after the base
    std::optional<Reading> latest;   // the latest reading at or before asOf
};
Evaluation evaluateUsage(const ConditionRule &rule, const UsagePoints &points);

// 0 … 167: Monday 00:00–00:59 UTC is 0, Sunday 23:00 UTC is 167.
int hourOfWeek(qint64 ms);

struct HourSum {
    qint64 hourMs = 0; // the hour's start, UTC
    qint64 count = 0;
    double sum = 0;
};
struct BucketStats {
    int samples = 0;
    double mean = 0;
    double sd = 0; // sample standard deviation (n − 1); 0 with fewer than two samples
};
using Baseline = std::array<BucketStats, 168>;
// The buckets from hourly sums (the caller passes the previous weeks' hours only).
Baseline anomalyBaseline(const QVector<HourSum> &hours);
// The baseline of an anomaly rule as of asOf: anomalyBaseline of those of `hours` that lie in
// the `weeks` weeks before the look-back.
Baseline baselineAsOf(const QVector<HourSum> &hours, int weeks, qint64 asOfMs);
// The start of the hour 23 hours before asOf's hour: readings before it are not judged.
qint64 lookbackStartMs(qint64 asOfMs);
// The first hour of an anomaly rule's baseline: `weeks` whole weeks before the look-back,
// which ends it.
qint64 baselineStartMs(qint64 asOfMs, int weeks);
bool outsideBand(const Baseline &baseline, double bandSd, const Reading &r);
Evaluation evaluateAnomaly(const ConditionRule &rule, const Series &series, const Baseline &baseline, qint64 asOfMs);

} // namespace fieldops::conditions
