#include "kpi/KpiFilter.h"

namespace fieldops::kpi {

KpiFilter KpiFilter::of(const std::vector<TechnicianIn> &technicians, const QString &territoryId,
                        const QString &technicianId, const QString &employment, const QString &workOrderType)
{
    KpiFilter f;
    f.workOrderType = workOrderType;
    if (territoryId.isEmpty() && technicianId.isEmpty() && employment.isEmpty())
        return f;
    QSet<QString> ids;
    for (const TechnicianIn &t : technicians) {
        if (!territoryId.isEmpty() && t.territoryId != territoryId)
            continue;
        if (!technicianId.isEmpty() && t.id != technicianId)
            continue;
        if (!employment.isEmpty() && t.employment != employment)
            continue;
        ids.insert(t.id);
    }
    f.technicians = std::move(ids);
    return f;
}

KpiFilter KpiFilter::intersected(const QSet<QString> &technicianIds) const
{
    KpiFilter f = *this;
    if (f.technicians)
        f.technicians->intersect(technicianIds);
    else
        f.technicians = technicianIds;
    return f;
}

} // namespace fieldops::kpi
