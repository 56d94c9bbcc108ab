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

// A rating in the period with the technician it belongs to (the closing visit's; empty
// when the work order has none): the dashboard's distribution, ranking and comments.
struct AttributedRating {
    QString workOrderId;
    QString technicianId;
    int score = 0;
    qint64 ratedMs = 0;
    QString comment;
};

struct KpiReport {
    KpiValues overall;
    std::vector<TechnicianKpis> byTechnician; // every technician (of the filter), sorted by id
    std::vector<AttributedRating> ratings;    // the ratings counted in `overall`, by rated_at
};

} // namespace fieldops::kpi
