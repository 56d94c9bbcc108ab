#include "workorders/ContractTermsRows.h"

#include "storage/ColumnList.h"

#include <QVariant>

namespace fieldops::workorders {

QString contractTermsColumns(const QString &alias)
{
    static const QStringList columns{
        QStringLiteral("id"),                  QStringLiteral("name"),
        QStringLiteral("response_hours"),      QStringLiteral("coverage"),
        QStringLiteral("coverage_days"),       QStringLiteral("coverage_open"),
        QStringLiteral("coverage_close"),      QStringLiteral("holiday_territory_id"),
        QStringLiteral("response_hours_p1"),   QStringLiteral("response_hours_p2"),
        QStringLiteral("response_hours_p3"),   QStringLiteral("response_hours_p4"),
        QStringLiteral("resolution_hours_p1"), QStringLiteral("resolution_hours_p2"),
        QStringLiteral("resolution_hours_p3"), QStringLiteral("resolution_hours_p4"),
    };
    Q_ASSERT(columns.size() == kContractTermsColumnCount);
    return rows::qualifiedColumns(alias, columns);
}

SlaContractTerms readContractTerms(const QSqlQuery &q, int first)
{
    const auto hours = [&](int i) { return q.value(first + i).isNull() ? std::optional<int>() : std::optional<int>(q.value(first + i).toInt()); };
    SlaContractTerms t;
    t.id = q.value(first + 0).toString();
    t.name = q.value(first + 1).toString();
    t.responseHours = hours(2);
    const QString coverage = q.value(first + 3).toString();
    t.businessHours = coverage != QLatin1String("24x7");
    t.coverage = planning::Coverage::fromContract(coverage, q.value(first + 4).toString(), q.value(first + 5).toString(),
                                                  q.value(first + 6).toString());
    t.holidayTerritoryId = q.value(first + 7).toString();
    for (int p = 0; p < 4; ++p) {
        t.responseHoursByPriority[size_t(p)] = hours(8 + p);
        t.resolutionHoursByPriority[size_t(p)] = hours(12 + p);
    }
    return t;
}

} // namespace fieldops::workorders
