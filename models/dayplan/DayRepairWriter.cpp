#include "dayplan/DayRepairWriter.h"

#include "dayplan/DayPlanWriter.h"
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
} // namespace

Result<QStringList> writeDayRepair(Database &db, const RepairOption &option, const Absence &absence, qint64 expectedChangeSeq)
{
    const std::vector<RepairMove> moves = writeOrder(option.moves);
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    if (Status s = checkNothingWrittenSince(db, expectedChangeSeq,
                                            Text::tr("the schedule changed while the repair was worked out; nothing was written, repair again"));
        !s)
        return s.error();
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
            auto id = bookNewVisit(writer, m.workOrderId, m.toTechnicianId, m.start, m.end,
                                   Text::tr("work order %1 is no longer open; nothing was written, repair again"));
            if (!id)
                return id.error();
            ids << *id;
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
