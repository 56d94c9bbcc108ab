#include "repositories/TechnicianRepository.h"

#include "storage/Database.h"
#include "storage/TechnicianRows.h"

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
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM technicians t ORDER BY t.name, t.id").arg(rows::technicianColumns()));
    if (!q)
        return q.error();
    std::vector<Technician> out;
    while (q->next()) {
        Technician t = rows::readTechnician(*q);
        t.skills = skills.value(t.id);
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace fieldops
