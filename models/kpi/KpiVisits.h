#pragma once
// A technician's visits in a period, for the dashboard's drill-down: every non-cancelled
// appointment of theirs that starts, is arrived at or is completed in the period, with
// its work order and site, read for one technician at a time.
#include "kpi/KpiLoader.h"
#include "util/Result.h"

#include <QString>
#include <optional>
#include <vector>

namespace fieldops::kpi {

struct TechnicianVisit {
    QString appointmentId;
    QString workOrderId;
    QString workOrderType;
    QString siteName;
    QString status;
    qint64 startMs = 0;
    std::optional<qint64> arrivedMs;
    std::optional<qint64> completedMs;
    bool resolved = false;
    qint64 onTimeGraceMs = 15 * 60'000; // the operation's on-time grace (alert_thresholds)
    // The KPIs' on-time rule (arrived no later than the grace after the start); nullopt: no arrival.
    std::optional<bool> onTime() const;
};

Result<std::vector<TechnicianVisit>> loadTechnicianVisits(Database &db, const QString &technicianId, const KpiPeriod &period);

} // namespace fieldops::kpi
