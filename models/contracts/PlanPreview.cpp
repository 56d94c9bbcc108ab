#include "contracts/PlanPreview.h"

#include "planning/PmGenerator.h"

namespace fieldops::contracts {

PlanPreview previewPlan(const records::RecordValues &plan, const QDate &contractEnds, const QString &timeZone, const QDate &from, int count,
                        int horizonDays)
{
    planning::PmPlanRow row;
    row.recurrence = plan.value(QStringLiteral("recurrence")).toString();
    row.intervalDays = plan.value(QStringLiteral("interval_days")).toInt();
    row.nextDue = QDate::fromString(plan.value(QStringLiteral("next_due")).toString(), Qt::ISODate);
    row.preferredStart = plan.value(QStringLiteral("preferred_start")).toString();
    row.seasonalMonths = plan.value(QStringLiteral("seasonal_months")).toString();
    row.shiftOnMiss = plan.value(QStringLiteral("shift_on_miss")).toBool();
    row.contractEnds = contractEnds;
    row.timeZone = timeZone;
    PlanPreview preview;
    const std::optional<planning::PmSeries> series = planning::seriesOf(row, preview.problem);
    if (!series)
        return preview;
    preview.occurrences = planning::recurrence::occurrences(*series, from, from.addDays(horizonDays));
    if (preview.occurrences.size() > count)
        preview.occurrences.resize(count);
    return preview;
}

} // namespace fieldops::contracts
