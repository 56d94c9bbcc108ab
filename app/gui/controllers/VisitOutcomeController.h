#pragma once
// Recording how a visit ended from the console (Ctrl+Shift+R): on the visit chosen in the
// inspector's list, or the board's context menu, or else the selected work order's visit
// under way. The form loads and saves on the session's worker; the saved outcome is one
// step on the undo stack. When the job is left unresolved with nothing else booked, the
// dispatcher is offered to find a technician for the return visit at once.
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QWidget;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::field {
class VisitOutcomeService;
}
namespace fieldops::widgets {
class VisitOutcomeDialog;
class WorkOrderInspector;
}

namespace fieldops::gui {

class VisitOutcomeController : public QObject {
    Q_OBJECT
public:
    VisitOutcomeController(ConsoleSession *session, widgets::WorkOrderInspector *inspector, QWidget *dialogParent);

    QAction *recordAction() const { return m_record; }
    widgets::VisitOutcomeDialog *dialog() const;
    // Asks whether to plan the return visit now; the default is a question box.
    using AskFollowUp = std::function<bool(const QString &workOrderId, const QString &reason)>;
    void setAskFollowUp(AskFollowUp ask) { m_askFollowUp = std::move(ask); }

public slots:
    void recordOutcome(const QString &appointmentId);

signals:
    void saved(const QString &appointmentId);
    // The dispatcher wants the return visit of this work order planned now.
    void followUpRequested(const QString &workOrderId);
    void problem(const QString &message);

private:
    void applyPermissions();
    QString chosenVisit() const;
    void save();

    ConsoleSession *m_session;
    widgets::WorkOrderInspector *m_inspector;
    QWidget *m_dialogParent;
    field::VisitOutcomeService *m_service;
    QAction *m_record;
    QPointer<widgets::VisitOutcomeDialog> m_dialog;
    AskFollowUp m_askFollowUp;
    QString m_returnVisitOf; // the work order of the outcome being asked about
    bool m_saving = false;
};

} // namespace fieldops::gui
