#include "kpi/KpiLoader.h"

#include "repositories/AlertRules.h"

#include "kpi/KpiParallelLoad.h"
#include "kpi/KpiReadParts.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QDateTime>

namespace fieldops::kpi {

qint64 KpiPeriod::fromMs() const { return QDateTime(from, QTime(0, 0), zone).toMSecsSinceEpoch(); }
qint64 KpiPeriod::toMs() const { return QDateTime(to.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(); }

namespace {

QString iso(qint64 ms) { return timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)); }

// Work orders any formula may touch in the period (a sub-select with 8 parameters): due,
// completed (closing visits and completions), visited or rated in it. Plain range
// conditions, so each branch is one index range scan.
const QString kScopeSql = QStringLiteral(
    "SELECT id FROM work_orders WHERE sla_due >= ? AND sla_due < ? "
    "UNION ALL SELECT work_order_id FROM appointments WHERE completed_at >= ? AND completed_at < ? "
    "UNION ALL SELECT work_order_id FROM appointments WHERE arrived_at >= ? AND arrived_at < ? "
    "UNION ALL SELECT work_order_id FROM ratings WHERE rated_at >= ? AND rated_at < ?");

// One connection, one statement for the whole scope: SQLite, and PostgreSQL inside a
// caller's transaction (whose snapshot a second connection cannot share).
Result<KpiInputs> loadOnOneConnection(Database &db, KpiInputs in, const detail::PeriodText &p)
{
    const detail::Instants t(db.isPostgres());
    detail::PhaseLog phase;
    if (Status s = detail::readTechnicians(db, in); !s)
        return s.error();
    phase("technicians", in.technicians.size());
    if (Status s = detail::readAbsences(db, t, p, in); !s)
        return s.error();
    phase("absences", in.absences.size());
    detail::WorkOrderIndex index;
    if (Status s = detail::readHistories(db, t, QStringLiteral("w.id IN (%1)").arg(kScopeSql),
                                         {p.from, p.to, p.from, p.to, p.from, p.to, p.from, p.to}, in, index);
        !s)
        return s.error();
    if (Status s = detail::readFollowUpChains(db, t, in, index); !s)
        return s.error();
    phase("work orders and appointments", in.appointments.size());
    if (Status s = detail::readRatings(db, t, p, in); !s)
        return s.error();
    detail::linkRatings(in, index);
    phase("ratings", in.ratings.size());
    if (Status s = detail::readTimeEntries(db, t, p, in); !s)
        return s.error();
    phase("time entries", in.timeEntries.size());
    return in;
}

} // namespace

Result<KpiInputs> loadKpiInputs(Database &db, const KpiPeriod &period)
{
    if (!period.from.isValid() || !period.to.isValid() || period.to < period.from)
        return Error::invalid(QObject::tr("the period must have a start date on or before its end date"));
    KpiInputs in;
    in.fromMs = period.fromMs();
    in.toMs = period.toMs();
    in.calendarDays = period.calendarDays();
    auto rules = loadAlertRules(db);
    if (!rules)
        return rules.error();
    in.onTimeGraceMs = qint64(rules->lateGraceMinutes) * 60'000;
    const detail::PeriodText p{iso(in.fromMs), iso(in.toMs)};
    if (db.isPostgres() && !db.inTransaction())
        return detail::loadInParallel(db, std::move(in), p);
    return loadOnOneConnection(db, std::move(in), p);
}

} // namespace fieldops::kpi
