#pragma once
// The pieces of a KPI read that both dialects' loaders share (KpiLoader for SQLite and
// the single-connection case, KpiParallelLoad for PostgreSQL): how instants travel, a
// bulk select, one reader per table, and the work-order histories.
#include "kpi/KpiInputs.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>
#include <QVariantList>
#include <ctime>
#include <optional>

namespace fieldops {
class Database;
}

namespace fieldops::kpi::detail {

// Instants travel as integer ms on PostgreSQL: the driver would otherwise build a
// QDateTime per timestamp, the largest share of a big load. SQLite stores canonical UTC
// text, which timefmt::msFromSql reads digit by digit.
class Instants {
public:
    explicit Instants(bool postgres) : m_pg(postgres) {}
    QString column(const QString &name) const;
    std::optional<qint64> read(const QVariant &v) const;
    qint64 required(const QVariant &v) const { return read(v).value_or(0); }

private:
    bool m_pg;
};

// The period as the canonical text both dialects compare timestamps with.
struct PeriodText {
    QString from, to; // [from, to)
};

// Where a load's time goes, per read (the benchmark turns the category on). CPU time
// beside wall time: on a shared machine the wall clock also counts waiting for a core,
// and on PostgreSQL the server's work is in another process.
class PhaseLog {
public:
    PhaseLog();
    void operator()(const char *what, size_t rows);

private:
    QElapsedTimer m_clock;
    std::clock_t m_cpu;
};

// A bulk read: the whole result in one go (on PostgreSQL a forward-only query fetches
// row by row, one server message each, several times slower).
Result<QSqlQuery> bulkSelect(Database &db, const QString &sql, const QVariantList &binds = {});

Status readTechnicians(Database &db, KpiInputs &in);
Status readAbsences(Database &db, const Instants &t, const PeriodText &p, KpiInputs &in);
Status readRatings(Database &db, const Instants &t, const PeriodText &p, KpiInputs &in);
Status readTimeEntries(Database &db, const Instants &t, const PeriodText &p, KpiInputs &in);

// Work order id → its index in KpiInputs::workOrders.
using WorkOrderIndex = QHash<QString, int>;

// Work orders matching `where` (a condition on `w`, with its binds) and ALL their
// non-cancelled appointments, appended to `in` (with appointmentWorkOrder). Work orders
// already in `index` are not added again; read ones are added to it.
Status readHistories(Database &db, const Instants &t, const QString &where, const QVariantList &binds,
                     KpiInputs &in, WorkOrderIndex &index);
// The follow-up chains of the work orders read: sets each one's followUpOf, and reads
// (with readHistories) the originals and return visits of them not read yet, so a job
// and its return visits are judged together.
Status readFollowUpChains(Database &db, const Instants &t, KpiInputs &in, WorkOrderIndex &index);
// Fills ratingWorkOrder once the work orders are read.
void linkRatings(KpiInputs &in, const WorkOrderIndex &index);

} // namespace fieldops::kpi::detail
