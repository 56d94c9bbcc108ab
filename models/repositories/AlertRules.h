#pragma once
// The alerts' thresholds, kept in the database (alert_thresholds, one row) so every console
// raises the same alerts and the KPIs count an arrival "on time" with the same grace as the
// late-arrival alert. The fields, their ranges and labels live here once, for the
// repository, the KPIs, the settings form and its validation alike.
#include "records/RecordEdit.h"
#include "util/Result.h"

#include <vector>

namespace fieldops {
class Database;

struct AlertRules {
    int slaHorizonHours = 4;      // "due soon" means due within this many hours
    int lateGraceMinutes = 15;    // on-time grace: the late-arrival alert and the KPIs' on-time rate
    int lookbackHours = 24;       // older missed starts, overruns and silences are history, not alerts
    int overrunGraceMinutes = 15; // a visit on site this long past its planned length is overrunning
    int silentMinutes = 30;       // a technician on shift without a position this long
    int unresolvedDays = 7;       // an unresolved visit with nothing booked after it, this recent
    int version = 1;              // of the row, for the editor's versioned write
    bool operator==(const AlertRules &o) const = default;
};

struct AlertRuleField {
    const char *column;      // alert_thresholds' column
    const char *label;       // translated in the "AlertRules" context
    const char *unit;        // likewise: "h", "min", "days"
    int min, max;            // the schema's CHECK agrees
    int AlertRules::*member;
};
const std::vector<AlertRuleField> &alertRuleFields();
QString alertRuleLabel(const AlertRuleField &f);
QString alertRuleUnit(const AlertRuleField &f);

// "column: reason" for the first value out of its range; empty when all are valid.
QString checkAlertRules(const AlertRules &rules);

Result<AlertRules> loadAlertRules(Database &db);
// The edit that turns `before` into `after` (the changed thresholds only), at before.version.
records::RecordEdits alertRulesEdit(const AlertRules &before, const AlertRules &after);

} // namespace fieldops
