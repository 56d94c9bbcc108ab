#pragma once
// Reads what the KPI formulas need for one period, and nothing more: the work orders
// that can be closed, rated or due in it (with their whole appointment history), the
// visits, completions, ratings and time entries inside it, technicians and absences.
#include "kpi/KpiInputs.h"
#include "util/Result.h"

#include <QDate>
#include <QTimeZone>

namespace fieldops {
class Database;
}

namespace fieldops::kpi {

struct KpiPeriod {
    QDate from;
    QDate to; // inclusive
    QTimeZone zone = QTimeZone::utc();
    qint64 fromMs() const;
    qint64 toMs() const; // to + 1 day, 00:00 local
    int calendarDays() const { return int(from.daysTo(to)) + 1; }
};

Result<KpiInputs> loadKpiInputs(Database &db, const KpiPeriod &period);

} // namespace fieldops::kpi
