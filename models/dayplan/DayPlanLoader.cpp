#include "dayplan/DayPlanLoader.h"

#include "scheduling/ScheduleLoader.h"
#include "storage/Database.h"
#include "storage/SiteRows.h"
#include "storage/WorkOrderRows.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>

namespace fieldops::dayplan {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DayPlanLoader)
};

QDateTime utcMidnight(const QDate &d) { return QDateTime(d, QTime(0, 0), Qt::UTC); }
} // namespace

Result<DayPlanInput> DayPlanLoader::load(const QDate &date, const QString &territory)
{
    DayPlanInput in;
    in.date = date;
    if (!territory.isEmpty()) {
        auto known = m_db.scalar(QStringLiteral("SELECT count(*) FROM territories WHERE id = ?"), {territory});
        if (!known)
            return known.error();
        if (known->toInt() == 0)
            return Error::invalid(Text::tr("territory %1 does not exist").arg(territory));
    }
    // First, so that a write landing while the rest is read also counts as a change.
    auto seq = m_db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"));
    if (!seq)
        return seq.error();
    in.changeSeq = seq->toLongLong();

    // Day D runs from UTC-14 h (UTC+14) to UTC+12 h (UTC-12) at the widest: a day each side covers it.
    auto snapshot = scheduling::ScheduleLoader(m_db).load(utcMidnight(date.addDays(-1)), utcMidnight(date.addDays(2)));
    if (!snapshot)
        return snapshot.error();
    in.snapshot = std::move(*snapshot);

    QString techSql = QStringLiteral("SELECT id FROM technicians WHERE active = ?");
    QVariantList techBinds{true};
    if (!territory.isEmpty()) {
        techSql += QStringLiteral(" AND territory_id = ?");
        techBinds << territory;
    }
    auto techs = m_db.run(techSql + QStringLiteral(" ORDER BY id"), techBinds);
    if (!techs)
        return techs.error();
    while (techs->next())
        in.technicians << techs->value(0).toString();

    // Unassigned as the queue has it (WorkOrderListRow::isUnassigned): open, and no appointment
    // neither cancelled nor completed. The window is filtered below, in one place for both dialects.
    auto wos = m_db.run(QStringLiteral("SELECT %1, s.territory_id FROM work_orders w LEFT JOIN sites s ON s.id = w.site_id "
                                       "WHERE w.status = 'open' AND NOT EXISTS (SELECT 1 FROM appointments a "
                                       "WHERE a.work_order_id = w.id AND a.status NOT IN ('cancelled', 'completed')) ORDER BY w.id")
                            .arg(rows::workOrderColumns()));
    if (!wos)
        return wos.error();
    const QDateTime dayFrom = utcMidnight(date).addSecs(-14 * 3600), dayTo = utcMidnight(date.addDays(1)).addSecs(12 * 3600);
    QHash<QString, WorkOrder> candidates;
    while (wos->next()) {
        WorkOrder w = rows::readWorkOrder(*wos);
        if (!territory.isEmpty() && wos->value(rows::kWorkOrderColumnCount).toString() != territory)
            continue;
        if ((w.windowEnd.isValid() && w.windowEnd <= dayFrom) || (w.windowStart.isValid() && w.windowStart >= dayTo))
            continue;
        in.candidates << w.id;
        candidates.insert(w.id, std::move(w));
    }
    auto skills = m_db.run(QStringLiteral("SELECT work_order_id, skill_code FROM work_order_skills ORDER BY work_order_id, skill_code"));
    if (!skills)
        return skills.error();
    while (skills->next()) {
        auto it = candidates.find(skills->value(0).toString());
        if (it != candidates.end())
            it->requiredSkills << skills->value(1).toString();
    }

    QSet<QString> knownSites;
    for (const Site &s : in.snapshot.sites)
        knownSites.insert(s.id);
    for (const QString &id : std::as_const(in.candidates)) {
        const WorkOrder &w = candidates[id];
        if (!w.siteId.isEmpty() && !knownSites.contains(w.siteId)) {
            auto site = m_db.run(QStringLiteral("SELECT %1 FROM sites s WHERE s.id = ?").arg(rows::siteColumns()), {w.siteId});
            if (!site)
                return site.error();
            if (site->next())
                in.snapshot.sites.push_back(rows::readSite(*site));
            knownSites.insert(w.siteId);
        }
        // In the snapshot only when a completed visit of it is near the day.
        auto known = std::find_if(in.snapshot.workOrders.begin(), in.snapshot.workOrders.end(),
                                  [&](const WorkOrder &k) { return k.id == id; });
        if (known != in.snapshot.workOrders.end())
            *known = w;
        else
            in.snapshot.workOrders.push_back(w);
    }
    return in;
}

} // namespace fieldops::dayplan
