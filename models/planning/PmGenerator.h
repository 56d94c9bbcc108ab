#pragma once
// Preventive work orders from maintenance plans: for every plan, the occurrences due from
// today to today + horizon (+ the plan's lead days) become one open preventive work order
// each (the plan's task as summary, its asset and the asset's site, the contract, the
// plan's skills and duration, the SLA from the contract counted from the visit's start).
// Each work order records the plan and occurrence it stands for, so generating again
// creates nothing and an occurrence whose work order was cancelled is not created again.
// An occurrence on a holiday of the contract's calendar (its holiday territory, else the
// site's territory) moves to the contract's next covered day, or is
// skipped when that day is past the contract's end; occurrences before the contract
// starts are skipped. Everything is written in one transaction, or nothing.
// The planner may move single occurrences to another day (dueOverrides, e.g. the moves of
// the capacity levelling): the work order is then due that day instead; a day the contract
// does not allow is refused as invalid input rather than generated or dropped.
#include "planning/PmPlanReader.h"
#include "planning/PmRecurrence.h"
#include "util/Result.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace fieldops {
class Database;
}

namespace fieldops::planning {

// Why an occurrence was skipped: machine-readable codes, part of generate-pm's JSON.
namespace skip {
inline QString holiday() { return QStringLiteral("holiday"); }                 // moved past the contract's end
inline QString cancelled() { return QStringLiteral("cancelled"); }             // its work order was cancelled
inline QString beforeContract() { return QStringLiteral("before_contract"); }  // before the contract starts
inline QString afterContract() { return QStringLiteral("after_contract"); }    // a due override past the contract's end
inline QString noSite() { return QStringLiteral("no_site"); }                  // the plan names no asset with a site
inline QString invalidPlan() { return QStringLiteral("invalid_plan"); }        // its recurrence, months or start cannot be read
} // namespace skip

// The series a plan row describes (its rule, season, preferred start, the contract's end,
// the site's zone), or why it has none.
std::optional<PmSeries> seriesOf(const PmPlanRow &p, QString &why);

// One occurrence the planner moved: its work order is due on `due` instead of the day the
// plan's rule (or a holiday) gives. `occurrence` is the rule's day, which identifies it.
struct PmDueOverride {
    QString planId;
    QDate occurrence;
    QDate due;
};

struct PmGenerateOptions {
    QDateTime now;             // creation time of the work orders
    std::optional<QDate> today; // the first day of the horizon; default: today in each site's zone
    int horizonDays = 0;
    bool dryRun = false;
    // Occurrences the planner moved (capacity levelling): generated on `due` instead. The
    // window and the SLA count from that day; the work order keeps the rule's day as its
    // occurrence (pm_due), so generating again still creates nothing. A day that is a
    // holiday of the contract's calendar or outside the contract is refused (run() fails
    // as invalid input, nothing written); an override of an occurrence that is not
    // generated this time (already generated, cancelled, outside the horizon) is unused.
    QVector<PmDueOverride> dueOverrides;
    // false: leave the work orders' window and deadlines empty (a read that only needs the
    // days, like the capacity preview, skips the contract clock's arithmetic).
    bool computeDeadlines = true;
};

struct PmNewWorkOrder {
    QString id; // assigned just before writing
    QString planId;
    QString assetId;
    QString siteId;
    QString contractId;
    QString summary;
    QString description;
    QStringList skills;
    int durationMin = 0;
    QDate occurrence; // the rule's day, the key against generating twice
    QDate due;        // the day the visit is due (a holiday moves it)
    QDateTime windowStart;
    QDateTime windowEnd;
    QDateTime slaDue;      // the contract's resolution deadline for priority 3, else its response deadline
    QDateTime responseDue; // the response deadline
};

struct PmSkipped {
    QString planId;
    QDate due;
    QString why; // one of skip::…
    QString detail; // for people: what exactly was wrong
};

struct PmGenerateReport {
    QVector<PmNewWorkOrder> created; // with ids; written unless dry run
    QVector<PmSkipped> skipped;
    // Due overrides onto a day the contract does not allow (`due` is the override's day,
    // `why` one of skip::holiday(), beforeContract(), afterContract()); run() refuses the
    // whole run when there is any.
    QVector<PmSkipped> refusedOverrides;
    QDateTime createdAt; // the created work orders' creation time (whole seconds, UTC)
};

class PmGenerator {
public:
    explicit PmGenerator(Database &db) : m_db(db) {}

    // Reads, plans and (unless dry run) writes; a work-order id taken meanwhile by
    // another console is retried with fresh ids.
    Result<PmGenerateReport> run(const PmGenerateOptions &options);

    // The work orders and skips the data gives, without ids: no database involved.
    static PmGenerateReport plan(const PmPlanningData &data, const PmGenerateOptions &options);

private:
    Database &m_db;
};

} // namespace fieldops::planning
