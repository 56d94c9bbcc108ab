#pragma once
// KPI values by key; a missing (nullopt) value is JSON null and "—" on screen.
#include "kpi/KpiKeys.h"

#include <QJsonObject>
#include <QMap>
#include <optional>
#include <vector>

namespace fieldops::kpi {

struct KpiValues {
    QMap<QString, std::optional<double>> values;
    std::optional<double> value(const QString &key) const { return values.value(key); }
    QJsonObject toJson() const;
};

struct TechnicianKpis {
    QString technicianId;
    KpiValues kpis;
};

struct KpiReport {
    KpiValues overall;
    std::vector<TechnicianKpis> byTechnician; // every technician, sorted by id
};

} // namespace fieldops::kpi
