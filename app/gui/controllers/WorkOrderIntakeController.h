#pragma once
// Logging a customer's call and keeping work orders right: New work order (Ctrl+N), Edit
// and Cancel (with a reason) of the selected work order. Reads and saves go through the
// session's worker (IntakeService); a saved edit lands on the console's undo stack as one
// command naming the work order, so Ctrl+Z removes a new work order or restores an
// edited or cancelled one (with its visits). Offered to the roles the server lets write
// work orders; the others see the actions disabled, saying why.
#include "workorders/IntakeService.h"
#include "workorders/WorkOrderDraft.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace fieldops {
class ConsoleSession;
struct Permissions;
}
namespace fieldops::workorders {
class CustomerDirectory;
class IntakeService;
class WorkOrderFormModel;
}

namespace fieldops::gui {
class WorkOrderDialog;

class WorkOrderIntakeController : public QObject {
    Q_OBJECT
public:
    WorkOrderIntakeController(ConsoleSession *session, QWidget *dialogParent);
    ~WorkOrderIntakeController() override;

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *cancelAction() const { return m_cancel; }
    // The open intake dialog, if any (tests).
    WorkOrderDialog *dialog() const;
    workorders::IntakeService *service() const { return m_service; }
    // For tests: the clock a new work order is created at (invalid = now).
    void setClockOverride(const QDateTime &now) { m_clockOverride = now; }
    // How far back an open work order on the same site counts as a possible duplicate.
    void setDuplicateDays(int days) { m_duplicateDays = days; }
    // Decides the cancellation: returns the reason, or empty to keep the work order. The
    // default asks in a dialog, listing the visits that would be cancelled with it.
    using AskCancel = std::function<QString(const QString &workOrderId, const QStringList &visits)>;
    void setAskCancel(AskCancel ask) { m_askCancel = std::move(ask); }

public slots:
    void newWorkOrder();
    // From a customer's page: the form opens with that customer chosen.
    void newWorkOrderFor(const QString &customerId, const QString &customerName);
    void editWorkOrder(const QString &workOrderId);
    void cancelWorkOrder(const QString &workOrderId);

signals:
    // A work order was saved (created, changed or cancelled) and is on the undo stack.
    void saved(const QString &workOrderId);
    void problem(const QString &message);

private:
    void openDialog(workorders::WorkOrderFormModel *model);
    void ensureCatalog();
    void chooseCustomer(const QString &id, const QString &name);
    void checkDuplicates();
    void save();
    void applyPermissions();
    void onEditedElsewhere(const QString &actor);
    void reloadFresh();
    void overwriteFresh();
    QDateTime now() const;

    ConsoleSession *m_session;
    QWidget *m_dialogParent;
    workorders::IntakeService *m_service;
    std::shared_ptr<workorders::CustomerDirectory> m_directory;
    bool m_directoryLoading = false;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_cancel;
    QPointer<WorkOrderDialog> m_dialog;
    workorders::WorkOrderFormModel *m_model = nullptr; // owned by the dialog
    workorders::WorkOrderDraft m_before; // the version the edits are made against
    workorders::WorkOrderToEdit m_fresh; // a newer version someone else saved meanwhile
    QDateTime m_clockOverride;
    int m_duplicateDays = 14;
    AskCancel m_askCancel;
};

} // namespace fieldops::gui
