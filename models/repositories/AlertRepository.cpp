#include "repositories/AlertRepository.h"

#include "domain/Entities.h"
#include "scheduling/ShiftCalendar.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>

namespace fieldops {

namespace {
// The statuses of a visit still to happen or under way.
constexpr const char *kLiveVisit = "('tentative', 'scheduled', 'en_route', 'on_site')";

// The columns every alert about a visit starts with, and the alert they make.
constexpr const char *kVisitColumns = "a.id, a.work_order_id, a.technician_id, t.name, s.name, w.priority";
constexpr const char *kVisitJoins = "FROM appointments a JOIN technicians t ON t.id = a.technician_id "
                                    "JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id";
constexpr int kVisitColumnCount = 6;

Alert visitAlert(const QSqlQuery &q, Alert::Kind kind)
{
    Alert a;
    a.kind = kind;
    a.appointmentId = q.value(0).toString();
    a.workOrderId = q.value(1).toString();
    a.technicianId = q.value(2).toString();
    a.technicianName = q.value(3).toString();
    a.siteName = q.value(4).toString();
    a.priority = q.value(5).toInt();
    return a;
}
} // namespace

QString Alert::kindCode(Kind kind)
{
    switch (kind) {
    case Kind::SlaBreached: return QStringLiteral("sla_breached");
    case Kind::SlaAtRisk: return QStringLiteral("sla_at_risk");
    case Kind::SlaDueSoon: return QStringLiteral("sla_due_soon");
    case Kind::LateArrival: return QStringLiteral("late_arrival");
    case Kind::MissedStatus: return QStringLiteral("missed_status");
    case Kind::Overrun: return QStringLiteral("overrun");
    case Kind::Unresolved: return QStringLiteral("unresolved");
    case Kind::Silent: return QStringLiteral("silent");
    case Kind::PredictedLate: return QStringLiteral("predicted_late");
    }
    return {};
}

QString Alert::key() const
{
    const QString subject = !appointmentId.isEmpty() ? appointmentId : !workOrderId.isEmpty() ? workOrderId : technicianId;
    return kindCode(kind) + QLatin1Char(':') + subject + QLatin1Char(':') + timefmt::toIsoUtc(at);
}

Result<std::vector<Alert>> AlertRepository::current(const QDateTime &now, const AlertRules &rules)
{
    std::vector<Alert> out;
    for (auto part : {&AlertRepository::slas, &AlertRepository::lateAndMissed, &AlertRepository::overruns, &AlertRepository::unresolved,
                      &AlertRepository::silent})
        if (Status s = (this->*part)(now, rules, out); !s)
            return s.error();

    // What a dispatcher dismissed stays out of every console's list.
    auto q = m_db.run(QStringLiteral("SELECT alert_key FROM alert_dismissals"));
    if (!q)
        return q.error();
    QSet<QString> dismissed;
    while (q->next())
        dismissed.insert(q->value(0).toString());
    if (!dismissed.isEmpty())
        out.erase(std::remove_if(out.begin(), out.end(), [&](const Alert &a) { return dismissed.contains(a.key()); }), out.end());
    std::stable_sort(out.begin(), out.end(), [](const Alert &x, const Alert &y) {
        return int(x.kind) != int(y.kind) ? int(x.kind) < int(y.kind) : x.at < y.at;
    });
    return out;
}

Status AlertRepository::slas(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out)
{
    // The plan finishes the job after its SLA: the last live visit ends past sla_due.
    QSet<QString> atRisk;
    {
        auto q = m_db.run(QStringLiteral("SELECT w.id, s.name, w.priority, w.sla_due FROM work_orders w JOIN sites s ON s.id = w.site_id "
                                         "WHERE w.sla_due IS NOT NULL AND w.sla_due > ? AND w.status NOT IN ('done', 'cancelled') "
                                         "AND (SELECT max(a.end_at) FROM appointments a WHERE a.work_order_id = w.id AND a.status IN %1) > w.sla_due")
                              .arg(QLatin1String(kLiveVisit)),
                          {timefmt::toSql(now)});
        if (!q)
            return q.error();
        while (q->next()) {
            Alert a;
            a.kind = Alert::Kind::SlaAtRisk;
            a.workOrderId = q->value(0).toString();
            a.siteName = q->value(1).toString();
            a.priority = q->value(2).toInt();
            a.at = timefmt::fromSql(q->value(3));
            atRisk.insert(a.workOrderId);
            out.push_back(std::move(a));
        }
    }
    auto q = m_db.run(QStringLiteral("SELECT w.id, s.name, w.priority, w.sla_due FROM work_orders w JOIN sites s ON s.id = w.site_id "
                                     "WHERE w.sla_due IS NOT NULL AND w.sla_due <= ? AND w.status NOT IN ('done', 'cancelled')"),
                      {timefmt::toSql(now.addSecs(qint64(rules.slaHorizonHours) * 3600))});
    if (!q)
        return q.error();
    while (q->next()) {
        Alert a;
        a.workOrderId = q->value(0).toString();
        if (atRisk.contains(a.workOrderId))
            continue; // "at risk" says more than "due soon"
        a.siteName = q->value(1).toString();
        a.priority = q->value(2).toInt();
        a.at = timefmt::fromSql(q->value(3));
        a.kind = a.at <= now ? Alert::Kind::SlaBreached : Alert::Kind::SlaDueSoon;
        out.push_back(std::move(a));
    }
    return {};
}

Status AlertRepository::lateAndMissed(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out)
{
    // Nobody on site after the start's grace: late, unless the positions put the
    // technician there, when it is the status that is missing.
    auto q = m_db.run(QStringLiteral("SELECT %1, a.start_at, a.inferred_arrived_at %2 "
                                     "WHERE a.arrived_at IS NULL AND a.status IN ('tentative', 'scheduled', 'en_route') "
                                     "  AND ((a.start_at <= ? AND a.start_at > ?) OR a.inferred_arrived_at > ?)")
                          .arg(QLatin1String(kVisitColumns), QLatin1String(kVisitJoins)),
                      {timefmt::toSql(now.addSecs(-qint64(rules.lateGraceMinutes) * 60)),
                       timefmt::toSql(now.addSecs(-qint64(rules.lookbackHours) * 3600)),
                       timefmt::toSql(now.addSecs(-qint64(rules.lookbackHours) * 3600))});
    if (!q)
        return q.error();
    while (q->next()) {
        Alert a = visitAlert(*q, Alert::Kind::LateArrival);
        const QDateTime inferred = timefmt::fromSql(q->value(kVisitColumnCount + 1));
        if (inferred.isValid() && inferred <= now) {
            a.kind = Alert::Kind::MissedStatus;
            a.at = inferred;
        } else {
            a.at = timefmt::fromSql(q->value(kVisitColumnCount));
            if (a.at > now.addSecs(-qint64(rules.lateGraceMinutes) * 60))
                continue; // only an inferred arrival still in the future brought it here
        }
        out.push_back(std::move(a));
    }
    return {};
}

Status AlertRepository::overruns(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out)
{
    auto q = m_db.run(QStringLiteral("SELECT %1, a.arrived_at, a.start_at, a.end_at %2 "
                                     "WHERE a.status = 'on_site' AND a.arrived_at IS NOT NULL AND a.arrived_at > ?")
                          .arg(QLatin1String(kVisitColumns), QLatin1String(kVisitJoins)),
                      {timefmt::toSql(now.addSecs(-qint64(rules.lookbackHours) * 3600))});
    if (!q)
        return q.error();
    while (q->next()) {
        // Planned length from the arrival: a late start is not an overrun of the work.
        const QDateTime arrived = timefmt::fromSql(q->value(kVisitColumnCount));
        const qint64 plannedSecs = timefmt::fromSql(q->value(kVisitColumnCount + 1)).secsTo(timefmt::fromSql(q->value(kVisitColumnCount + 2)));
        const QDateTime expectedEnd = arrived.addSecs(plannedSecs);
        if (expectedEnd.addSecs(qint64(rules.overrunGraceMinutes) * 60) >= now)
            continue;
        Alert a = visitAlert(*q, Alert::Kind::Overrun);
        a.at = expectedEnd;
        out.push_back(std::move(a));
    }
    return {};
}

Status AlertRepository::unresolved(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out)
{
    // The job's last finished visit left it unresolved and nothing is booked after it, for
    // the work order itself or for its follow-up (the return visit for parts).
    auto q = m_db.run(QStringLiteral("SELECT %2, a.completed_at %3 "
                                     "WHERE a.status = 'completed' AND CAST(a.resolved AS integer) = 0 AND a.completed_at > ? "
                                     "  AND w.status NOT IN ('done', 'cancelled') "
                                     "  AND NOT EXISTS (SELECT 1 FROM appointments b WHERE b.work_order_id = a.work_order_id AND b.status IN %1) "
                                     "  AND NOT EXISTS (SELECT 1 FROM work_orders f JOIN appointments d ON d.work_order_id = f.id "
                                     "                  WHERE f.follow_up_of = a.work_order_id AND d.status IN %1) "
                                     "  AND NOT EXISTS (SELECT 1 FROM appointments c WHERE c.work_order_id = a.work_order_id "
                                     "                  AND c.status = 'completed' AND c.completed_at > a.completed_at)")
                          .arg(QLatin1String(kLiveVisit), QLatin1String(kVisitColumns), QLatin1String(kVisitJoins)),
                      {timefmt::toSql(now.addDays(-rules.unresolvedDays))});
    if (!q)
        return q.error();
    while (q->next()) {
        Alert a = visitAlert(*q, Alert::Kind::Unresolved);
        a.at = timefmt::fromSql(q->value(kVisitColumnCount));
        out.push_back(std::move(a));
    }
    return {};
}

Status AlertRepository::silent(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out)
{
    // Only phones that reported lately: a technician without one is not "silent". The
    // correlated max() is one index seek per technician on both backends.
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 quietMs = qint64(rules.silentMinutes) * 60'000;
    auto q = m_db.run(QStringLiteral("SELECT t.id, t.name, t.time_zone, t.shift_start, t.shift_end, t.work_days, "
                                     "  (SELECT max(p.at) FROM positions p WHERE p.technician_id = t.id) AS last_at "
                                     "FROM technicians t WHERE CAST(t.active AS integer) = 1 "
                                     "  AND NOT EXISTS (SELECT 1 FROM absences x WHERE x.technician_id = t.id AND x.start_at <= ? AND x.end_at > ?)"),
                      {timefmt::toSql(now), timefmt::toSql(now)});
    if (!q)
        return q.error();
    QHash<QString, std::shared_ptr<const scheduling::ZoneClock>> clocks;
    while (q->next()) {
        const QDateTime last = timefmt::fromSql(q->value(6));
        if (!last.isValid() || last > now.addMSecs(-quietMs) || last <= now.addSecs(-qint64(rules.lookbackHours) * 3600))
            continue;
        Technician t;
        t.timeZone = q->value(2).toString();
        t.shiftStart = timefmt::parseClock(q->value(3).toString()).value_or(QTime(8, 0));
        t.shiftEnd = timefmt::parseClock(q->value(4).toString()).value_or(QTime(17, 0));
        t.workDays = q->value(5).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        auto &clock = clocks[t.timeZone];
        if (!clock)
            clock = std::make_shared<scheduling::ZoneClock>(QTimeZone(t.timeZone.toUtf8()), nowMs - 3 * scheduling::ZoneClock::kDayMs,
                                                            nowMs + scheduling::ZoneClock::kDayMs);
        const scheduling::ShiftCalendar calendar(scheduling::ShiftPattern::fromTechnician(t), clock);
        const qint64 today = clock->localDayNumber(nowMs);
        // On shift now, and long enough into it that silence means something (a night shift
        // began on the local day before).
        bool onShift = false;
        for (qint64 day : {today - 1, today}) {
            const auto shift = calendar.shiftOn(day);
            if (shift && shift->startMs + quietMs <= nowMs && nowMs < shift->endMs)
                onShift = true;
        }
        if (!onShift)
            continue;
        Alert a;
        a.kind = Alert::Kind::Silent;
        a.technicianId = q->value(0).toString();
        a.technicianName = q->value(1).toString();
        a.at = last;
        out.push_back(std::move(a));
    }
    return {};
}

} // namespace fieldops
