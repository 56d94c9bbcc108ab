#pragma once
// Which items a KPI report counts. The technician set attributes items exactly as
// `--by technician` does (closing visit, latest appointment, the visit's or the time
// entry's technician), so a filtered overall is the sum of those technicians' rows with
// their own denominators; items attributed to nobody count only when nobody is filtered.
#include "kpi/KpiInputs.h"

#include <QSet>
#include <QString>
#include <optional>
#include <vector>

namespace fieldops::kpi {

struct KpiFilter {
    std::optional<QSet<QString>> technicians; // nullopt: every technician (and nobody)
    QString workOrderType;                    // empty: every type

    bool isEmpty() const { return !technicians && workOrderType.isEmpty(); }

    // The technicians matching every non-empty criterion; no criterion → nullopt (all).
    static KpiFilter of(const std::vector<TechnicianIn> &technicians, const QString &territoryId,
                        const QString &technicianId, const QString &employment, const QString &workOrderType);
    // This filter narrowed further (both must hold): a breakdown row inside the user's filter.
    KpiFilter intersected(const QSet<QString> &technicianIds) const;
};

} // namespace fieldops::kpi
