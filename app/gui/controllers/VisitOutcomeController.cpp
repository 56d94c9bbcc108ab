#include "controllers/VisitOutcomeController.h"

#include "commands/RecordEditCommand.h"
#include "document/ScheduleDocument.h"
#include "domain/VocabularyText.h"
#include "field/VisitOutcomeDialog.h"
#include "field/VisitOutcomeService.h"
#include "inspector/WorkOrderInspector.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"

#include <QAction>
#include <QMessageBox>

namespace fieldops::gui {

VisitOutcomeController::VisitOutcomeController(ConsoleSession *session, widgets::WorkOrderInspector *inspector, QWidget *dialogParent)
    : QObject(dialogParent), m_session(session), m_inspector(inspector), m_dialogParent(dialogParent),
      m_service(new field::VisitOutcomeService(session, this))
{
    m_record = new QAction(tr("Record visit &outcome…"), this);
    m_record->setObjectName(QStringLiteral("actionRecordOutcome"));
    m_record->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_record->setToolTip(tr("Record how the visit ended: arrival, departure, resolved or why not (Ctrl+Shift+R)"));
    connect(m_record, &QAction::triggered, this, [this] {
        const QString id = chosenVisit();
        if (id.isEmpty()) {
            emit problem(tr("The selected work order has no visit whose outcome could be recorded."));
            return;
        }
        recordOutcome(id);
    });
    connect(session, &ConsoleSession::permissionsChanged, this, &VisitOutcomeController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, &VisitOutcomeController::applyPermissions);
    connect(session, &ConsoleSession::detailsChanged, this, &VisitOutcomeController::applyPermissions);
    m_askFollowUp = [this](const QString &workOrderId, const QString &reason) {
        const QString question = workOrderId == m_returnVisitOf
            ? tr("Work order %1 is back in the queue (%2).\nFind a technician for the return visit now?").arg(workOrderId, reason)
            : tr("Return visit %1 is in the queue (%2), with the parts reserved.\nFind a technician for it now?").arg(workOrderId, reason);
        return QMessageBox::question(m_dialogParent, tr("Return visit"), question,
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
            == QMessageBox::Yes;
    };
    applyPermissions();
}

widgets::VisitOutcomeDialog *VisitOutcomeController::dialog() const { return m_dialog; }

void VisitOutcomeController::applyPermissions()
{
    const Permissions p = m_session->permissions();
    const bool may = p.editSchedule && p.editWorkOrders;
    m_record->setEnabled(may && !chosenVisit().isEmpty());
    m_record->setStatusTip(may ? QString()
                               : m_session->isUsable() ? tr("Your role may not record visits") : tr("Not connected to a database"));
}

QString VisitOutcomeController::chosenVisit() const
{
    if (const QString picked = m_inspector->selectedAppointmentId(); !picked.isEmpty())
        return picked;
    const std::optional<WorkOrderDetails> &d = m_session->selectedDetails();
    if (!d)
        return {};
    // The visit under way, else the last one that should have begun, else the last finished.
    const QDateTime t = m_session->now();
    QString begun, finished;
    for (const AppointmentSummary &s : d->appointments) {
        const Appointment &a = s.appointment;
        if (a.status == QLatin1String("on_site") || a.status == QLatin1String("en_route"))
            return a.id;
        if (a.status == QLatin1String("completed"))
            finished = a.id;
        else if (a.status != QLatin1String("cancelled") && a.start <= t)
            begun = a.id;
    }
    return begun.isEmpty() ? finished : begun;
}

void VisitOutcomeController::recordOutcome(const QString &appointmentId)
{
    const Permissions p = m_session->permissions();
    if (!p.editSchedule || !p.editWorkOrders) {
        emit problem(tr("Your role may not record visits."));
        return;
    }
    const QDateTime clock = m_session->now();
    m_service->load(appointmentId, clock, [this, clock](Result<field::VisitToRecord> visit) {
        if (!visit) {
            emit problem(visit.error().message);
            return;
        }
        if (visit->status == QLatin1String("cancelled")) {
            emit problem(tr("Visit %1 is cancelled; a cancelled visit has no outcome.").arg(visit->appointmentId));
            return;
        }
        if (m_dialog)
            m_dialog->close();
        m_dialog = new widgets::VisitOutcomeDialog(*visit, clock, m_dialogParent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &widgets::VisitOutcomeDialog::saveRequested, this, &VisitOutcomeController::save);
        m_dialog->show();
    });
}

void VisitOutcomeController::save()
{
    if (!m_dialog || m_saving)
        return;
    m_saving = true;
    const field::VisitToRecord visit = m_dialog->visit();
    const field::VisitOutcome outcome = m_dialog->outcome();
    m_service->record(visit.appointmentId, visit.version, outcome, m_session->now(), [this, visit, outcome](Result<field::RecordedOutcome> r) {
        m_saving = false;
        if (!r) {
            if (m_dialog)
                m_dialog->showRefusal(r.error().message);
            else
                emit problem(r.error().message);
            return;
        }
        if (m_dialog)
            m_dialog->accept();
        if (!r->edits.isEmpty())
            m_session->document()->push(RecordEditCommand::alreadyApplied(
                m_session->editTarget(), tr("Outcome of visit %1").arg(visit.appointmentId), r->edits));
        emit saved(visit.appointmentId);
        // Missing parts: the return visit is the follow-up work order, to be booked.
        const QString returnVisit = r->followUpId.isEmpty() ? r->workOrderId : r->followUpId;
        m_returnVisitOf = r->workOrderId;
        if (r->needsFollowUp && m_askFollowUp(returnVisit, vocabulary::outcomeReasonText(outcome.reason)))
            emit followUpRequested(returnVisit);
    });
}

} // namespace fieldops::gui
