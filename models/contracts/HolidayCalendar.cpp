#include "contracts/HolidayCalendar.h"

#include "interchange/CsvReader.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace fieldops::contracts {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HolidayCalendar)
};
}

Result<HolidayList> readHolidays(Database &db, const QString &territoryId)
{
    auto q = db.run(QStringLiteral("SELECT day, name FROM holidays WHERE territory_id = ? ORDER BY day"), {territoryId});
    if (!q)
        return q.error();
    HolidayList out;
    while (q->next())
        out.push_back({timefmt::dateFromSql(q->value(0)), q->value(1).toString()});
    return out;
}

Status replaceHolidays(Database &db, const QString &territoryId, const HolidayList &days)
{
    if (auto q = db.run(QStringLiteral("DELETE FROM holidays WHERE territory_id = ?"), {territoryId}); !q)
        return q.error();
    for (const Holiday &h : days)
        if (auto q = db.run(QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES (?, ?, ?)"),
                            {territoryId, timefmt::toSql(h.day), h.name.isNull() ? QStringLiteral("") : h.name});
            !q)
            return q.error();
    return {};
}

Result<HolidayList> parseHolidayCsv(const QString &text, const QString &territoryId, const QString &fileName)
{
    interchange::CsvReader reader(text);
    interchange::CsvRecord record;
    const auto fail = [&fileName](int line, const QString &column, const QString &what) {
        return Error::invalid(QStringLiteral("%1:%2: %3: %4").arg(fileName).arg(line).arg(column, what));
    };
    if (!reader.next(record))
        return reader.hasError() ? fail(reader.errorLine(), Text::tr("header"), reader.errorString())
                                 : Error::invalid(Text::tr("%1: the file is empty").arg(fileName));
    QStringList header;
    for (const QString &cell : record.cells)
        header << cell.trimmed().toLower();
    const qsizetype dayAt = header.indexOf(QStringLiteral("day"));
    const qsizetype nameAt = header.indexOf(QStringLiteral("name"));
    const qsizetype territoryAt = header.indexOf(QStringLiteral("territory_id"));
    if (dayAt < 0)
        return Error::invalid(Text::tr("%1: the required column day is missing").arg(fileName));
    HolidayList out;
    QSet<QDate> seen;
    while (reader.next(record)) {
        if (record.isBlank())
            continue;
        const auto cell = [&record](qsizetype at) { return at >= 0 && at < record.cells.size() ? record.cells[at].trimmed() : QString(); };
        if (territoryAt >= 0 && cell(territoryAt) != territoryId)
            continue;
        const QString dayText = cell(dayAt);
        const QDate day = timefmt::parseDate(dayText);
        if (!day.isValid())
            return fail(record.line, QStringLiteral("day"), Text::tr("%1 is not a date YYYY-MM-DD").arg(dayText.isEmpty() ? Text::tr("an empty cell") : dayText));
        if (seen.contains(day))
            return fail(record.line, QStringLiteral("day"), Text::tr("%1 is listed twice").arg(dayText));
        seen.insert(day);
        out.push_back({day, cell(nameAt)});
    }
    if (reader.hasError())
        return fail(reader.errorLine(), header.value(reader.errorCell(), QStringLiteral("?")), reader.errorString());
    std::sort(out.begin(), out.end(), [](const Holiday &a, const Holiday &b) { return a.day < b.day; });
    return out;
}

} // namespace fieldops::contracts
