#include "planning/CapacityReader.h"

#include "planning/PmGenerator.h"
#include "storage/Database.h"
#include "storage/TechnicianRows.h"
#include "util/TimeFormat.h"

#include <QTimeZone>
#include <algorithm>

namespace fieldops::planning {

namespace {

// The occurrences generate-pm would create, each with what the preview needs of its plan.
QVector<CapacityOccurrence> plannedOccurrences(const PmPlanningData &data, const CapacityReadOptions &options, QDate &lastDay)
{
    PmGenerateOptions generate;
    generate.today = options.today;
    generate.horizonDays = options.horizonDays;
    generate.dryRun = true;
    generate.now = QDateTime(options.today, QTime(0, 0), QTimeZone::utc());
    const PmGenerateReport report = PmGenerator::plan(data, generate);

    QHash<QString, const PmPlanRow *> plans;
    for (const PmPlanRow &p : data.plans)
        plans.insert(p.id, &p);
    QVector<CapacityOccurrence> out;
    out.reserve(report.created.size());
    for (const PmNewWorkOrder &w : report.created) {
        const PmPlanRow *plan = plans.value(w.planId);
        CapacityOccurrence o;
        o.planId = w.planId;
        o.occurrence = w.occurrence;
        o.due = w.due;
        o.territoryId = plan->territoryId;
        o.calendarTerritoryId = plan->calendarTerritoryId;
        o.skills = w.skills;
        o.durationMin = w.durationMin;
        o.intervalDays = plan->intervalDays;
        o.contractStarts = plan->contractStarts;
        o.contractEnds = plan->contractEnds;
        lastDay = std::max(lastDay, o.due);
        out.push_back(o);
    }
    return out;
}

// Busy spans of active technicians overlapping [fromMs, toMs).
Result<QVector<CapacitySpan>> readSpans(Database &db, const QString &sql, const QDateTime &from, const QDateTime &to)
{
    auto q = db.run(sql, {timefmt::toSql(to), timefmt::toSql(from)});
    if (!q)
        return q.error();
    QVector<CapacitySpan> out;
    while (q->next()) {
        const auto start = timefmt::msFromSql(q->value(1));
        const auto end = timefmt::msFromSql(q->value(2));
        if (start && end)
            out.push_back({q->value(0).toString(), *start, *end});
    }
    return out;
}

} // namespace

Result<CapacityInput> readCapacityInput(Database &db, const CapacityReadOptions &options)
{
    CapacityInput input;
    input.firstDay = options.today;
    input.lastDay = options.today.addDays(std::max(0, options.horizonDays));

    auto planning = readPlanningData(db, options.today.addDays(-2));
    if (!planning)
        return planning.error();
    input.occurrences = plannedOccurrences(*planning, options, input.lastDay);
    input.holidays = planning->holidays;

    auto techs = db.run(QStringLiteral("SELECT %1 FROM technicians t WHERE t.active = ? ORDER BY t.id").arg(rows::technicianColumns()), {true});
    if (!techs)
        return techs.error();
    QHash<QString, qsizetype> index;
    while (techs->next()) {
        const Technician t = rows::readTechnician(*techs);
        index.insert(t.id, input.technicians.size());
        input.technicians.push_back({t.id, t.territoryId, {}, t.timeZone, scheduling::ShiftPattern::fromTechnician(t)});
    }
    techs->finish();

    auto skills = db.run(QStringLiteral("SELECT technician_id, skill_code FROM technician_skills"));
    if (!skills)
        return skills.error();
    while (skills->next())
        if (const auto it = index.constFind(skills->value(0).toString()); it != index.constEnd())
            input.technicians[*it].skills << skills->value(1).toString();
    skills->finish();

    // A day of margin either side: technicians' zones run up to a day from UTC.
    const QDateTime from(options.today.addDays(-1), QTime(0, 0), QTimeZone::utc());
    const QDateTime to(input.lastDay.addDays(3), QTime(0, 0), QTimeZone::utc());
    auto absences = readSpans(db, QStringLiteral("SELECT technician_id, start_at, end_at FROM absences WHERE start_at < ? AND end_at > ?"), from, to);
    if (!absences)
        return absences.error();
    input.absences = std::move(*absences);
    auto booked = readSpans(db, QStringLiteral("SELECT technician_id, start_at, end_at FROM appointments "
                                               "WHERE status <> 'cancelled' AND start_at < ? AND end_at > ?"),
                            from, to);
    if (!booked)
        return booked.error();
    input.booked = std::move(*booked);

    auto territories = db.run(QStringLiteral("SELECT id, name FROM territories"));
    if (!territories)
        return territories.error();
    while (territories->next())
        input.territoryNames.insert(territories->value(0).toString(), territories->value(1).toString());
    return input;
}

} // namespace fieldops::planning
