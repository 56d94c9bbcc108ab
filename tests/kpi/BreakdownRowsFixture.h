#pragma once
// Sixty technicians' breakdown rows for the ranked chart: first-time fix rates that tie in
// groups (so the order by name shows), names from short to far too long for a chart, and
// a few rows with no utilization at all.
#include "kpi/KpiBreakdown.h"

#include <QStringList>
#include <vector>

namespace fieldops::test {

inline std::vector<kpi::KpiBreakdownRow> sixtyTechnicianRows()
{
    const QStringList first{QStringLiteral("Ana"), QStringLiteral("Bruno"), QStringLiteral("Carla"), QStringLiteral("Diego"),
                            QStringLiteral("Eduarda"), QStringLiteral("Felipe"), QStringLiteral("Gabriela"), QStringLiteral("Heitor"),
                            QStringLiteral("Isabela"), QStringLiteral("João"), QStringLiteral("Larissa"), QStringLiteral("Maria Aparecida")};
    const QStringList last{QStringLiteral("Lima"), QStringLiteral("Souza Cardoso"), QStringLiteral("dos Santos Albuquerque de Oliveira Neto"),
                           QStringLiteral("Reis"), QStringLiteral("Vieira Nunes")};
    std::vector<kpi::KpiBreakdownRow> rows;
    for (int i = 0; i < 60; ++i) {
        kpi::KpiBreakdownRow r;
        r.key = QStringLiteral("t%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        r.label = first[i % first.size()] + QLatin1Char(' ') + last[(i / first.size()) % last.size()];
        r.territory = QStringLiteral("Centro");
        r.kpis.values.insert(QStringLiteral("first_time_fix_rate"), 0.5 + 0.05 * ((i * 7) % 9)); // nine values, ties
        r.kpis.values.insert(QStringLiteral("work_orders_closed"), double(20 + (i * 13) % 61));
        if (i % 20 != 3)
            r.kpis.values.insert(QStringLiteral("utilization"), 0.4 + 0.01 * i);
        rows.push_back(r);
    }
    return rows;
}

} // namespace fieldops::test
