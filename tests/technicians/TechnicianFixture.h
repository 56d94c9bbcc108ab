#pragma once
// The work-order fixture (tests/itemmodels/WorkOrderFixture.h) plus two territories and
// one absence of Ana's, for the technicians' rules, edits and view. Bruno (t2) has visit
// ap1 for w4 booked 2026-03-02 11:00–12:30 UTC and a cancelled one (ap4) at 13:00.
#include "../itemmodels/WorkOrderFixture.h"
#include "technicians/TechnicianDraft.h"

namespace fieldops::test {

inline QString insertTechnicianFixture(Database &db)
{
    if (QString failed = insertWorkOrderFixture(db); !failed.isEmpty())
        return failed;
    const QStringList sql{
        QStringLiteral("INSERT INTO territories(id, name) VALUES ('north', 'North zone'), ('south', 'South zone')"),
        QStringLiteral("UPDATE technicians SET territory_id = 'north' WHERE id = 't1'"),
        QStringLiteral("UPDATE technicians SET territory_id = 'south', employment = 'contractor' WHERE id = 't2'"),
        QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES "
                       "('t1', '2026-03-09T00:00:00Z', '2026-03-14T00:00:00Z', 'vacation')"),
    };
    for (const QString &s : sql)
        if (Status st = db.execDirect(s); !st)
            return st.error().message + QStringLiteral(" in ") + s;
    return {};
}

// A technician every check accepts.
inline technicians::TechnicianDraft validTechnician()
{
    technicians::TechnicianDraft d;
    d.id = QStringLiteral("t9");
    d.name = QStringLiteral("Carla Dias");
    d.employment = QStringLiteral("part_time");
    d.territoryId = QStringLiteral("north");
    d.homeLat = QStringLiteral("-23.51");
    d.homeLon = QStringLiteral("-46.62");
    d.timeZone = QStringLiteral("America/Sao_Paulo");
    d.shiftStart = QStringLiteral("08:00");
    d.shiftEnd = QStringLiteral("17:00");
    d.hourlyCost = QStringLiteral("45.5");
    d.skills = {QStringLiteral("hvac")};
    return d;
}

inline QDateTime utc(int day, int hour, int minute = 0) { return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC); }

} // namespace fieldops::test
