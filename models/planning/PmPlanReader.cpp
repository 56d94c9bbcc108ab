#include "planning/PmPlanReader.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"
#include "workorders/ContractTermsRows.h"

namespace fieldops::planning {

namespace {

// What a plan takes from its contract. Read once per contract rather than once per plan:
// a contract has many plans, and its terms are sixteen columns.
struct ContractPart {
    QDate starts;
    QDate ends;
    std::optional<int> responseHours;
    QString coverage;
    workorders::SlaContractTerms terms;
};

Result<QHash<QString, ContractPart>> readContracts(Database &db)
{
    auto q = db.run(QStringLiteral("SELECT c.id, c.starts_on, c.ends_on, c.response_hours, c.coverage, %1 FROM contracts c")
                        .arg(workorders::contractTermsColumns(QStringLiteral("c"))));
    if (!q)
        return q.error();
    QHash<QString, ContractPart> out;
    while (q->next()) {
        ContractPart c;
        c.starts = timefmt::dateFromSql(q->value(1));
        c.ends = timefmt::dateFromSql(q->value(2));
        if (!q->value(3).isNull())
            c.responseHours = q->value(3).toInt();
        c.coverage = q->value(4).toString();
        c.terms = workorders::readContractTerms(*q, 5);
        out.insert(q->value(0).toString(), c);
    }
    return out;
}

} // namespace

Result<PmPlanningData> readPlanningData(Database &db, const QDate &since)
{
    PmPlanningData data;
    auto contracts = readContracts(db);
    if (!contracts)
        return contracts.error();
    auto q = db.run(QStringLiteral(
        "SELECT p.id, p.contract_id, p.asset_id, a.site_id, s.time_zone, s.territory_id, p.task, p.interval_days, "
        "p.duration_min, p.next_due, p.recurrence, p.preferred_start, p.lead_days, p.shift_on_miss, p.seasonal_months "
        "FROM maintenance_plans p LEFT JOIN assets a ON a.id = p.asset_id LEFT JOIN sites s ON s.id = a.site_id ORDER BY p.id"));
    if (!q)
        return q.error();
    QHash<QString, qsizetype> index;
    while (q->next()) {
        PmPlanRow p;
        p.contractId = q->value(1).toString();
        const auto contract = contracts->constFind(p.contractId);
        if (contract == contracts->constEnd())
            continue; // not possible with the foreign key; a plan without its contract has no terms
        p.id = q->value(0).toString();
        p.assetId = q->value(2).toString();
        p.siteId = q->value(3).toString();
        p.timeZone = q->value(4).toString();
        p.territoryId = q->value(5).toString();
        p.task = q->value(6).toString();
        p.intervalDays = q->value(7).toInt();
        p.durationMin = q->value(8).toInt();
        p.nextDue = timefmt::dateFromSql(q->value(9));
        p.recurrence = q->value(10).toString();
        p.preferredStart = q->value(11).toString();
        p.leadDays = q->value(12).toInt();
        p.shiftOnMiss = q->value(13).toBool();
        p.seasonalMonths = q->value(14).toString();
        p.contractStarts = contract->starts;
        p.contractEnds = contract->ends;
        p.responseHours = contract->responseHours;
        p.coverage = contract->coverage;
        p.terms = contract->terms;
        p.calendarTerritoryId = workorders::SlaPolicy::calendarTerritory(p.terms, p.territoryId);
        index.insert(p.id, data.plans.size());
        data.plans.push_back(p);
    }
    q->finish();

    auto skills = db.run(QStringLiteral("SELECT plan_id, skill_code FROM maintenance_plan_skills ORDER BY plan_id, skill_code"));
    if (!skills)
        return skills.error();
    while (skills->next()) {
        const auto it = index.constFind(skills->value(0).toString());
        if (it != index.constEnd())
            data.plans[*it].skills << skills->value(1).toString();
    }
    skills->finish();

    auto holidays = db.run(QStringLiteral("SELECT territory_id, day FROM holidays"));
    if (!holidays)
        return holidays.error();
    while (holidays->next())
        data.holidays[holidays->value(0).toString()].insert(timefmt::dateFromSql(holidays->value(1)));
    holidays->finish();

    auto last = db.run(QStringLiteral("SELECT pm_plan_id, max(pm_due) FROM work_orders WHERE pm_plan_id IS NOT NULL GROUP BY pm_plan_id"));
    if (!last)
        return last.error();
    while (last->next())
        data.lastGenerated.insert(last->value(0).toString(), timefmt::dateFromSql(last->value(1)));
    last->finish();

    auto generated = db.run(QStringLiteral("SELECT pm_plan_id, pm_due, status FROM work_orders WHERE pm_plan_id IS NOT NULL AND pm_due >= ?"),
                            {timefmt::toSql(since)});
    if (!generated)
        return generated.error();
    while (generated->next())
        data.generated[generated->value(0).toString()].insert(timefmt::dateFromSql(generated->value(1)), generated->value(2).toString());
    return data;
}

} // namespace fieldops::planning
