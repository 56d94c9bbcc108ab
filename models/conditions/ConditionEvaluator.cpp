#include "conditions/ConditionEvaluator.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace fieldops::conditions {

namespace {

QVector<Reading> cite(const Series &s, qsizetype from, qsizetype to) // [from, to)
{
    QVector<Reading> out;
    if (to - from <= kMaxEvidence) {
        for (qsizetype i = from; i < to; ++i)
            out << s[i];
        return out;
    }
    for (qsizetype i = from; i < from + kMaxEvidence / 2; ++i)
        out << s[i];
    for (qsizetype i = to - kMaxEvidence / 2; i < to; ++i)
        out << s[i];
    return out;
}

// One past the last reading at or before asOf.
qsizetype endAt(const Series &s, qint64 asOfMs)
{
    qsizetype end = s.size();
    while (end > 0 && s[end - 1].atMs > asOfMs)
        --end;
    return end;
}

// The threshold's and the anomaly's rule: sustained for the whole window.
Evaluation sustained(const Series &s, qint64 asOfMs, int sustainMinutes, const std::function<bool(const Reading &)> &beyond)
{
    Evaluation e;
    const qsizetype end = endAt(s, asOfMs);
    const qint64 windowStart = asOfMs - qint64(sustainMinutes) * 60000;
    const qint64 lookback = lookbackStartMs(asOfMs);
    if (end == 0 || s[end - 1].atMs <= windowStart || s[end - 1].atMs < lookback)
        return e; // Unknown: nothing in the window
    if (!beyond(s[end - 1])) {
        e.state = State::Clear;
        return e;
    }
    qsizetype first = end - 1;
    while (first > 0 && s[first - 1].atMs >= lookback && beyond(s[first - 1]))
        --first;
    if (s[first].atMs > windowStart) {
        e.state = State::Pending;
        return e;
    }
    e.state = State::Breached;
    e.sinceMs = s[first].atMs;
    e.evidence = cite(s, first, end);
    return e;
}

} // namespace

Evaluation evaluateThreshold(const ConditionRule &rule, const Series &series, qint64 asOfMs)
{
    const double limit = rule.threshold;
    const bool above = rule.above;
    return sustained(series, asOfMs, rule.sustainMinutes,
                     [limit, above](const Reading &r) { return above ? r.value > limit : r.value < limit; });
}

Evaluation evaluateRate(const ConditionRule &rule, const Series &series, qint64 asOfMs)
{
    Evaluation e;
    const qsizetype end = endAt(series, asOfMs);
    const qint64 windowMs = qint64(rule.windowMinutes) * 60000;
    const qint64 from = std::max(asOfMs - windowMs + 1, lookbackStartMs(asOfMs));
    qsizetype first = end;
    while (first > 0 && series[first - 1].atMs >= from)
        --first;
    if (end - first < 2 || (series[end - 1].atMs - series[first].atMs) * 2 < windowMs)
        return e; // Unknown
    // Least squares in hours from the first reading: the slope of a noisy series, not of
    // its two ends.
    const qint64 t0 = series[first].atMs;
    double sx = 0, sy = 0;
    const double n = double(end - first);
    for (qsizetype i = first; i < end; ++i) {
        sx += double(series[i].atMs - t0) / double(kHourMs);
        sy += series[i].value;
    }
    const double mx = sx / n, my = sy / n;
    double sxy = 0, sxx = 0;
    for (qsizetype i = first; i < end; ++i) {
        const double dx = double(series[i].atMs - t0) / double(kHourMs) - mx;
        sxy += dx * (series[i].value - my);
        sxx += dx * dx;
    }
    const double slope = sxx > 0 ? sxy / sxx : 0;
    e.figure = slope;
    const bool beyond = rule.above ? slope > rule.ratePerHour : slope < rule.ratePerHour;
    if (!beyond) {
        e.state = State::Clear;
        return e;
    }
    e.state = State::Breached;
    e.sinceMs = series[first].atMs;
    e.evidence = {series[first], series[end - 1]};
    return e;
}

Evaluation evaluateUsage(const ConditionRule &rule, const UsagePoints &p)
{
    Evaluation e;
    if (!p.latest || !p.base)
        return e;
    e.figure = p.latest->value - p.base->value;
    if (e.figure < rule.usageInterval) {
        e.state = State::Clear;
        return e;
    }
    e.state = State::Breached;
    e.sinceMs = p.crossing ? p.crossing->atMs : p.latest->atMs;
    e.evidence << *p.base;
    if (p.crossing && p.crossing->atMs < p.latest->atMs)
        e.evidence << *p.crossing;
    e.evidence << *p.latest;
    return e;
}

int hourOfWeek(qint64 ms)
{
    const qint64 hours = ms / kHourMs;
    const qint64 days = hours / 24;
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
    return int((days + 3) % 7) * 24 + int(hours % 24);
}

Baseline baselineAsOf(const QVector<HourSum> &hours, int weeks, qint64 asOfMs)
{
    const qint64 from = baselineStartMs(asOfMs, weeks), to = lookbackStartMs(asOfMs);
    QVector<HourSum> mine;
    for (const HourSum &h : hours)
        if (h.hourMs >= from && h.hourMs < to)
            mine << h;
    return anomalyBaseline(mine);
}

Baseline anomalyBaseline(const QVector<HourSum> &hours)
{
    std::array<double, 168> sum{}, sumSq{};
    Baseline b{};
    for (const HourSum &h : hours) {
        if (h.count <= 0)
            continue;
        const int k = hourOfWeek(h.hourMs);
        const double x = h.sum / double(h.count);
        b[k].samples += 1;
        sum[k] += x;
        sumSq[k] += x * x;
    }
    for (int k = 0; k < 168; ++k) {
        const int n = b[k].samples;
        if (n == 0)
            continue;
        b[k].mean = sum[k] / n;
        b[k].sd = n > 1 ? std::sqrt(std::max(0.0, (sumSq[k] - n * b[k].mean * b[k].mean) / (n - 1))) : 0;
    }
    return b;
}

qint64 lookbackStartMs(qint64 asOfMs) { return asOfMs / kHourMs * kHourMs - 23 * kHourMs; }

qint64 baselineStartMs(qint64 asOfMs, int weeks) { return lookbackStartMs(asOfMs) - weeks * kWeekMs; }

bool outsideBand(const Baseline &baseline, double bandSd, const Reading &r)
{
    const BucketStats &b = baseline[hourOfWeek(r.atMs)];
    return b.samples >= kMinBaselineSamples && std::abs(r.value - b.mean) > bandSd * b.sd;
}

Evaluation evaluateAnomaly(const ConditionRule &rule, const Series &series, const Baseline &baseline, qint64 asOfMs)
{
    const double k = rule.bandSd;
    return sustained(series, asOfMs, rule.sustainMinutes, [&baseline, k](const Reading &r) { return outsideBand(baseline, k, r); });
}

} // namespace fieldops::conditions
