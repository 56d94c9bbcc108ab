#include "dayplan/DayPlanWriter.h"

#include "commands/AssignWorkOrderCommand.h"
#include "dayplan/MoveOrder.h"
#include "repositories/AppointmentWriter.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace fieldops::dayplan {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DayPlanWriter)
};

Error stale(const QString &message) { return {Error::Kind::StaleVersion, message, {}}; }
} // namespace

Status checkNothingWrittenSince(Database &db, qint64 expectedChangeSeq, const QString &refusal)
{
    auto seq = db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"));
    if (!seq)
        return seq.error();
    if (seq->toLongLong() != expectedChangeSeq)
        return stale(refusal);
    return {};
}

Result<QString> bookNewVisit(AppointmentWriter &writer, const QString &workOrderId, const QString &technicianId, const QDateTime &start,
                             const QDateTime &end, const QString &notOpen)
{
    const Appointment a = AssignWorkOrderCommand::newVisit(workOrderId, technicianId, start, end);
    if (Status s = writer.insert(a); !s)
        return s.error();
    auto changed = writer.transitionWorkOrder(a.workOrderId, QStringLiteral("open"), QStringLiteral("scheduled"));
    if (!changed)
        return changed.error();
    if (!*changed)
        return stale(notOpen.arg(a.workOrderId));
    return a.id;
}

Result<QStringList> writeDayPlan(Database &db, const DayPlan &plan, qint64 expectedChangeSeq)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    // Inside the write transaction: nobody can slip a change in between this check and the commit
    // on SQLite (BEGIN IMMEDIATE); on PostgreSQL the database's own double-booking guard and the
    // open-to-scheduled transition below still refuse what a concurrent write would break.
    if (Status s = checkNothingWrittenSince(db, expectedChangeSeq,
                                            Text::tr("the schedule changed while the day was planned; nothing was written, plan again"));
        !s)
        return s.error();
    AppointmentWriter writer(db);
    // A re-plan's moves first (in an order that never double-books on the way), so the new
    // visits land on a day whose booked visits are where the plan put them.
    for (const VisitMove &m : writeOrder(plan.moves)) {
        auto current = writer.fetch(m.appointmentId);
        if (!current)
            return current.error();
        if (auto v = writer.setInterval(m.appointmentId, current->version, m.toTechnicianId, m.start, m.end); !v)
            return v.error();
    }
    QStringList ids;
    for (const PlannedVisit &v : plan.visits) {
        auto id = bookNewVisit(writer, v.workOrderId, v.technicianId, v.start, v.end,
                               Text::tr("work order %1 is no longer open; nothing was written, plan again"));
        if (!id)
            return id.error();
        ids << *id;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return ids;
}

} // namespace fieldops::dayplan
