#include "controllers/AlertsController.h"

#include "alerts/AlertService.h"
#include "alerts/AlertThresholdsDialog.h"
#include "alerts/AlertsView.h"
#include "commands/RecordEditCommand.h"
#include "document/ScheduleDocument.h"
#include "session/ConsoleSession.h"

#include <QAction>
#include <QInputDialog>

namespace fieldops::gui {

AlertsController::AlertsController(ConsoleSession *session, widgets::AlertsView *view, QWidget *dialogParent)
    : QObject(dialogParent), m_session(session), m_view(view), m_dialogParent(dialogParent), m_service(new alerts::AlertService(session, this))
{
    m_thresholds = new QAction(tr("&Alert thresholds…"), this);
    m_thresholds->setObjectName(QStringLiteral("actionAlertThresholds"));
    m_thresholds->setToolTip(tr("When an SLA is due soon, a visit late or overrunning, a technician silent: the same for every console"));
    connect(m_thresholds, &QAction::triggered, this, &AlertsController::editThresholds);
    connect(view, &widgets::AlertsView::dismissRequested, this, &AlertsController::dismiss);
    connect(session, &ConsoleSession::permissionsChanged, this, &AlertsController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, &AlertsController::applyPermissions);
    m_askReason = [this](const QString &alertText) {
        bool ok = false;
        const QString reason = QInputDialog::getText(m_dialogParent, tr("Dismiss alert"),
                                                     tr("%1\n\nWhy is this alert dismissed? Every console stops showing it.").arg(alertText),
                                                     QLineEdit::Normal, QString(), &ok);
        return ok ? reason : QString();
    };
    applyPermissions();
}

widgets::AlertThresholdsDialog *AlertsController::thresholdsDialog() const { return m_dialog; }

void AlertsController::applyPermissions()
{
    const Permissions p = m_session->permissions();
    m_view->setDismissAllowed(m_session->isUsable() && (p.editSchedule || p.editTargets));
    m_thresholds->setEnabled(m_session->isUsable());
}

void AlertsController::dismiss(const QString &key, const QString &text)
{
    const QString reason = m_askReason(text).trimmed();
    if (reason.isEmpty())
        return;
    m_service->dismiss(key, reason, m_session->now(), [this](Result<records::RecordEdits> r) {
        if (!r) {
            emit problem(r.error().message);
            return;
        }
        m_session->document()->push(RecordEditCommand::alreadyApplied(m_session->editTarget(), tr("Dismiss alert"), *r));
        m_session->refresh();
    });
}

void AlertsController::editThresholds()
{
    m_service->loadRules([this](Result<AlertRules> rules) {
        if (!rules) {
            emit problem(rules.error().message);
            return;
        }
        if (m_dialog)
            m_dialog->close();
        // Thresholds are the managers' (and admins'), as KPI targets are.
        const bool editable = m_session->permissions().editTargets;
        m_dialog = new widgets::AlertThresholdsDialog(*rules, editable, tr("Only managers and administrators change the alert thresholds."),
                                                      m_dialogParent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &widgets::AlertThresholdsDialog::saveRequested, this, [this] {
            if (!m_dialog)
                return;
            m_service->saveRules(m_dialog->before(), m_dialog->rules(), [this](Result<records::RecordEdits> r) {
                if (!r) {
                    if (m_dialog)
                        m_dialog->showRefusal(r.error().message);
                    return;
                }
                if (m_dialog)
                    m_dialog->accept();
                if (!r->isEmpty())
                    m_session->document()->push(
                        RecordEditCommand::alreadyApplied(m_session->editTarget(), tr("Change alert thresholds"), *r));
                m_session->refresh();
            });
        });
        m_dialog->show();
    });
}

} // namespace fieldops::gui
