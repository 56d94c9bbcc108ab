#include "storage/TechnicianRows.h"

#include "storage/ColumnList.h"
#include "util/TimeFormat.h"

#include <QStringList>

namespace fieldops::rows {

namespace {
// Blanks around a day (" Tue") come from hand-edited rows; the shift calendar would
// not recognise them, so they are dropped here rather than by every reader.
QStringList dayList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (const QString day = part.trimmed(); !day.isEmpty())
            out << day;
    }
    return out;
}
} // namespace

QString technicianColumns(const QString &alias)
{
    static const QStringList columns{QStringLiteral("id"),         QStringLiteral("name"),      QStringLiteral("employment"),
                                     QStringLiteral("territory_id"), QStringLiteral("home_lat"), QStringLiteral("home_lon"),
                                     QStringLiteral("time_zone"),  QStringLiteral("shift_start"), QStringLiteral("shift_end"),
                                     QStringLiteral("work_days"),  QStringLiteral("hourly_cost"), QStringLiteral("version"),
                                     QStringLiteral("active")};
    return qualifiedColumns(alias, columns);
}

Technician readTechnician(const QSqlQuery &q, int first)
{
    Technician t;
    t.id = q.value(first + 0).toString();
    t.name = q.value(first + 1).toString();
    t.employment = q.value(first + 2).toString();
    t.territoryId = q.value(first + 3).toString();
    t.homeLat = q.value(first + 4).toDouble();
    t.homeLon = q.value(first + 5).toDouble();
    t.timeZone = q.value(first + 6).toString();
    // An unreadable clock keeps the default shift rather than an invalid QTime.
    if (auto c = timefmt::parseClock(q.value(first + 7).toString()))
        t.shiftStart = *c;
    if (auto c = timefmt::parseClock(q.value(first + 8).toString()))
        t.shiftEnd = *c;
    t.workDays = dayList(q.value(first + 9).toString());
    if (const QVariant cost = q.value(first + 10); !cost.isNull())
        t.hourlyCost = cost.toDouble();
    t.version = q.value(first + 11).toInt();
    t.active = q.value(first + 12).toBool();
    return t;
}

} // namespace fieldops::rows
