#include "controllers/ContractsTabController.h"

#include "commands/GeneratePmCommand.h"
#include "commands/RecordEditCommand.h"
#include "contracts/ContractRenewal.h"
#include "contracts/ContractService.h"
#include "contracts/ContractsView.h"
#include "commands/HolidayCalendarCommand.h"
#include "common/CustomerSuggestions.h"
#include "contracts/ContractTermsPanel.h"
#include "customers/CustomerService.h"
#include "contracts/CapacityPreviewPanel.h"
#include "contracts/GeneratePmDialog.h"
#include "contracts/HolidayCalendarDialog.h"
#include "document/ScheduleDocument.h"
#include "planning/LevelledDueDays.h"
#include "records/RecordFormModel.h"
#include "records/RecordSpec.h"
#include "repositories/Permissions.h"
#include "session/ConsoleSession.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSplitter>
#include <QUndoStack>

namespace fieldops::gui {

namespace {

bool aboutContracts(const QString &table)
{
    static const QStringList tables{QStringLiteral("contracts"), QStringLiteral("maintenance_plans"), QStringLiteral("maintenance_plan_skills"),
                                    QStringLiteral("contract_sites"), QStringLiteral("contract_assets"), QStringLiteral("customers")};
    return tables.contains(table);
}

} // namespace

ContractsTabController::ContractsTabController(ConsoleSession *session)
    : m_session(session), m_view(new widgets::ContractsView), m_service(new contracts::ContractService(session, this)),
      m_customers(new customers::CustomerService(session, this))
{
    m_view->terms()->setCustomerSearch([this](const QString &query) { return widgets::customerSuggestions(m_directory.get(), query); });
    connect(m_view, &widgets::ContractsView::contractChosen, this, [this](const QString &id) { openContract(id); });
    connect(m_view, &widgets::ContractsView::saveRequested, this, &ContractsTabController::save);
    connect(m_view, &widgets::ContractsView::renewRequested, this, &ContractsTabController::renew);
    connect(m_view, &widgets::ContractsView::generateRequested, this, &ContractsTabController::openGenerate);
    connect(m_view, &widgets::ContractsView::holidaysRequested, this, &ContractsTabController::openHolidays);
    connect(m_view, &widgets::ContractsView::choicesWanted, this, [this](const QString &customerId) {
        m_service->choices(customerId, [this](Result<contracts::ContractChoices> r) {
            if (r)
                m_view->setChoices(*r);
        });
    });
    connect(session, &ConsoleSession::permissionsChanged, this, &ContractsTabController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, [this] {
        if (m_session->isUsable()) {
            loadList();
            loadDirectory();
        }
    });
    const auto reread = [this](const QString &table) {
        if (table == QLatin1String("customers"))
            loadDirectory();
        if (aboutContracts(table)) {
            loadList();
            if (!m_current.isEmpty())
                openContract(m_current, widgets::ContractsView::PageLoad::KeepEdits);
        } else if (table == QLatin1String("work_orders") && !m_current.isEmpty()) {
            openContract(m_current, widgets::ContractsView::PageLoad::KeepEdits); // its consumption
        }
    };
    connect(session, &ConsoleSession::changesArrived, this, [reread](const ChangeList &changes) {
        for (const QString &t : changedTables(changes))
            reread(t);
    });
    connect(session->document(), &ScheduleDocument::recordsWritten, this, [reread](const QString &table) { reread(table); });
    applyPermissions();
}

QString ContractsTabController::id() const { return QStringLiteral("contracts"); }
QString ContractsTabController::title() const { return QCoreApplication::translate("MainWindow", "Contracts"); }
QWidget *ContractsTabController::widget() { return m_view; }
widgets::GeneratePmDialog *ContractsTabController::generateDialog() const { return m_dialog; }
widgets::HolidayCalendarDialog *ContractsTabController::holidayDialog() const { return m_holidays; }

void ContractsTabController::restoreSettings()
{
    QSettings s;
    m_horizonDays = s.value(QStringLiteral("contracts/pmHorizonDays"), 30).toInt();
    if (auto *split = m_view->findChild<QSplitter *>())
        split->restoreState(s.value(QStringLiteral("contracts/split")).toByteArray());
}

void ContractsTabController::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("contracts/pmHorizonDays"), m_horizonDays);
    if (auto *split = m_view->findChild<QSplitter *>())
        s.setValue(QStringLiteral("contracts/split"), split->saveState());
}

void ContractsTabController::applyPermissions()
{
    const bool may = m_session->permissions().editContracts;
    m_view->setEditable(may, may ? QString()
                                 : QCoreApplication::translate("ContractsView", "Your role may read contracts and plans but not change them."));
}

void ContractsTabController::loadDirectory()
{
    m_customers->directory([this](Result<std::shared_ptr<workorders::CustomerDirectory>> r) {
        if (r)
            m_directory = *r;
    });
}

void ContractsTabController::loadList()
{
    m_view->setToday(m_session->now().toLocalTime().date());
    m_service->list([this](Result<QVector<contracts::ContractListRow>> r) {
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        m_view->setContracts(std::move(*r));
    });
}

void ContractsTabController::openContract(const QString &id, widgets::ContractsView::PageLoad how)
{
    if (id != m_current)
        m_replacePending = false;
    m_current = id;
    const quint64 ticket = ++m_pageTicket;
    if (id.isEmpty())
        return;
    if (how == widgets::ContractsView::PageLoad::Replace)
        m_replacePending = true;
    else if (m_replacePending)
        how = widgets::ContractsView::PageLoad::Replace;
    m_service->page(id, m_view->today(), [this, ticket, how](Result<contracts::ContractPage> r) {
        if (ticket != m_pageTicket)
            return; // a later read, or the planner moved on
        m_replacePending = false;
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        m_view->setPage(*r, how);
    });
}

void ContractsTabController::refused(const QString &message)
{
    m_view->showProblem(message);
    emit problem(message);
}

void ContractsTabController::save(records::RecordFormModel *form)
{
    const records::RecordEdits edits = form->edits();
    if (edits.isEmpty())
        return;
    const records::RecordSpec &spec = form->spec();
    const bool isNew = form->isNew();
    const QString id = form->id();
    m_service->save(spec, edits, [this, &spec, isNew, id](Result<records::SavedRecord> r) {
        if (!r)
            return refused(r.error().message);
        if (!r->issues.isEmpty())
            return refused(r->issues.front().text());
        m_view->showProblem(QString());
        const QString noun = QCoreApplication::translate("RecordWriter", spec.noun);
        const QString text = isNew ? tr("New %1 %2").arg(noun, id) : tr("Edit %1 %2").arg(noun, id);
        m_session->document()->push(RecordEditCommand::alreadyApplied(m_session->editTarget(), text, r->edits));
        if (&spec == &records::contractSpec())
            m_current = id;
        loadList();
        openContract(m_current);
        emit saved(id);
    });
}

void ContractsTabController::renew(const contracts::RenewalRequest &request)
{
    const contracts::ContractPage *page = m_view->page();
    if (!page)
        return;
    const QString oldId = page->contract.id;
    const records::RecordEdits edits = contracts::renewalEdits(page->contract, page->plans, request);
    m_service->renew(edits, [this, oldId, id = request.newId](Result<records::SavedRecord> r) {
        if (!r)
            return refused(r.error().message);
        if (!r->issues.isEmpty())
            return refused(tr("The renewal was not saved: %1").arg(r->issues.front().text()));
        m_view->showProblem(QString());
        m_session->document()->push(
            RecordEditCommand::alreadyApplied(m_session->editTarget(), tr("Renew contract %1 as %2").arg(oldId, id), r->edits));
        m_current = id;
        loadList();
        openContract(id);
        emit saved(id);
    });
}

void ContractsTabController::openGenerate()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new widgets::GeneratePmDialog(m_horizonDays, m_view);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &widgets::GeneratePmDialog::previewRequested, this, [this](int days) { runGenerate(days, true); });
    connect(m_dialog, &widgets::GeneratePmDialog::generateRequested, this, [this](int days) { runGenerate(days, false); });
    // Accepting the levelled days previews the work orders on them (the load stays as read).
    connect(m_dialog->capacity(), &widgets::CapacityPreviewPanel::useLevelledChanged, this,
            [this] { runGenerate(m_dialog->horizonDays(), true, false); });
    m_dialog->show();
    runGenerate(m_horizonDays, true);
}

void ContractsTabController::openHolidays()
{
    if (m_holidays) {
        m_holidays->raise();
        m_holidays->activateWindow();
        return;
    }
    m_service->territories([this](Result<QVector<contracts::PickItem>> r) {
        if (!r)
            return refused(r.error().message);
        auto *dialog = new widgets::HolidayCalendarDialog(*r, m_session->permissions().editContracts, m_view);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_holidays = dialog;
        const auto load = [this](const QString &territory) {
            m_service->holidays(territory, [this, territory](Result<contracts::HolidayList> days) {
                if (!m_holidays || m_holidays->territoryId() != territory)
                    return;
                if (!days)
                    return m_holidays->showProblem(days.error().message);
                m_holidays->setHolidays(territory, *days);
            });
        };
        connect(dialog, &widgets::HolidayCalendarDialog::territoryChosen, this, load);
        connect(dialog, &widgets::HolidayCalendarDialog::saveRequested, this,
                [this](const QString &territory, const contracts::HolidayList &before, const contracts::HolidayList &after) {
                    // A refused write drops the command and editRefused (below) says why.
                    QUndoStack *stack = m_session->document()->undoStack();
                    const int at = stack->index();
                    m_session->document()->push(new HolidayCalendarCommand(m_session->editTarget(), territory, before, after));
                    if (stack->index() != at && m_holidays)
                        m_holidays->setHolidays(territory, after); // what is stored now
                });
        // Undo and redo change the calendar under the dialog: show what is stored.
        connect(m_session->document(), &ScheduleDocument::recordsWritten, dialog, [this, load](const QString &table) {
            if (table == QLatin1String("holidays") && m_holidays)
                load(m_holidays->territoryId());
        });
        connect(m_session->document(), &ScheduleDocument::editRefused, dialog, [this](const Error &error) {
            if (m_holidays)
                m_holidays->showProblem(error.message);
        });
        dialog->show();
        if (!dialog->territoryId().isEmpty())
            load(dialog->territoryId());
    });
}

void ContractsTabController::loadCapacity(int horizonDays)
{
    m_service->capacity(m_session->now().date(), horizonDays, [this](Result<planning::CapacityLevelling> r) {
        if (!m_dialog)
            return;
        if (!r) {
            m_dialog->showProblem(r.error().message);
            return;
        }
        m_dialog->showCapacity(*r);
    });
}

void ContractsTabController::runGenerate(int horizonDays, bool dryRun, bool readCapacity)
{
    m_horizonDays = horizonDays;
    planning::PmGenerateOptions options;
    options.now = m_session->now();
    options.horizonDays = horizonDays;
    options.dryRun = dryRun;
    if (m_dialog) {
        options.dueOverrides = planning::dueOverridesOf(m_dialog->capacity()->acceptedMoves());
        m_dialog->setBusy(true);
    }
    m_service->generatePm(options, [this, dryRun, readCapacity](Result<planning::PmGenerateReport> r) {
        if (!m_dialog)
            return;
        m_dialog->setBusy(false);
        if (!r) {
            m_dialog->showProblem(r.error().message);
            emit problem(r.error().message);
            return;
        }
        if (dryRun) {
            m_dialog->showPreview(*r);
            if (readCapacity)
                loadCapacity(m_horizonDays);
            return;
        }
        m_dialog->showGenerated(*r);
        // Written on the worker already; on the stack so that Ctrl+Z takes the run back.
        if (!r->created.isEmpty())
            m_session->document()->push(GeneratePmCommand::alreadyApplied(m_session->editTarget(), *r));
        if (!m_current.isEmpty())
            openContract(m_current, widgets::ContractsView::PageLoad::KeepEdits);
        emit generated(int(r->created.size()));
    });
}

} // namespace fieldops::gui
