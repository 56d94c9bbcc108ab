#pragma once
// The proactive-maintenance KPIs of the README's KPI section: the proactive share of work
// and failures prevented. A work order is proactive when a condition rule opened it (a
// condition_episodes row cites it); a proactive visit is a completed appointment of one.
// The watched assets are those an active condition rule applies to (by asset or by model).
//
// Over the period P = [from, to):
// - proactive_share = proactive work orders created in P / all work orders created in P
//   (cancelled ones included: they were work someone had to open).
// - An asset is covered at instant t when it had a proactive visit completed in the 30
//   days before: some completion c with c < t ≤ c + 30 d. Covered asset-days are the days
//   of P each watched asset is covered (the union of its (c, c + 30 d] clipped to P);
//   uncovered asset-days are the rest of (watched assets × days of P).
// - corrective_with / corrective_without: corrective work orders created in P on a watched
//   asset covered / not covered at their creation.
// - rate_with = corrective_with ÷ covered asset-days × 30, rate_without likewise: corrective
//   work orders per asset and 30 days with and without a recent proactive visit.
// - failures_prevented = (rate_without − rate_with) × covered asset-days ÷ 30: the
//   corrective work orders the covered assets would have had at the uncovered rate, less
//   those they had. Null when either exposure is zero; negative when covered assets fail
//   more often.
//
// The dashboard's filters narrow the work orders counted, never the exposure: a work order
// belongs to the technician of its visit (the first non-cancelled appointment, by start,
// that resolved it, else its latest non-cancelled appointment; none: nobody, counted only
// when no technician, territory or employment filter is set) and counts when that
// technician is in the filter's set and its type is the filter's type. Coverage stays a
// fact about the asset (a proactive visit by anyone covers it) and the watched asset-days
// stay all of them, so the figures of several technicians (or types) add up to theirs
// together: proactive counts and corrective counts add, so do the rates and failures
// prevented (with one type other than corrective they are 0, not null: nothing failed).
#include "kpi/KpiFilter.h"
#include "kpi/KpiLoader.h"
#include "util/Result.h"

#include <QHash>
#include <QString>
#include <optional>
#include <vector>

namespace fieldops::kpi {

constexpr qint64 kProactiveCoverMs = 30LL * 24 * 3600 * 1000;

struct ProactiveWorkOrderIn {
    QString assetId; // empty: no asset
    QString type;
    qint64 createdMs = 0;
    bool proactive = false;
    QString technicianId; // the technician of its visit (see above); empty: nobody
};

struct ProactiveIn {
    std::vector<ProactiveWorkOrderIn> workOrders;            // created in P
    QStringList watchedAssets;                                // assets an active rule applies to
    QHash<QString, std::vector<qint64>> proactiveCompletions; // asset → completed proactive visits, up to `to`
};

struct ProactiveKpis {
    int workOrders = 0;
    int proactive = 0;
    std::optional<double> proactiveShare;
    int correctiveWith = 0;
    int correctiveWithout = 0;
    double coveredAssetDays = 0;
    double uncoveredAssetDays = 0;
    std::optional<double> rateWith;    // per asset and 30 days
    std::optional<double> rateWithout; // per asset and 30 days
    std::optional<double> failuresPrevented;
};

ProactiveKpis computeProactiveKpis(const ProactiveIn &in, qint64 fromMs, qint64 toMs, const KpiFilter &filter = {});
// What the formulas need for the period: its work orders, the watched assets and their
// proactive visits completed from 30 days before the period to its end.
Result<ProactiveIn> loadProactiveInputs(Database &db, const KpiPeriod &period);

} // namespace fieldops::kpi
