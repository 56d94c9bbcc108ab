#pragma once
// What a manager aims for per KPI (stored in kpi_targets, migration 4) and the
// red / amber / green state of a value against it. The direction comes from the KPI:
// higher is better for all but the time to resolve, so "past the target" means at or
// above it for most KPIs and at or below it for the time to resolve.
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace fieldops::kpi {

struct KpiTarget {
    qint64 id = 0;       // 0: not stored yet
    QString kpiKey;
    QString territoryId; // empty: every territory
    double target = 0;   // in the KPI's own unit (rates as fractions 0…1)
    std::optional<double> amberThreshold; // on the worse side of target; none: no amber band
    int version = 0;
    QString updatedBy;
    QDateTime updatedAt;
};

enum class KpiRag { None, Green, Amber, Red };

// None when either the value (null) or the target is missing.
KpiRag ragState(const QString &key, const std::optional<double> &value, const KpiTarget *target);
// The target that applies to a view: the territory's own, else the one for every territory.
const KpiTarget *targetFor(const std::vector<KpiTarget> &targets, const QString &key, const QString &territoryId);

class KpiTargetRules {
    Q_DECLARE_TR_FUNCTIONS(KpiTargetRules)
public:
    // Empty when the target can be stored; otherwise one line naming what is wrong.
    static QString problem(const KpiTarget &target);
    static QString ragText(KpiRag state);
};

} // namespace fieldops::kpi
