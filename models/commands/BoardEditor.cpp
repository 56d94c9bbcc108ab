#include "commands/BoardEditor.h"

#include "board/BoardModel.h"
#include "commands/AssignWorkOrderCommand.h"
#include "commands/ChangeAppointmentStatusCommand.h"
#include "commands/LockAppointmentsCommand.h"
#include "commands/UnassignAppointmentsCommand.h"
#include "document/ScheduleDocument.h"

#include <QSet>

namespace fieldops {

BoardEditor::BoardEditor(Database *db, ScheduleDocument *document, board::BoardModel *model, QObject *parent)
    : QObject(parent), m_db(db), m_document(document), m_model(model)
{
    connect(document, &ScheduleDocument::appointmentsWritten, this, &BoardEditor::refresh);
    connect(document, &ScheduleDocument::editRefused, this, [this](const Error &error, const QStringList &ids) {
        if (m_pushing)
            m_refusal = error;
        refresh(ids);
        emit problem(error.message);
    });
}

void BoardEditor::refresh(const QStringList &appointmentIds)
{
    if (Status s = m_model->refreshAppointments(*m_db, appointmentIds); !s)
        emit problem(s.error().message);
}

Status BoardEditor::push(ScheduleEditCommand *command)
{
    m_refusal.reset();
    m_pushing = true;
    m_document->push(command); // runs redo(); a refused command deletes itself
    m_pushing = false;
    if (m_refusal)
        return *m_refusal;
    return {};
}

Status BoardEditor::assign(const QString &workOrderId, const QString &technicianId, const QDateTime &start,
                           const QDateTime &end)
{
    Appointment a;
    a.id = AssignWorkOrderCommand::newAppointmentId();
    a.workOrderId = workOrderId;
    a.technicianId = technicianId;
    a.start = start.toUTC();
    a.end = end.toUTC();
    a.status = QStringLiteral("scheduled");
    Status s = push(new AssignWorkOrderCommand(target(), a));
    if (s)
        emit assigned(a.id);
    return s;
}

Status BoardEditor::setIntervals(std::vector<IntervalEdit> edits, SetIntervalCommand::Kind kind)
{
    if (edits.empty())
        return {};
    for (const IntervalEdit &e : edits)
        saw(e.ref.id, e.ref.version);
    return push(new SetIntervalCommand(target(), std::move(edits), kind));
}

Status BoardEditor::unassign(const QStringList &appointmentIds)
{
    std::vector<UnassignEntry> entries;
    for (const QString &id : appointmentIds) {
        const board::BoardItem *b = m_model->item(id);
        if (!b || b->isCancelled())
            continue;
        entries.push_back({{id, b->appointment.version}, b->appointment.workOrderId, b->appointment.status, false});
        saw(id, b->appointment.version);
    }
    if (entries.empty())
        return {};
    return push(new UnassignAppointmentsCommand(target(), std::move(entries)));
}

Status BoardEditor::changeStatus(const QString &appointmentId, const QString &status)
{
    const board::BoardItem *b = m_model->item(appointmentId);
    if (!b || b->appointment.status == status)
        return {};
    saw(appointmentId, b->appointment.version);
    return push(new ChangeAppointmentStatusCommand(target(), {appointmentId, b->appointment.version},
                                                   b->appointment.status, status));
}

Status BoardEditor::setLocked(const QStringList &appointmentIds, bool locked)
{
    std::vector<AppointmentRef> refs;
    for (const QString &id : appointmentIds) {
        const board::BoardItem *b = m_model->item(id);
        if (b && b->appointment.locked != locked)
        {
            refs.push_back({id, b->appointment.version});
            saw(id, b->appointment.version);
        }
    }
    if (refs.empty())
        return {};
    return push(new LockAppointmentsCommand(target(), std::move(refs), locked));
}

void BoardEditor::applyChanges(const ChangeList &changes)
{
    QSet<QString> appointments, workOrders;
    bool reload = false;
    for (const Change &c : changes) {
        if (c.entity == QLatin1String("appointments"))
            appointments.insert(c.entityId);
        else if (c.entity == QLatin1String("work_orders") || c.entity == QLatin1String("work_order_skills"))
            workOrders.insert(c.entityId);
        else if (c.entity == QLatin1String("technicians") || c.entity == QLatin1String("absences")
                 || c.entity == QLatin1String("technician_skills") || c.entity == QLatin1String("territories"))
            reload = true;
    }
    Status s;
    if (reload)
        s = m_model->load(*m_db, m_model->from(), m_model->to());
    else {
        s = m_model->refreshAppointments(*m_db, QStringList(appointments.begin(), appointments.end()));
        if (s)
            s = m_model->refreshWorkOrders(*m_db, QStringList(workOrders.begin(), workOrders.end()));
    }
    if (!s)
        emit problem(s.error().message);
}

} // namespace fieldops
