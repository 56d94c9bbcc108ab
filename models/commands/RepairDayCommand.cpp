#include "commands/RepairDayCommand.h"

#include "commands/AssignWorkOrderCommand.h"
#include "commands/BookDayPlanCommand.h"
#include "document/ScheduleDocument.h"
#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace fieldops {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RepairDayCommand)
};

Error stale(const QString &message) { return {Error::Kind::StaleVersion, message, {}}; }
} // namespace

RepairDayCommand::RepairDayCommand(const EditTarget &target, const QString &text, const dayplan::RepairOption &option,
                                   const Absence &absence, const std::vector<Appointment> &before, qint64 changeSeq)
    : ScheduleEditCommand(target, text), m_absence(absence), m_changeSeq(changeSeq)
{
    for (const dayplan::RepairMove &m : dayplan::writeOrder(option.moves)) {
        if (m.appointmentId.isEmpty() && m.toTechnicianId.isEmpty())
            continue; // a job left in the queue writes nothing
        Step step;
        step.move = m;
        if (m.appointmentId.isEmpty()) {
            const Appointment a = AssignWorkOrderCommand::newVisit(m.workOrderId, m.toTechnicianId, m.start, m.end);
            step.ref = {a.id, 1};
            step.before = a;
        } else {
            for (const Appointment &a : before)
                if (a.id == m.appointmentId)
                    step.before = a;
            step.ref = {m.appointmentId, step.before.version};
        }
        m_steps.push_back(step);
    }
}

void RepairDayCommand::committed()
{
    m_checkedFreshness = true;
    // The board shades absences: it reads the technician's again, as for an edit of the absence.
    if (!m_absence.technicianId.isEmpty() && document())
        document()->reportRecordsWritten(QStringLiteral("absences"), {m_absence.technicianId});
}

int RepairDayCommand::id() const { return int(UndoCommandId::RepairDay); }

QStringList RepairDayCommand::appointmentIds() const
{
    QStringList ids;
    for (const Step &s : m_steps)
        ids << s.ref.id;
    return ids;
}

int RepairDayCommand::versionBefore(const Step &s, const QHash<QString, int> &written) const
{
    return written.value(s.ref.id, expectedVersion(s.ref));
}

Status RepairDayCommand::apply(bool forward) { return forward ? this->forward() : backward(); }

Status RepairDayCommand::forward()
{
    if (!m_checkedFreshness) {
        if (Status s = BookDayPlanCommand::checkUnchangedSince(
                db(), m_changeSeq, Text::tr("The schedule changed since the repair was worked out: nothing was written."));
            !s)
            return s;
    }
    if (!m_absence.technicianId.isEmpty()) {
        auto q = db().run(QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES (?, ?, ?, ?) RETURNING id"),
                          {m_absence.technicianId, timefmt::toSql(m_absence.start), timefmt::toSql(m_absence.end), m_absence.reason});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::other(Text::tr("The absence was not recorded."));
        m_absenceRow = q->value(0).toLongLong();
        q->finish();
    }
    AppointmentWriter w(db());
    QHash<QString, int> written; // a parked visit is written twice in one pass
    for (Step &s : m_steps) {
        const dayplan::RepairMove &m = s.move;
        if (m.appointmentId.isEmpty()) {
            Appointment a = s.before;
            a.version = 1;
            if (Status st = w.insert(a); !st)
                return st;
            wrote(s.ref, 1);
            auto changed = w.transitionWorkOrder(a.workOrderId, QStringLiteral("open"), QStringLiteral("scheduled"));
            if (!changed)
                return changed.error();
            if (!*changed && !m_checkedFreshness)
                return stale(Text::tr("Work order %1 is no longer open: nothing was written.").arg(a.workOrderId));
            s.scheduled = *changed;
        } else if (m.toTechnicianId.isEmpty()) {
            auto v = w.setStatus(s.ref.id, expectedVersion(s.ref), QStringLiteral("cancelled"));
            if (!v)
                return v.error();
            wrote(s.ref, *v);
            auto others = w.activeAppointmentCount(m.workOrderId);
            if (!others)
                return others.error();
            s.reopened = false;
            if (*others == 0) {
                auto changed = w.transitionWorkOrder(m.workOrderId, QStringLiteral("scheduled"), QStringLiteral("open"));
                if (!changed)
                    return changed.error();
                s.reopened = *changed;
            }
        } else {
            auto v = w.setInterval(s.ref.id, versionBefore(s, written), m.toTechnicianId, m.start, m.end);
            if (!v)
                return v.error();
            wrote(s.ref, *v);
            written.insert(s.ref.id, *v);
        }
    }
    return {};
}

Status RepairDayCommand::backward()
{
    AppointmentWriter w(db());
    QHash<QString, int> written;
    for (size_t i = m_steps.size(); i-- > 0;) {
        Step &s = m_steps[i];
        const dayplan::RepairMove &m = s.move;
        if (m.appointmentId.isEmpty()) {
            if (Status st = w.remove(s.ref.id, expectedVersion(s.ref)); !st)
                return st;
            if (s.scheduled) {
                if (auto changed = w.transitionWorkOrder(m.workOrderId, QStringLiteral("scheduled"), QStringLiteral("open")); !changed)
                    return changed.error();
            }
        } else if (m.toTechnicianId.isEmpty()) {
            auto v = w.setStatus(s.ref.id, expectedVersion(s.ref), s.before.status);
            if (!v)
                return v.error();
            wrote(s.ref, *v);
            if (s.reopened) {
                if (auto changed = w.transitionWorkOrder(m.workOrderId, QStringLiteral("open"), QStringLiteral("scheduled")); !changed)
                    return changed.error();
            }
        } else {
            // The step's own starting place: a parked visit's last step started from the parking.
            auto v = w.setInterval(s.ref.id, versionBefore(s, written), m.fromTechnicianId, m.fromStart, m.fromEnd);
            if (!v)
                return v.error();
            wrote(s.ref, *v);
            written.insert(s.ref.id, *v);
        }
    }
    if (m_absenceRow > 0) {
        if (auto q = db().run(QStringLiteral("DELETE FROM absences WHERE id = ?"), {m_absenceRow}); !q)
            return q.error();
        m_absenceRow = 0;
    }
    return {};
}

} // namespace fieldops
