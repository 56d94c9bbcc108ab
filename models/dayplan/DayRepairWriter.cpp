#include "dayplan/DayRepairWriter.h"

#include "commands/AssignWorkOrderCommand.h"
#include "repositories/AppointmentWriter.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>


namespace fieldops::dayplan {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DayRepairWriter)
};

Error stale(const QString &message) { return {Error::Kind::StaleVersion, message, {}}; }
} // namespace

Result<QStringList> writeDayRepair(Database &db, const RepairOption &option, const Absence &absence, qint64 expectedChangeSeq)
{
    const std::vector<RepairMove> moves = writeOrder(option);
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    auto seq = db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"));
    if (!seq)
        return seq.error();
    if (seq->toLongLong() != expectedChangeSeq)
        return stale(Text::tr("the schedule changed while the repair was worked out; nothing was written, repair again"));
    if (!absence.technicianId.isEmpty()) {
        if (auto q = db.run(QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES (?, ?, ?, ?)"),
                            {absence.technicianId, timefmt::toSql(absence.start), timefmt::toSql(absence.end), absence.reason});
            !q)
            return q.error();
    }
    AppointmentWriter writer(db);
    QStringList ids;
    for (const RepairMove &m : moves) {
        if (m.appointmentId.isEmpty()) {
            if (m.toTechnicianId.isEmpty())
                continue; // the job stays in the queue
            const Appointment a = AssignWorkOrderCommand::newVisit(m.workOrderId, m.toTechnicianId, m.start, m.end);
            if (Status s = writer.insert(a); !s)
                return s.error();
            auto changed = writer.transitionWorkOrder(a.workOrderId, QStringLiteral("open"), QStringLiteral("scheduled"));
            if (!changed)
                return changed.error();
            if (!*changed)
                return stale(Text::tr("work order %1 is no longer open; nothing was written, repair again").arg(a.workOrderId));
            ids << a.id;
            continue;
        }
        auto current = writer.fetch(m.appointmentId);
        if (!current)
            return current.error();
        if (m.toTechnicianId.isEmpty()) {
            if (auto v = writer.setStatus(m.appointmentId, current->version, QStringLiteral("cancelled")); !v)
                return v.error();
            auto others = writer.activeAppointmentCount(m.workOrderId);
            if (!others)
                return others.error();
            if (*others == 0) {
                if (auto changed = writer.transitionWorkOrder(m.workOrderId, QStringLiteral("scheduled"), QStringLiteral("open")); !changed)
                    return changed.error();
            }
            continue;
        }
        if (auto v = writer.setInterval(m.appointmentId, current->version, m.toTechnicianId, m.start, m.end); !v)
            return v.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return ids;
}

} // namespace fieldops::dayplan
