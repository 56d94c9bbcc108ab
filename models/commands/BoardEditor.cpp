#include "commands/BoardEditor.h"

#include "board/BoardModel.h"
#include "commands/AssignWorkOrderCommand.h"
#include "commands/BookDayPlanCommand.h"
#include "commands/RepairDayCommand.h"
#include "commands/ChangeAppointmentStatusCommand.h"
#include "commands/LockAppointmentsCommand.h"
#include "commands/UnassignAppointmentsCommand.h"
#include "document/ScheduleDocument.h"
#include "scheduling/DurationHistory.h"
#include "session/QueryWorker.h"
#include "storage/Database.h"

#include <QSet>

namespace fieldops {

BoardEditor::BoardEditor(EditChannel channel, ScheduleDocument *document, board::BoardModel *model, QObject *parent)
    : QObject(parent), m_channel(std::move(channel)), m_document(document), m_model(model)
{
    connect(document, &ScheduleDocument::appointmentsWritten, this, &BoardEditor::refresh);
    connect(document, &ScheduleDocument::editRefused, this, [this](const Error &error, const QStringList &ids) {
        if (m_pushing)
            m_refusal = error;
        refresh(ids);
        emit problem(error.message);
    });
    // An absence this console wrote (a repair of the day, or its undo) changes the shading and
    // the rules of a whole row: read the horizon again, as for another console's absence.
    connect(document, &ScheduleDocument::recordsWritten, this, [this](const QString &table) {
        if (table == QLatin1String("absences") && m_requestedFrom.isValid())
            loadHorizon(m_requestedFrom, m_requestedTo);
    });
}

BoardEditor::~BoardEditor() = default;

void BoardEditor::setHorizonReader(std::unique_ptr<QueryWorker> reader)
{
    ++m_loadGeneration; // a read of the former reader no longer counts
    m_loadInFlight = false;
    m_reader = std::move(reader);
}

void BoardEditor::loadHorizon(const QDateTime &from, const QDateTime &to)
{
    m_requestedFrom = from;
    m_requestedTo = to;
    if (!m_reader) {
        auto horizon = m_channel.call<board::BoardHorizon>(
            [from, to](Database &db) { return board::BoardModel::readHorizon(db, from, to); });
        if (!horizon) {
            emit problem(horizon.error().message);
            return;
        }
        m_model->adopt(std::move(*horizon));
        emit horizonLoaded();
        return;
    }
    const quint64 generation = ++m_loadGeneration;
    m_loadInFlight = true;
    m_touchedDuringLoad.clear();
    m_workOrdersTouchedDuringLoad.clear();
    emit horizonLoading();
    m_reader->submit<board::BoardHorizon>(
        this, [from, to](Database &db) { return board::BoardModel::readHorizon(db, from, to); },
        [this, generation](Result<board::BoardHorizon> horizon) {
            if (generation != m_loadGeneration)
                return; // a newer horizon was asked for meanwhile
            m_loadInFlight = false;
            if (!horizon) {
                emit problem(horizon.error().message);
                return;
            }
            m_model->adopt(std::move(*horizon));
            // Rows written or changed by others while the read ran may be older in it.
            const QStringList appointments(m_touchedDuringLoad.begin(), m_touchedDuringLoad.end());
            const QStringList workOrders(m_workOrdersTouchedDuringLoad.begin(), m_workOrdersTouchedDuringLoad.end());
            m_touchedDuringLoad.clear();
            m_workOrdersTouchedDuringLoad.clear();
            if (Status s = reread(appointments, workOrders); !s)
                emit problem(s.error().message);
            emit horizonLoaded();
        });
}

void BoardEditor::refresh(const QStringList &appointmentIds)
{
    if (m_loadInFlight)
        m_touchedDuringLoad.unite(QSet<QString>(appointmentIds.begin(), appointmentIds.end()));
    if (Status s = reread(appointmentIds, {}); !s)
        emit problem(s.error().message);
}

Status BoardEditor::reread(const QStringList &appointmentIds, const QStringList &workOrderIds)
{
    if (!m_model->isLoaded() || (appointmentIds.isEmpty() && workOrderIds.isEmpty()))
        return {};
    QStringList ids = appointmentIds + m_model->appointmentsOfWorkOrders(workOrderIds);
    ids.removeDuplicates();
    const QDateTime from = m_model->from(), to = m_model->to();
    auto rows = m_channel.call<board::RowRefresh>([ids, workOrderIds, from, to](Database &db) {
        return board::BoardModel::readRows(db, ids, workOrderIds, from, to);
    });
    if (!rows)
        return rows.error();
    m_model->applyRows(std::move(*rows));
    return {};
}

Result<board::LoadedWorkOrder> BoardEditor::prepareWorkOrder(const QString &workOrderId)
{
    QStringList technicians;
    for (const auto &row : m_model->technicians())
        technicians << row.technician.id;
    auto wo = m_channel.call<board::LoadedWorkOrder>([workOrderId, technicians](Database &db) -> Result<board::LoadedWorkOrder> {
        auto loaded = board::BoardLoader(db).workOrder(workOrderId);
        if (!loaded)
            return loaded;
        // A new visit's default length: the prediction for its technician when history
        // allows one, else the work order's estimate.
        auto predicted = scheduling::predictWorkOrderDurations(db, workOrderId, technicians);
        if (!predicted)
            return predicted.error();
        for (auto it = predicted->cbegin(); it != predicted->cend(); ++it) {
            if (!it.key().isEmpty() && it->fromHistory)
                loaded->predictedMinutes.insert(it.key(), it->minutes);
        }
        return loaded;
    });
    if (wo)
        m_model->knowWorkOrder(*wo);
    return wo;
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
    if (Status s = takesNewWork(technicianId); !s)
        return s;
    const Appointment a = AssignWorkOrderCommand::newVisit(workOrderId, technicianId, start, end);
    Status s = push(new AssignWorkOrderCommand(target(), a));
    if (s)
        emit assigned(a.id);
    return s;
}

Status BoardEditor::setIntervals(std::vector<IntervalEdit> edits, SetIntervalCommand::Kind kind)
{
    if (edits.empty())
        return {};
    for (const IntervalEdit &e : edits) {
        if (e.toTechnician != e.fromTechnician) {
            if (Status s = takesNewWork(e.toTechnician); !s)
                return s;
        }
    }
    for (const IntervalEdit &e : edits)
        saw(e.ref.id, e.ref.version);
    return push(new SetIntervalCommand(target(), std::move(edits), kind));
}

Status BoardEditor::takesNewWork(const QString &technicianId) const
{
    const int t = m_model ? m_model->technicianIndex(technicianId) : -1;
    if (t < 0)
        return {};
    const Technician &tech = m_model->technicians()[size_t(t)].technician;
    if (tech.active)
        return {};
    return Error::invalid(tr("Refused: %1 is inactive and takes no new visits (reactivate them in Technicians first)").arg(tech.name));
}

Status BoardEditor::swapSlots(const QString &firstId, const QString &secondId)
{
    const board::BoardItem *a = m_model->item(firstId);
    const board::BoardItem *b = m_model->item(secondId);
    if (!a || !b || a == b || a->isRemoved() || b->isRemoved() || a->isCancelled() || b->isCancelled())
        return Error::invalid(tr("Choose two booked visits to swap."));
    auto swapped = [](const Appointment &self, const Appointment &other) {
        IntervalEdit e;
        e.ref = {self.id, self.version};
        e.fromTechnician = self.technicianId;
        e.fromStart = self.start;
        e.fromEnd = self.end;
        e.toTechnician = other.technicianId;
        e.toStart = other.start;
        e.toEnd = other.start.addMSecs(self.start.msecsTo(self.end));
        return e;
    };
    return setIntervals({swapped(a->appointment, b->appointment), swapped(b->appointment, a->appointment)},
                        SetIntervalCommand::Kind::Swap);
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

Result<QStringList> BoardEditor::bookDayPlan(const QDate &day, const std::vector<dayplan::PlannedVisit> &visits, qint64 changeSeq)
{
    std::vector<Appointment> appointments;
    QStringList ids;
    for (const dayplan::PlannedVisit &v : visits) {
        if (Status s = takesNewWork(v.technicianId); !s)
            return s.error();
        Appointment a = AssignWorkOrderCommand::newVisit(v.workOrderId, v.technicianId, v.start, v.end);
        ids << a.id;
        appointments.push_back(std::move(a));
    }
    if (appointments.empty())
        return ids;
    if (Status s = push(new BookDayPlanCommand(target(), day, std::move(appointments), changeSeq)); !s)
        return s.error();
    return ids;
}

Status BoardEditor::repairDay(const QString &text, const dayplan::RepairOption &option, const Absence &absence,
                              const std::vector<Appointment> &before, qint64 changeSeq)
{
    for (const dayplan::RepairMove &m : option.moves) {
        // A move to the technician who already had the visit is no new work.
        if (!m.toTechnicianId.isEmpty() && m.toTechnicianId != m.fromTechnicianId) {
            if (Status s = takesNewWork(m.toTechnicianId); !s)
                return s;
        }
    }
    for (const Appointment &a : before)
        saw(a.id, a.version);
    return push(new RepairDayCommand(target(), text, option, absence, before, changeSeq));
}

void BoardEditor::applyChanges(const ChangeList &changes)
{
    QSet<QString> appointments, workOrders;
    QStringList skus;
    bool reload = false;
    for (const Change &c : changes) {
        if (c.entity == QLatin1String("appointments"))
            appointments.insert(c.entityId);
        else if (c.entity == QLatin1String("work_orders") || c.entity == QLatin1String("work_order_skills")
                 || c.entity == QLatin1String("work_order_parts"))
            workOrders.insert(c.entityId);
        else if (c.entity == QLatin1String("stock")) // by sku: what a van lacks may have changed
            skus << c.entityId;
        else if (c.entity == QLatin1String("technicians") || c.entity == QLatin1String("absences")
                 || c.entity == QLatin1String("technician_skills") || c.entity == QLatin1String("territories"))
            reload = true;
    }
    for (const QString &id : m_model->appointmentsNeedingParts(skus))
        appointments.insert(id);
    if (m_loadInFlight) {
        m_touchedDuringLoad.unite(appointments);
        m_workOrdersTouchedDuringLoad.unite(workOrders);
    }
    if (reload) {
        if (m_requestedFrom.isValid())
            loadHorizon(m_requestedFrom, m_requestedTo);
        return;
    }
    if (Status s = reread(QStringList(appointments.begin(), appointments.end()), QStringList(workOrders.begin(), workOrders.end())); !s)
        emit problem(s.error().message);
}

EditTarget BoardEditor::target() { return {m_channel, m_document, m_document->versions()}; }

void BoardEditor::saw(const QString &appointmentId, int version) { m_document->versions()->record(appointmentId, version); }

} // namespace fieldops
