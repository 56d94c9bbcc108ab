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
    generate.computeDeadlines = false; // the preview counts days and hours, not deadlines
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

// The SQL giving a timestamp column as UTC milliseconds. PostgreSQL's driver turns each
// timestamptz into a QDateTime by parsing its text, most of the time it takes to read the
// tens of thousands of bookings of a quarter; the server gives the number directly.
QString millisecondsOf(const Database &db, const QString &column)
{
    return db.isPostgres() ? QStringLiteral("(extract(epoch FROM %1) * 1000)::int8").arg(column) : column;
}

// A value of millisecondsOf(): a whole number on PostgreSQL (its driver may hand it over
// as text), the stored timestamp on SQLite.
std::optional<qint64> msFromColumn(const Database &db, const QVariant &v)
{
    if (!db.isPostgres())
        return timefmt::msFromSql(v);
    bool ok = false;
    const qint64 ms = v.toLongLong(&ok);
    return ok ? std::optional<qint64>(ms) : std::nullopt;
}

// Busy spans (technician, start, end) of `table` rows matching `where` and overlapping [from, to).
Result<QVector<CapacitySpan>> readSpans(Database &db, const QString &table, const QString &where, const QDateTime &from, const QDateTime &to)
{
    auto q = db.run(QStringLiteral("SELECT technician_id, %1, %2 FROM %3 WHERE %4start_at < ? AND end_at > ?")
                        .arg(millisecondsOf(db, QStringLiteral("start_at")), millisecondsOf(db, QStringLiteral("end_at")), table, where),
                    {timefmt::toSql(to), timefmt::toSql(from)});
    if (!q)
        return q.error();
    QVector<CapacitySpan> out;
    while (q->next()) {
        const auto start = msFromColumn(db, q->value(1));
        const auto end = msFromColumn(db, q->value(2));
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
    auto absences = readSpans(db, QStringLiteral("absences"), QString(), from, to);
    if (!absences)
        return absences.error();
    input.absences = std::move(*absences);
    auto booked = readSpans(db, QStringLiteral("appointments"), QStringLiteral("status <> 'cancelled' AND "), from, to);
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
