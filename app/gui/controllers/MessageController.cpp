#include "controllers/MessageController.h"

#include "field/MessageTechniciansDialog.h"
#include "field/OutboxService.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"

#include <QAction>

namespace fieldops::gui {

MessageController::MessageController(ConsoleSession *session, QWidget *dialogParent)
    : QObject(dialogParent), m_session(session), m_dialogParent(dialogParent), m_service(new field::OutboxService(session, this))
{
    m_compose = new QAction(tr("&Message technicians…"), this);
    m_compose->setObjectName(QStringLiteral("actionMessageTechnicians"));
    m_compose->setShortcut(QKeySequence(tr("Ctrl+M")));
    m_compose->setToolTip(tr("Send a text to technicians' phones (Ctrl+M)"));
    connect(m_compose, &QAction::triggered, this, &MessageController::compose);
    connect(session, &ConsoleSession::permissionsChanged, this, &MessageController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, &MessageController::applyPermissions);
    applyPermissions();
}

widgets::MessageTechniciansDialog *MessageController::dialog() const { return m_dialog; }

void MessageController::applyPermissions()
{
    // Whoever changes the schedule talks to the technicians (the outbox's grants agree).
    const Permissions p = m_session->permissions();
    m_compose->setEnabled(m_session->isUsable() && (p.editSchedule || p.editWorkOrders));
}

void MessageController::compose()
{
    QStringList preselected;
    if (const auto &d = m_session->selectedDetails())
        for (const AppointmentSummary &s : d->appointments)
            if (s.appointment.status != QLatin1String("cancelled") && s.appointment.status != QLatin1String("completed")
                && !preselected.contains(s.appointment.technicianId))
                preselected << s.appointment.technicianId;
    if (preselected.isEmpty() && !m_session->selection()->technicianId().isEmpty())
        preselected << m_session->selection()->technicianId();
    m_service->technicians([this, preselected](Result<field::OutboxService::Technicians> technicians) {
        if (!technicians) {
            emit problem(technicians.error().message);
            return;
        }
        if (m_dialog)
            m_dialog->close();
        m_dialog = new widgets::MessageTechniciansDialog(*technicians, preselected, m_dialogParent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &widgets::MessageTechniciansDialog::sendRequested, this, [this] {
            if (!m_dialog)
                return;
            const QStringList ids = m_dialog->chosen();
            m_service->send(ids, m_dialog->text(), m_session->now(), [this, n = int(ids.size())](Status s) {
                if (!s) {
                    if (m_dialog)
                        m_dialog->showRefusal(s.error().message);
                    return;
                }
                if (m_dialog)
                    m_dialog->accept();
                emit sent(n);
            });
        });
        m_dialog->show();
    });
}

} // namespace fieldops::gui
