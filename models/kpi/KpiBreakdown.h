#pragma once
// The dashboard's breakdowns: KPI rows by technician, territory, employment type or
// work-order type, inside the user's filter. Technician rows are the report's
// `--by technician` rows; the other groups are the same formulas run with the group as a
// filter, so every number still comes from computeKpis.
#include "kpi/KpiCalculator.h"
#include "kpi/KpiDirectory.h"

#include <vector>

namespace fieldops::kpi {

enum class BreakdownBy { Technician, Territory, Employment, WorkOrderType };

struct KpiBreakdownRow {
    QString key;   // technician id, territory id, employment or type code ("" = none)
    QString label; // for people
    QString territory; // technician rows: the territory's name
    KpiValues kpis;
};

std::vector<KpiBreakdownRow> computeBreakdown(BreakdownBy by, const KpiEngine &engine, const KpiReport &current,
                                              const KpiRange &range, const KpiFilter &filter, const KpiDirectory &directory);

QString breakdownTitle(BreakdownBy by);
QString employmentText(const QString &employment);
QString workOrderTypeText(const QString &type);

} // namespace fieldops::kpi
