#pragma once
// What generating preventive work orders reads, in a few set-wide queries rather than
// one per plan: every maintenance plan with its contract's terms and its asset's site,
// the plans' skills, the holidays of every territory, and the occurrences already
// turned into work orders.
#include "util/Result.h"
#include "workorders/SlaPolicy.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace fieldops {
class Database;
}

namespace fieldops::planning {

struct PmPlanRow {
    QString id;
    QString contractId;
    QString assetId;    // empty: the plan names no asset
    QString siteId;     // the asset's site; empty without an asset
    QString timeZone;   // the site's
    QString territoryId; // the site's; empty: no holidays
    QString task;
    int intervalDays = 0;
    int durationMin = 0;
    QDate nextDue;
    QString recurrence; // '' : every intervalDays from nextDue
    QString preferredStart; // HH:MM or empty
    int leadDays = 0;
    bool shiftOnMiss = false;
    QString seasonalMonths;
    QStringList skills;
    QDate contractStarts;
    QDate contractEnds;
    std::optional<int> responseHours;
    QString coverage; // '24x7' or 'business_hours'
    // The contract's SLA terms in full (per-priority hours, covered days and hours, its
    // holiday calendar); `responseHours` and `coverage` above are their old columns.
    workorders::SlaContractTerms terms;
    // The holiday calendar the contract's clock stops on at this site: the contract's
    // holiday_territory_id, else the site's territory; empty: none.
    QString calendarTerritoryId;
};

struct PmPlanningData {
    QVector<PmPlanRow> plans; // by id
    QHash<QString, QSet<QDate>> holidays; // territory → days
    // plan → occurrence day → status of the work order generated for it
    QHash<QString, QHash<QDate, QString>> generated;
    QHash<QString, QDate> lastGenerated; // plan → latest occurrence generated
};

// `since`: older generated occurrences are only needed for lastGenerated.
Result<PmPlanningData> readPlanningData(Database &db, const QDate &since);

} // namespace fieldops::planning
