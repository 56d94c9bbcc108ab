#include "planning/LevelledDueDays.h"

namespace fieldops::planning {

QVector<PmDueOverride> dueOverridesOf(const QVector<CapacityMove> &moves)
{
    QVector<PmDueOverride> out;
    QHash<QPair<QString, QDate>, qsizetype> index; // an occurrence moved again keeps one override
    for (const CapacityMove &m : moves) {
        const auto key = qMakePair(m.planId, m.occurrence);
        if (const auto it = index.constFind(key); it != index.constEnd()) {
            out[*it].due = m.to;
            continue;
        }
        index.insert(key, out.size());
        out.push_back({m.planId, m.occurrence, m.to});
    }
    return out;
}

Result<QVector<PmDueOverride>> levelledDueOverrides(Database &db, const CapacityReadOptions &options)
{
    auto input = readCapacityInput(db, options);
    if (!input)
        return input.error();
    return dueOverridesOf(levelCapacity(*input).moved);
}

} // namespace fieldops::planning
