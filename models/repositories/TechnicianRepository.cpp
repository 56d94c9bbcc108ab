#include "repositories/TechnicianRepository.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>

namespace fieldops {

Result<std::vector<Technician>> TechnicianRepository::list()
{
    QHash<QString, QStringList> skills;
    {
        auto q = m_db.run(QStringLiteral("SELECT technician_id, skill_code FROM technician_skills ORDER BY technician_id, skill_code"));
        if (!q)
            return q.error();
        while (q->next())
            skills[q->value(0).toString()] << q->value(1).toString();
    }
    auto q = m_db.run(QStringLiteral(
        "SELECT id, name, employment, territory_id, home_lat, home_lon, time_zone, shift_start, shift_end, "
        "  work_days, hourly_cost, version FROM technicians ORDER BY name, id"));
    if (!q)
        return q.error();
    std::vector<Technician> out;
    while (q->next()) {
        Technician t;
        t.id = q->value(0).toString();
        t.name = q->value(1).toString();
        t.employment = q->value(2).toString();
        t.territoryId = q->value(3).toString();
        t.homeLat = q->value(4).toDouble();
        t.homeLon = q->value(5).toDouble();
        t.timeZone = q->value(6).toString();
        t.shiftStart = timefmt::parseClock(q->value(7).toString()).value_or(t.shiftStart);
        t.shiftEnd = timefmt::parseClock(q->value(8).toString()).value_or(t.shiftEnd);
        t.workDays = q->value(9).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        if (!q->value(10).isNull())
            t.hourlyCost = q->value(10).toDouble();
        t.version = q->value(11).toInt();
        t.skills = skills.value(t.id);
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace fieldops
