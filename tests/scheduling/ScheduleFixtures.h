#pragma once
// In-memory schedules for the rule tests: a builder with sensible defaults (a UTC
// technician on 08:00–17:00 Mon–Fri with skill "hvac", São Paulo sites) so each test
// states only what it is about.
#include "scheduling/ConflictChecker.h"
#include "scheduling/ScheduleSnapshot.h"
#include "scheduling/Violation.h"
#include "util/TimeFormat.h"
#include "domain/Vocabulary.h"

#include <QStringList>
#include <algorithm>

namespace fieldops::test {

using scheduling::ScheduleSnapshot;

inline QDateTime at(const char *iso)
{
    const QDateTime t = timefmt::parseIsoWithOffset(QString::fromLatin1(iso));
    Q_ASSERT(t.isValid());
    return t;
}

class ScheduleBuilder {
public:
    ScheduleBuilder()
    {
        site("s1", -23.5505, -46.6333);
        site("s1b", -23.5505, -46.6333); // same place, another site id
        site("s2", -23.5505 + 0.09, -46.6333); // ~10 km north: 20 min by the default rule
        site("s3", -23.5505 + 0.5, -46.6333);  // ~55.6 km: 109 min
    }

    Technician &tech(const char *id, const char *zone = "UTC", QStringList skills = {QStringLiteral("hvac")})
    {
        Technician t;
        t.id = QString::fromLatin1(id);
        t.name = t.id;
        t.timeZone = QString::fromLatin1(zone);
        t.skills = std::move(skills);
        snap.technicians.push_back(t);
        return snap.technicians.back();
    }
    Technician &techRef(const char *id)
    {
        return *std::find_if(snap.technicians.begin(), snap.technicians.end(),
                             [&](const Technician &t) { return t.id == QLatin1String(id); });
    }
    void site(const char *id, double lat, double lon)
    {
        Site s;
        s.id = QString::fromLatin1(id);
        s.customerId = QStringLiteral("c1");
        s.lat = lat;
        s.lon = lon;
        snap.sites.push_back(s);
    }
    WorkOrder &workOrder(const char *id, const char *site = "s1", QStringList skills = {})
    {
        WorkOrder w;
        w.id = QString::fromLatin1(id);
        w.siteId = QString::fromLatin1(site);
        w.requiredSkills = std::move(skills);
        w.createdAt = at("2026-01-01T00:00:00Z");
        snap.workOrders.push_back(w);
        return snap.workOrders.back();
    }
    // An appointment with its own work order "w<id>" at `site` (unless one is named).
    Appointment &visit(const char *id, const char *start, const char *end, const char *site = "s1",
                       const char *tech = "t1", const char *status = "scheduled")
    {
        const QString wo = QStringLiteral("w") + QString::fromLatin1(id);
        workOrder(qPrintable(wo), site);
        Appointment a;
        a.id = QString::fromLatin1(id);
        a.workOrderId = wo;
        a.technicianId = QString::fromLatin1(tech);
        a.start = at(start);
        a.end = at(end);
        a.status = QString::fromLatin1(status);
        snap.appointments.push_back(a);
        return snap.appointments.back();
    }
    WorkOrder &workOrderOf(const char *appointmentId)
    {
        const QString wo = QStringLiteral("w") + QString::fromLatin1(appointmentId);
        return *std::find_if(snap.workOrders.begin(), snap.workOrders.end(), [&](const WorkOrder &w) { return w.id == wo; });
    }
    void absence(const char *tech, const char *start, const char *end, const char *reason = "")
    {
        Absence a;
        a.technicianId = QString::fromLatin1(tech);
        a.start = at(start);
        a.end = at(end);
        a.reason = QString::fromLatin1(reason);
        snap.absences.push_back(a);
    }
    void horizon(const char *from, const char *to)
    {
        snap.from = at(from);
        snap.to = at(to);
    }

    ScheduleSnapshot snap;
};

// "kind:id1,id2" per violation, in output order: compact to compare in tests.
inline QStringList summarize(const std::vector<scheduling::Violation> &vs)
{
    QStringList out;
    for (const auto &v : vs)
        out << scheduling::kindName(v.kind) + QLatin1Char(':') + v.appointmentIds.join(QLatin1Char(','));
    return out;
}

} // namespace fieldops::test
