#include "kpi/KpiBreakdown.h"

#include "domain/Vocabulary.h"

#include <QCoreApplication>
#include <QSet>
#include <functional>

namespace fieldops::kpi {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Kpi)
};

// One row per group of technicians (groups with nobody inside the filter are left out),
// all groups from one pass over the inputs.
template <typename KeyOf>
std::vector<KpiBreakdownRow> byTechnicianGroups(const KpiEngine &engine, const KpiRange &range, const KpiFilter &filter,
                                                const QStringList &keys, KeyOf keyOf,
                                                const std::function<QString(const QString &)> &label)
{
    std::vector<QSet<QString>> members(size_t(keys.size()));
    for (const TechnicianIn &t : engine.inputs().technicians)
        if (const qsizetype k = keys.indexOf(keyOf(t)); k >= 0)
            members[size_t(k)].insert(t.id);
    const std::vector<std::optional<KpiValues>> values = engine.groups(range, filter, members);
    std::vector<KpiBreakdownRow> rows;
    for (qsizetype k = 0; k < keys.size(); ++k)
        if (values[size_t(k)])
            rows.push_back({keys[k], label(keys[k]), {}, *values[size_t(k)]});
    return rows;
}
} // namespace

QString breakdownTitle(BreakdownBy by)
{
    switch (by) {
    case BreakdownBy::Technician:
        return Text::tr("Technician");
    case BreakdownBy::Territory:
        return Text::tr("Territory");
    case BreakdownBy::Employment:
        return Text::tr("Employment");
    case BreakdownBy::WorkOrderType:
        return Text::tr("Work-order type");
    }
    return {};
}

QString employmentText(const QString &employment)
{
    if (employment == QLatin1String("employee"))
        return Text::tr("Employee");
    if (employment == QLatin1String("part_time"))
        return Text::tr("Part-time");
    if (employment == QLatin1String("contractor"))
        return Text::tr("Contractor");
    return employment;
}

QString workOrderTypeText(const QString &type)
{
    if (type == QLatin1String("install"))
        return Text::tr("Install");
    if (type == QLatin1String("corrective"))
        return Text::tr("Corrective");
    if (type == QLatin1String("preventive"))
        return Text::tr("Preventive");
    if (type == QLatin1String("inspection"))
        return Text::tr("Inspection");
    return type;
}

std::vector<KpiBreakdownRow> computeBreakdown(BreakdownBy by, const KpiEngine &engine, const KpiReport &current,
                                              const KpiRange &range, const KpiFilter &filter, const KpiDirectory &directory)
{
    switch (by) {
    case BreakdownBy::Technician: {
        std::vector<KpiBreakdownRow> rows;
        for (const TechnicianKpis &t : current.byTechnician) {
            const DirectoryTechnician *d = directory.technician(t.technicianId);
            rows.push_back({t.technicianId, d ? d->name : t.technicianId,
                            d && !d->territoryId.isEmpty() ? directory.territoryName(d->territoryId) : QString(), t.kpis});
        }
        return rows;
    }
    case BreakdownBy::Territory: {
        QStringList keys;
        for (const DirectoryTerritory &t : directory.territories)
            keys << t.id;
        keys << QString(); // technicians without a territory
        return byTechnicianGroups(engine, range, filter, keys, [](const TechnicianIn &t) { return t.territoryId; },
                                  [&](const QString &id) { return id.isEmpty() ? Text::tr("(no territory)") : directory.territoryName(id); });
    }
    case BreakdownBy::Employment:
        return byTechnicianGroups(engine, range, filter, vocabulary::employmentTypes(),
                                  [](const TechnicianIn &t) { return t.employment; }, employmentText);
    case BreakdownBy::WorkOrderType: {
        std::vector<KpiBreakdownRow> rows;
        for (const QString &type : vocabulary::workOrderTypes()) {
            if (!filter.workOrderType.isEmpty() && filter.workOrderType != type)
                continue;
            KpiFilter f = filter;
            f.workOrderType = type;
            rows.push_back({type, workOrderTypeText(type), {}, engine.compute(range, f).overall});
        }
        return rows;
    }
    }
    return {};
}

} // namespace fieldops::kpi
