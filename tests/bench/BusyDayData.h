#pragma once
// A busy day for the scheduling benchmarks (suggest, repair, optimize): technicians live and
// work in districts of about 8 km around São Paulo, hold one or two of four skills and have
// 5–7 visits that day from 08:00 local (none with `booked` false: the optimiser's empty day);
// one in twenty is absent for a few hours. Probe work
// orders sit at random sites with one skill, some with an SLA later that day, some with a
// customer's window. Seeded, so every run builds the same day.
#include "dayplan/DayPlan.h"
#include "scheduling/ScheduleSnapshot.h"

#include <QRandomGenerator>
#include <QTimeZone>

namespace fieldops::bench {

inline const QDateTime kBusyDay(QDate(2026, 3, 24), QTime(0, 0), Qt::UTC); // a Tuesday

struct BusyDay {
    scheduling::ScheduleSnapshot snap;
    std::vector<WorkOrder> probes;
};

inline BusyDay makeBusyDay(int technicians, int probes, quint32 seed, bool booked = true)
{
    QRandomGenerator rng(seed);
    BusyDay b;
    scheduling::ScheduleSnapshot &s = b.snap;
    s.from = kBusyDay;
    s.to = kBusyDay.addDays(1);
    const QStringList skills{QStringLiteral("hvac"), QStringLiteral("gas"), QStringLiteral("electrical"), QStringLiteral("plumbing")};
    const int districts = std::max(1, technicians / 10);
    const int sitesPerDistrict = 40;
    std::vector<std::pair<double, double>> centre;
    for (int d = 0; d < districts; ++d) {
        const double lat = -24.0 + rng.generateDouble() * 1.0, lon = -47.0 + rng.generateDouble() * 1.0;
        centre.emplace_back(lat, lon);
        for (int i = 0; i < sitesPerDistrict; ++i) {
            Site site;
            site.id = QStringLiteral("s%1").arg(d * sitesPerDistrict + i);
            site.lat = lat + rng.generateDouble() * 0.07;
            site.lon = lon + rng.generateDouble() * 0.07;
            s.sites.push_back(site);
        }
    }
    const QTimeZone zone("America/Sao_Paulo");
    int n = 0;
    for (int i = 0; i < technicians; ++i) {
        const int district = std::min(i / 10, districts - 1);
        Technician t;
        t.id = QStringLiteral("t%1").arg(i, 5, 10, QLatin1Char('0'));
        t.name = t.id;
        t.timeZone = QStringLiteral("America/Sao_Paulo");
        t.skills = {skills[i % 4]};
        if (i % 3 == 0)
            t.skills << skills[(i + 1) % 4];
        t.homeLat = centre[size_t(district)].first + rng.generateDouble() * 0.1;
        t.homeLon = centre[size_t(district)].second + rng.generateDouble() * 0.1;
        s.technicians.push_back(t);
        if (i % 20 == 0) {
            Absence a;
            a.technicianId = t.id;
            a.start = QDateTime(kBusyDay.date(), QTime(8 + rng.bounded(6), 0), zone).toUTC();
            a.end = a.start.addSecs(3600 * (2 + rng.bounded(4)));
            s.absences.push_back(a);
        }
        QDateTime cursor(kBusyDay.date(), QTime(8, 0), zone);
        const int visits = booked ? 5 + rng.bounded(3) : 0;
        for (int k = 0; k < visits; ++k, ++n) {
            WorkOrder w;
            w.id = QStringLiteral("w%1").arg(n);
            w.siteId = s.sites[size_t(district * sitesPerDistrict + rng.bounded(sitesPerDistrict))].id;
            w.requiredSkills = {t.skills.first()};
            Appointment a;
            a.id = QStringLiteral("a%1").arg(n, 7, 10, QLatin1Char('0'));
            a.workOrderId = w.id;
            a.technicianId = t.id;
            a.start = cursor.addSecs(k ? 60 * (15 + 5 * rng.bounded(7)) : 0).toUTC();
            a.end = a.start.addSecs(60 * (30 + 15 * rng.bounded(4)));
            cursor = a.end.toTimeZone(zone);
            s.workOrders.push_back(w);
            s.appointments.push_back(a);
        }
    }
    for (int p = 0; p < probes; ++p) {
        WorkOrder w;
        w.id = QStringLiteral("probe%1").arg(p);
        w.siteId = s.sites[size_t(rng.bounded(int(s.sites.size())))].id;
        w.requiredSkills = {skills[rng.bounded(4)]};
        w.durationMin = 30 + 15 * rng.bounded(5);
        if (rng.bounded(2))
            w.slaDue = QDateTime(kBusyDay.date(), QTime(12 + rng.bounded(8), 0), zone).toUTC();
        if (rng.bounded(4) == 0) {
            w.windowStart = QDateTime(kBusyDay.date(), QTime(9 + rng.bounded(4), 0), zone).toUTC();
            w.windowEnd = w.windowStart.addSecs(4 * 3600);
        }
        s.workOrders.push_back(w);
        b.probes.push_back(w);
    }
    return b;
}

// The day as the day planner reads it: every technician may take work, the probes are the
// queue.
inline dayplan::DayPlanInput dayPlanInputOf(const BusyDay &b)
{
    dayplan::DayPlanInput in;
    in.date = kBusyDay.date();
    in.snapshot = b.snap;
    for (const Technician &t : b.snap.technicians)
        in.technicians << t.id;
    for (const WorkOrder &w : b.probes)
        in.candidates << w.id;
    in.candidates.sort();
    return in;
}

} // namespace fieldops::bench
