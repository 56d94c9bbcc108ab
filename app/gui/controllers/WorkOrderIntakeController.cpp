#include "controllers/WorkOrderIntakeController.h"

#include "common/CustomerSuggestions.h"

#include "WorkOrderDialog.h"
#include "commands/RecordEditCommand.h"
#include "document/ScheduleDocument.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "workorders/IntakeService.h"
#include "workorders/WorkOrderIntake.h"
#include "workorders/WorkOrderForm.h"
#include "workorders/WorkOrderFormModel.h"

#include <QAction>
#include <QInputDialog>
#include <QUndoStack>

namespace fieldops::gui {

using namespace fieldops::workorders;

WorkOrderIntakeController::WorkOrderIntakeController(ConsoleSession *session, QWidget *dialogParent)
    : QObject(dialogParent), m_session(session), m_dialogParent(dialogParent), m_service(new IntakeService(session, this))
{
    m_new = new QAction(tr("&New work order…"), this);
    m_new->setObjectName(QStringLiteral("actionNewWorkOrder"));
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Log a customer's call as a work order (Ctrl+N)"));
    m_edit = new QAction(tr("&Edit work order…"), this);
    m_edit->setObjectName(QStringLiteral("actionEditWorkOrder"));
    m_edit->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_cancel = new QAction(tr("Ca&ncel work order…"), this);
    m_cancel->setObjectName(QStringLiteral("actionCancelWorkOrder"));
    connect(m_new, &QAction::triggered, this, &WorkOrderIntakeController::newWorkOrder);
    connect(m_edit, &QAction::triggered, this, [this] { editWorkOrder(m_session->selection()->workOrderId()); });
    connect(m_cancel, &QAction::triggered, this, [this] { cancelWorkOrder(m_session->selection()->workOrderId()); });
    connect(session, &ConsoleSession::permissionsChanged, this, &WorkOrderIntakeController::applyPermissions);
    connect(session->selection(), &SelectionService::workOrderChanged, this, &WorkOrderIntakeController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, [this] {
        if (!m_session->isUsable())
            m_directory.reset();
    });
    connect(session, &ConsoleSession::changesArrived, this, [this](const ChangeList &changes) {
        // Customers added or renamed elsewhere: read the directory again at the next search.
        for (const Change &c : changes)
            if (c.entity == QLatin1String("customers")) {
                m_directory.reset();
                if (m_dialog)
                    ensureCatalog();
                break;
            }
        // The work order open in the editor changed under it.
        for (const Change &c : changes)
            if (m_dialog && m_model && !m_model->isNew() && c.entity == QLatin1String("work_orders") && c.entityId == m_before.id) {
                onEditedElsewhere(c.actor);
                break;
            }
    });
    // An undo or redo of a work-order edit the server refused (someone changed it since).
    connect(session->document(), &ScheduleDocument::editRefused, this, [this](const Error &error) { emit problem(error.message); });
    m_askCancel = [this](const QString &id, const QStringList &visits) {
        const QString question = visits.isEmpty()
            ? tr("Why is work order %1 cancelled?").arg(id)
            : tr("Work order %1 has visits booked (%2); they are cancelled with it.\nWhy is it cancelled?")
                  .arg(id, visits.join(QStringLiteral(", ")));
        bool ok = false;
        const QString reason = QInputDialog::getText(m_dialogParent, tr("Cancel work order"), question, QLineEdit::Normal, QString(), &ok);
        return ok ? reason : QString();
    };
    applyPermissions();
}

WorkOrderIntakeController::~WorkOrderIntakeController() = default;

WorkOrderDialog *WorkOrderIntakeController::dialog() const { return m_dialog; }

QDateTime WorkOrderIntakeController::now() const
{
    return m_clockOverride.isValid() ? m_clockOverride : QDateTime::currentDateTimeUtc();
}

void WorkOrderIntakeController::applyPermissions()
{
    const bool may = m_session->permissions().editWorkOrders;
    const bool selected = !m_session->selection()->workOrderId().isEmpty();
    const QString why = m_session->isUsable() ? tr("Your role may not change work orders") : tr("Not connected to a database");
    m_new->setEnabled(may);
    m_edit->setEnabled(may && selected);
    m_cancel->setEnabled(may && selected);
    m_new->setStatusTip(may ? QString() : why);
    m_edit->setStatusTip(may ? QString() : why);
    m_cancel->setStatusTip(may ? QString() : why);
}

void WorkOrderIntakeController::ensureCatalog()
{
    if (!m_directory && !m_directoryLoading) {
        m_directoryLoading = true;
        m_service->customers([this](Result<std::shared_ptr<CustomerDirectory>> r) {
            m_directoryLoading = false;
            if (!r) {
                if (m_dialog)
                    m_dialog->form()->setCustomerNote(r.error().message);
                return;
            }
            m_directory = *r;
            if (m_dialog) {
                m_dialog->form()->setCustomerNote(QString());
                // The user may have typed while the directory was read.
                emit m_dialog->form()->customerField()->queryChanged(m_dialog->form()->customerField()->text());
            }
        });
        if (m_dialog)
            m_dialog->form()->setCustomerNote(tr("Reading the customers…"));
    }
    if (m_model && m_model->skillsOffered().isEmpty())
        m_service->skills([this](Result<QVector<Skill>> r) {
            if (r && m_model)
                m_model->setSkillsOffered(*r);
        });
}

void WorkOrderIntakeController::openDialog(WorkOrderFormModel *model)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new WorkOrderDialog(model, m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    model->setParent(m_dialog);
    m_model = model;
    connect(m_dialog, &QObject::destroyed, this, [this] { m_model = nullptr; });
    widgets::WorkOrderForm *form = m_dialog->form();
    form->setCustomerSearch([this](const QString &query) { return widgets::customerSuggestions(m_directory.get(), query); });
    connect(form, &widgets::WorkOrderForm::customerChosen, this, &WorkOrderIntakeController::chooseCustomer);
    connect(form, &widgets::WorkOrderForm::openWorkOrderRequested, this, [this](const QString &id) {
        m_session->selection()->selectWorkOrder(id);
    });
    connect(model, &WorkOrderFormModel::placeChanged, this, &WorkOrderIntakeController::checkDuplicates);
    connect(m_dialog, &WorkOrderDialog::saveRequested, this, &WorkOrderIntakeController::save);
    connect(m_dialog, &WorkOrderDialog::reloadRequested, this, &WorkOrderIntakeController::reloadFresh);
    connect(m_dialog, &WorkOrderDialog::overwriteRequested, this, &WorkOrderIntakeController::overwriteFresh);
    ensureCatalog();
    m_dialog->show();
    form->customerField()->setFocus();
}

void WorkOrderIntakeController::newWorkOrder()
{
    if (!m_session->permissions().editWorkOrders) {
        emit problem(tr("Your role may not open work orders."));
        return;
    }
    auto *model = new WorkOrderFormModel;
    model->startNew(now());
    m_before = WorkOrderDraft();
    openDialog(model);
}

void WorkOrderIntakeController::newWorkOrderFor(const QString &customerId, const QString &customerName)
{
    newWorkOrder();
    if (!m_dialog || customerId.isEmpty())
        return;
    m_dialog->form()->customerField()->setChosen(customerId, customerName);
    chooseCustomer(customerId, customerName);
    m_dialog->form()->findChild<QWidget *>(QStringLiteral("summaryField"))->setFocus();
}

void WorkOrderIntakeController::editWorkOrder(const QString &workOrderId)
{
    if (workOrderId.isEmpty())
        return;
    m_service->load(workOrderId, [this](Result<WorkOrderToEdit> r) {
        if (!r) {
            emit problem(r.error().message);
            return;
        }
        auto *model = new WorkOrderFormModel;
        model->startEdit(r->draft, r->file);
        model->setCustomer(r->draft.customerId, r->customerName, r->file);
        // setCustomer proposes the customer's defaults; the work order keeps its own.
        model->startEdit(r->draft, r->file);
        m_before = r->draft;
        openDialog(model);
        if (!m_session->permissions().editWorkOrders)
            m_dialog->form()->setReadOnly(true, tr("Your role may read this work order but not change it."));
    });
}

void WorkOrderIntakeController::onEditedElsewhere(const QString &actor)
{
    const QString id = m_before.id;
    m_service->load(id, [this, id, actor](Result<WorkOrderToEdit> r) {
        if (!m_dialog || !m_model || m_before.id != id || !r)
            return;
        // Our own save, or nothing new: the version we hold is the database's.
        if (r->draft.version == m_before.version)
            return;
        m_fresh = *r;
        if (!m_model->isDirty()) {
            reloadFresh();
            return;
        }
        m_dialog->showConflict(tr("%1 changed work order %2 while you were editing it (now at version %3).")
                                   .arg(actor.isEmpty() ? tr("Someone") : actor, id)
                                   .arg(r->draft.version));
    });
}

void WorkOrderIntakeController::reloadFresh()
{
    if (!m_model || !m_dialog)
        return;
    m_model->startEdit(m_fresh.draft, m_fresh.file);
    m_before = m_fresh.draft;
    m_dialog->hideConflict();
}

void WorkOrderIntakeController::overwriteFresh()
{
    if (!m_model || !m_dialog)
        return;
    // The fields changed here win; the others show their version. The save then writes
    // the difference on top of theirs, a normal versioned write.
    m_model->startEdit(WorkOrderIntake::rebase(m_before, m_model->draft(), m_fresh.draft), m_fresh.file, true);
    m_before = m_fresh.draft;
    m_dialog->hideConflict();
}

void WorkOrderIntakeController::chooseCustomer(const QString &id, const QString &name)
{
    if (!m_model)
        return;
    m_dialog->form()->setCustomerNote(tr("Reading %1's sites…").arg(name));
    m_service->customerFile(id, [this, id, name](Result<CustomerFile> r) {
        if (!m_model || !m_dialog)
            return;
        if (!r) {
            m_dialog->form()->setCustomerNote(r.error().message);
            return;
        }
        m_dialog->form()->setCustomerNote(QString());
        m_model->setCustomer(id, name, *r);
    });
}

void WorkOrderIntakeController::checkDuplicates()
{
    if (!m_model || !m_model->isNew() || m_model->draft().siteId.isEmpty()) {
        if (m_dialog)
            m_dialog->form()->setDuplicates({});
        return;
    }
    const WorkOrderDraft d = m_model->draft();
    m_service->duplicates(d.siteId, d.assetId, now(), m_duplicateDays, [this, site = d.siteId, asset = d.assetId](Result<QVector<PossibleDuplicate>> r) {
        // An answer for a site the user has since left is stale.
        if (!m_dialog || !m_model || m_model->draft().siteId != site || m_model->draft().assetId != asset)
            return;
        m_dialog->form()->setDuplicates(r ? *r : QVector<PossibleDuplicate>());
    });
}

void WorkOrderIntakeController::save()
{
    if (!m_model || !m_model->canSave())
        return;
    m_dialog->setSaving(true);
    m_dialog->showProblem(QString());
    const bool isNew = m_model->isNew();
    m_service->save(m_model->draft(), isNew, m_before, now(), [this, isNew](Result<SavedWorkOrder> r) {
        if (!m_dialog)
            return;
        m_dialog->setSaving(false);
        if (!r) {
            m_dialog->showProblem(r.error().message);
            return;
        }
        if (!r->issues.isEmpty()) {
            m_dialog->showProblem(r->issues.front().text());
            return;
        }
        const QString id = r->draft.id;
        if (!r->edits.isEmpty()) {
            const QString text = isNew ? tr("New work order %1").arg(id) : tr("Edit work order %1").arg(id);
            m_session->document()->push(RecordEditCommand::alreadyApplied(m_session->editTarget(), text, r->edits));
        }
        m_dialog->accept();
        m_session->selection()->selectWorkOrder(id);
        emit saved(id);
    });
}

void WorkOrderIntakeController::cancelWorkOrder(const QString &workOrderId)
{
    if (workOrderId.isEmpty())
        return;
    m_service->load(workOrderId, [this, workOrderId](Result<WorkOrderToEdit> loaded) {
        if (!loaded) {
            emit problem(loaded.error().message);
            return;
        }
        const int version = loaded->draft.version;
        m_service->activeVisits(workOrderId, [this, workOrderId, version](Result<QVector<QPair<QString, int>>> visits) {
            if (!visits) {
                emit problem(visits.error().message);
                return;
            }
            QStringList ids;
            for (const auto &v : *visits)
                ids << v.first;
            const QString reason = m_askCancel(workOrderId, ids).trimmed();
            if (reason.isEmpty())
                return;
            m_service->cancel(workOrderId, version, reason, now(), [this, workOrderId](Result<SavedWorkOrder> r) {
                if (!r) {
                    emit problem(r.error().message);
                    return;
                }
                m_session->document()->push(RecordEditCommand::alreadyApplied(
                    m_session->editTarget(), tr("Cancel work order %1").arg(workOrderId), r->edits));
                emit saved(workOrderId);
            });
        });
    });
}

} // namespace fieldops::gui
