#include "planning/PmGenerator.h"

#include "planning/BusinessHoursClock.h"
#include "planning/PmRecurrence.h"
#include "planning/PmWorkOrderWriter.h"
#include "storage/Database.h"
#include "storage/SequentialIds.h"
#include "util/TimeFormat.h"
#include "workorders/SlaPolicy.h"
#include "workorders/WorkOrderIntake.h"

#include <QCoreApplication>
#include <algorithm>

namespace fieldops::planning {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PmGenerator)
};

// Preventive work is planned, not urgent: the normal priority's default when the
// contract sets no response time.
constexpr int kPreventivePriority = 3;

// plan → occurrence → the day the planner moved it to.
using DueOverrides = QHash<QString, QHash<QDate, QDate>>;

DueOverrides indexOverrides(const QVector<PmDueOverride> &overrides)
{
    DueOverrides index;
    for (const PmDueOverride &o : overrides)
        index[o.planId].insert(o.occurrence, o.due);
    return index;
}

// Why the contract does not allow a work order of the plan on `day` (the holidays of its
// calendar, its start and end), or nothing when it does.
std::optional<PmSkipped> refusalOf(const PmPlanRow &p, const QDate &day, const QSet<QDate> &holidays)
{
    const QString dayText = day.toString(Qt::ISODate);
    if (!day.isValid())
        return PmSkipped{p.id, day, skip::invalidPlan(), Text::tr("due override of plan %1: the day is not a date").arg(p.id)};
    if (holidays.contains(day))
        return PmSkipped{p.id, day, skip::holiday(),
                         Text::tr("due override of plan %1 onto %2: a holiday of territory %3, the calendar of contract %4")
                             .arg(p.id, dayText, p.calendarTerritoryId, p.contractId)};
    if (p.contractStarts.isValid() && day < p.contractStarts)
        return PmSkipped{p.id, day, skip::beforeContract(),
                         Text::tr("due override of plan %1 onto %2: contract %3 starts on %4")
                             .arg(p.id, dayText, p.contractId, p.contractStarts.toString(Qt::ISODate))};
    if (p.contractEnds.isValid() && day > p.contractEnds)
        return PmSkipped{p.id, day, skip::afterContract(),
                         Text::tr("due override of plan %1 onto %2: contract %3 ends on %4")
                             .arg(p.id, dayText, p.contractId, p.contractEnds.toString(Qt::ISODate))};
    return std::nullopt;
}

} // namespace

namespace {

// What many plans share, worked out once per run: a zone from its IANA id (Qt reads the
// zone's rules each time one is made), and a recurrence rule from its text.
class SeriesParts {
public:
    const QTimeZone &zone(const QString &id)
    {
        auto it = m_zones.find(id);
        if (it == m_zones.end()) {
            const QTimeZone zone(id.toUtf8());
            it = m_zones.insert(id, zone.isValid() ? zone : QTimeZone::utc());
        }
        return *it;
    }
    std::optional<PmRule> rule(const QString &text, QString *reason)
    {
        auto it = m_rules.find(text);
        if (it == m_rules.end()) {
            QString why;
            it = m_rules.insert(text, {PmRule::parse(text, &why), why});
        }
        *reason = it->second;
        return it->first;
    }

private:
    QHash<QString, QTimeZone> m_zones;
    QHash<QString, std::pair<std::optional<PmRule>, QString>> m_rules;
};

std::optional<PmSeries> seriesWith(const PmPlanRow &p, QString &why, SeriesParts &parts);

} // namespace

std::optional<PmSeries> seriesOf(const PmPlanRow &p, QString &why)
{
    SeriesParts parts;
    return seriesWith(p, why, parts);
}

namespace {

std::optional<PmSeries> seriesWith(const PmPlanRow &p, QString &why, SeriesParts &parts)
{
    PmSeries s;
    if (p.recurrence.trimmed().isEmpty()) {
        if (p.intervalDays < 1) {
            why = Text::tr("interval_days %1 is not positive").arg(p.intervalDays);
            return std::nullopt;
        }
        s.rule = PmRule::everyDays(p.intervalDays);
    } else {
        QString reason;
        auto rule = parts.rule(p.recurrence, &reason);
        if (!rule) {
            why = Text::tr("recurrence \"%1\": %2").arg(p.recurrence, reason);
            return std::nullopt;
        }
        s.rule = *rule;
    }
    QString reason;
    auto months = recurrence::parseMonths(p.seasonalMonths, &reason);
    if (!months) {
        why = Text::tr("seasonal_months: %1").arg(reason);
        return std::nullopt;
    }
    s.seasonalMonths = *months;
    if (!p.preferredStart.isEmpty()) {
        auto start = timefmt::parseClock(p.preferredStart);
        if (!start) {
            why = Text::tr("preferred_start \"%1\" is not HH:MM").arg(p.preferredStart);
            return std::nullopt;
        }
        s.preferredStart = *start;
    }
    if (!p.nextDue.isValid()) {
        why = Text::tr("next_due is not a date");
        return std::nullopt;
    }
    s.start = p.nextDue;
    s.endsOn = p.contractEnds;
    s.shiftOnMiss = p.shiftOnMiss;
    s.zone = parts.zone(p.timeZone);
    return s;
}

} // namespace

PmGenerateReport PmGenerator::plan(const PmPlanningData &data, const PmGenerateOptions &options)
{
    PmGenerateReport report;
    const DueOverrides overrides = indexOverrides(options.dueOverrides);
    SeriesParts parts;
    for (const PmPlanRow &p : data.plans) {
        QString why;
        const std::optional<PmSeries> series = seriesWith(p, why, parts);
        if (!series) {
            report.skipped.push_back({p.id, p.nextDue, skip::invalidPlan(), why});
            continue;
        }
        const QDate today = options.today ? *options.today
                                          : options.now.toTimeZone(series->zone).date();
        const QDate until = today.addDays(qint64(options.horizonDays) + std::max(0, p.leadDays));
        // Only the days: the preferred start is applied below, where it is needed (each
        // start is a time-zone conversion, tens of thousands of them in a large run).
        PmSeries days = *series;
        days.preferredStart.reset();
        const QVector<PmOccurrence> due = recurrence::occurrences(days, today, until, data.lastGenerated.value(p.id));
        if (due.isEmpty())
            continue;
        if (p.siteId.isEmpty()) {
            for (const PmOccurrence &o : due)
                report.skipped.push_back({p.id, o.due, skip::noSite(), Text::tr("the plan's asset has no site")});
            continue;
        }
        // The contract's clock: its covered days and hours, in the site's zone, stopping on
        // the holidays of its calendar (its own territory's, else the site's).
        const auto holidaysIt = data.holidays.constFind(p.calendarTerritoryId);
        workorders::SlaPlace place;
        place.zone = series->zone;
        place.holidays.territoryId = p.calendarTerritoryId;
        if (!p.calendarTerritoryId.isEmpty() && holidaysIt != data.holidays.constEnd())
            place.holidays.days = *holidaysIt;
        const QSet<QDate> &holidays = place.holidays.days;
        const BusinessHoursClock clock = workorders::SlaPolicy::clockOf(p.terms, place);
        const QHash<QDate, QString> generated = data.generated.value(p.id);
        const QHash<QDate, QDate> moved = overrides.value(p.id);
        for (const PmOccurrence &o : due) {
            if (const auto it = generated.constFind(o.due); it != generated.constEnd()) {
                if (*it == QLatin1String("cancelled"))
                    report.skipped.push_back({p.id, o.due, skip::cancelled(), Text::tr("its work order was cancelled")});
                continue;
            }
            if (p.contractStarts.isValid() && o.due < p.contractStarts) {
                report.skipped.push_back({p.id, o.due, skip::beforeContract(),
                                          Text::tr("contract %1 starts on %2").arg(p.contractId, p.contractStarts.toString(Qt::ISODate))});
                continue;
            }
            QDate day = o.due;
            if (const auto to = moved.constFind(o.due); to != moved.constEnd()) {
                // The planner chose the day: it replaces the holiday rule, never the contract.
                if (auto refused = refusalOf(p, *to, holidays)) {
                    report.refusedOverrides.push_back(*refused);
                    continue;
                }
                day = *to;
            } else if (holidays.contains(day)) {
                day = clock.nextWorkingDay(day);
                if (!day.isValid() || (p.contractEnds.isValid() && day > p.contractEnds)) {
                    report.skipped.push_back({p.id, o.due, skip::holiday(),
                                              Text::tr("a holiday, and contract %1 ends before the next working day").arg(p.contractId)});
                    continue;
                }
            }
            PmNewWorkOrder w;
            w.planId = p.id;
            w.assetId = p.assetId;
            w.siteId = p.siteId;
            w.contractId = p.contractId;
            w.summary = p.task;
            w.description = Text::tr("Preventive maintenance plan %1, occurrence of %2").arg(p.id, o.due.toString(Qt::ISODate));
            w.skills = p.skills;
            w.durationMin = p.durationMin;
            w.occurrence = o.due;
            w.due = day;
            if (options.computeDeadlines) {
                const QDateTime dayStart = recurrence::localStart(day, QTime(0, 0), series->zone);
                if (series->preferredStart) {
                    w.windowStart = recurrence::localStart(day, *series->preferredStart, series->zone);
                    w.windowEnd = recurrence::localStart(day.addDays(1), QTime(0, 0), series->zone);
                }
                const QDateTime from = w.windowStart.isValid() ? w.windowStart : dayStart;
                // The intake's rule, counted from the visit's start rather than from creation.
                const workorders::SlaQuote quote = workorders::SlaPolicy::quote(from, kPreventivePriority, p.terms, place);
                w.slaDue = quote.due;
                w.responseDue = quote.responseDue;
            }
            report.created.push_back(w);
        }
    }
    return report;
}

Result<PmGenerateReport> PmGenerator::run(const PmGenerateOptions &options)
{
    const QDate earliest = (options.today ? *options.today : options.now.toUTC().date()).addDays(-2);
    const QDateTime createdAt = QDateTime::fromSecsSinceEpoch(options.now.toSecsSinceEpoch(), QTimeZone::utc());
    for (int attempt = 0;; ++attempt) {
        std::optional<Transaction> tx;
        if (!options.dryRun) {
            tx.emplace(m_db);
            if (!tx->status())
                return tx->status().error();
        }
        auto data = readPlanningData(m_db, earliest);
        if (!data)
            return data.error();
        PmGenerateReport report = plan(*data, options);
        report.createdAt = createdAt;
        if (!report.refusedOverrides.isEmpty())
            return Error::invalid(report.refusedOverrides.front().detail);
        if (!report.created.isEmpty()) {
            auto next = workorders::WorkOrderIntake(m_db).nextId();
            if (!next)
                return next.error();
            qlonglong n = sequentialNumber(QStringLiteral("WO"), *next);
            for (PmNewWorkOrder &w : report.created)
                w.id = sequentialId(QStringLiteral("WO"), n++);
        }
        if (options.dryRun || report.created.isEmpty())
            return report;
        Status written = writePreventiveWorkOrders(m_db, report.created, createdAt);
        if (written)
            written = tx->commit();
        if (written)
            return report;
        // Another console took one of the ids (or generated the same occurrence) between
        // the read and the write: read again and let the next attempt see its rows.
        if (written.error().kind != Error::Kind::Invalid || attempt >= 2)
            return written.error();
    }
}

} // namespace fieldops::planning
