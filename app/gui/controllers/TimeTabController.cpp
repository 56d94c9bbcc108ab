#include "controllers/TimeTabController.h"

#include "billing/BillingExportDialog.h"
#include "billing/TimeEntryCorrectionDialog.h"
#include "billing/TimeReviewService.h"
#include "billing/TimeReviewView.h"
#include "commands/RecordEditCommand.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/TimeEntryTableModel.h"
#include "repositories/Permissions.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "sync/Change.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace fieldops::gui {

namespace {
const QString kTable = QStringLiteral("time_entries");
// Monday to Sunday of the week holding `day`.
std::pair<QDate, QDate> weekOf(const QDate &day)
{
    const QDate monday = day.addDays(1 - day.dayOfWeek());
    return {monday, monday.addDays(6)};
}
} // namespace

TimeTabController::TimeTabController(ConsoleSession *session)
    : m_session(session), m_model(new TimeEntryTableModel(this)), m_view(new widgets::TimeReviewView(m_model)),
      m_service(new billing::TimeReviewService(session, this))
{
    showThisWeek();
    m_model->setStateFilter(QStringLiteral("pending"));
    connect(m_view, &widgets::TimeReviewView::filtersChanged, this, [this] {
        m_periodChosen = true;
        reload();
    });
    connect(m_view, &widgets::TimeReviewView::stateFilterChanged, m_model, &TimeEntryTableModel::setStateFilter);
    connect(m_view, &widgets::TimeReviewView::approveRequested, this, &TimeTabController::approve);
    connect(m_view, &widgets::TimeReviewView::correctRequested, this, &TimeTabController::openCorrection);
    connect(m_view, &widgets::TimeReviewView::exportRequested, this, &TimeTabController::openExport);
    connect(m_view, &widgets::TimeReviewView::currentWorkOrderChanged, session->selection(), &SelectionService::selectWorkOrder);
    connect(session, &ConsoleSession::stateChanged, this, [this] {
        applyPermissions();
        if (!m_session->isUsable())
            return;
        // The session's clock is known once connected (a test or a demo may set it).
        if (!m_periodChosen)
            showThisWeek();
        reload();
    });
    connect(session, &ConsoleSession::permissionsChanged, this, &TimeTabController::applyPermissions);
    // Undo and redo of a decision, and another reviewer's.
    connect(session->document(), &ScheduleDocument::recordsWritten, this, [this](const QString &table) {
        if (table == kTable)
            reload();
    });
    connect(session, &ConsoleSession::changesArrived, this, [this](const ChangeList &changes) {
        if (changedTables(changes).contains(kTable))
            reload();
    });
    connect(session->document(), &ScheduleDocument::editRefused, this, [this](const Error &e) { m_view->showMessage(e.message, true); });
    applyPermissions();
}

QString TimeTabController::id() const { return QStringLiteral("time"); }
QString TimeTabController::title() const { return QCoreApplication::translate("MainWindow", "Time"); }
QWidget *TimeTabController::widget() { return m_view; }
widgets::TimeEntryCorrectionDialog *TimeTabController::correctionDialog() const { return m_correction; }
widgets::BillingExportDialog *TimeTabController::exportDialog() const { return m_export; }

void TimeTabController::showThisWeek()
{
    const auto [from, to] = weekOf(m_session->now().toUTC().date());
    m_view->setPeriod(from, to);
}

void TimeTabController::applyPermissions()
{
    const bool may = m_session->permissions().reviewTime && m_session->state() == ConsoleSession::State::Connected;
    QString reason;
    if (!may)
        reason = m_session->isUsable() ? tr("Read-only: your role may not approve or correct time entries.")
                                       : tr("Read-only: not connected to a database.");
    m_view->setReviewable(may, reason);
}

void TimeTabController::reload()
{
    if (!m_session->isUsable())
        return;
    const quint64 ticket = ++m_ticket;
    const QList<qint64> selected = m_view->selectedEntryIds();
    m_service->load(m_view->from(), m_view->to(), m_view->technicianId(), [this, ticket, selected](Result<billing::TimeReviewPage> page) {
        if (ticket != m_ticket)
            return; // a newer read is under way
        if (!page) {
            m_view->showMessage(page.error().message, true);
        } else {
            m_view->setTechnicians(page->technicians);
            m_model->setPage(std::move(*page));
            m_view->fitColumns();
            for (qint64 id : selected)
                m_view->selectEntry(id);
        }
        emit loaded();
    });
}

void TimeTabController::approve(const QList<qint64> &ids)
{
    if (m_writing || ids.isEmpty() || !m_session->permissions().reviewTime)
        return;
    m_writing = true;
    m_service->approve(ids, m_session->now(), [this](Result<billing::ApproveResult> r) {
        m_writing = false;
        if (!r) {
            m_view->showMessage(r.error().message, true);
            emit refused(r.error().message);
            return;
        }
        QStringList approved;
        for (qint64 id : r->approved)
            approved << QString::number(id);
        if (!r->edits.isEmpty())
            m_session->document()->push(RecordEditCommand::alreadyApplied(
                m_session->editTarget(), tr("Approve time entries %1").arg(approved.join(QStringLiteral(", "))), r->edits));
        QString message = approved.isEmpty() ? QString() : tr("Approved: %1.").arg(approved.join(QStringLiteral(", ")));
        if (!r->alreadyReviewed.isEmpty()) {
            QStringList left;
            for (qint64 id : r->alreadyReviewed)
                left << QString::number(id);
            message += (message.isEmpty() ? QString() : QStringLiteral(" "))
                + tr("Already reviewed, left as they were: %1.").arg(left.join(QStringLiteral(", ")));
        }
        m_view->showMessage(message, false);
        emit reviewed();
    });
}

void TimeTabController::openCorrection(qint64 id)
{
    const int row = m_model->rowOfEntry(id);
    const billing::TimeReviewRow *r = m_model->rowAt(row);
    if (!r || !m_session->permissions().reviewTime)
        return;
    if (m_correction)
        m_correction->close();
    m_correction = new widgets::TimeEntryCorrectionDialog(r->entry, r->technicianName, m_view);
    m_correction->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_correction, &widgets::TimeEntryCorrectionDialog::saveRequested, this, &TimeTabController::saveCorrection);
    m_correction->show();
}

void TimeTabController::saveCorrection()
{
    if (!m_correction || m_writing)
        return;
    m_writing = true;
    const billing::Correction c = m_correction->correction();
    m_service->correct(c, m_session->now(), [this, c](Result<records::RecordEdits> edits) {
        m_writing = false;
        if (!edits) {
            if (m_correction)
                m_correction->showRefusal(edits.error().message);
            emit refused(edits.error().message);
            return;
        }
        if (m_correction)
            m_correction->accept();
        if (!edits->isEmpty())
            m_session->document()->push(
                RecordEditCommand::alreadyApplied(m_session->editTarget(), tr("Correct time entry %1").arg(c.id), *edits));
        m_view->showMessage(tr("Corrected: %1.").arg(c.id), false);
        emit reviewed();
    });
}

void TimeTabController::openExport()
{
    if (m_export) {
        m_export->raise();
        return;
    }
    if (m_exportFolder.isEmpty())
        m_exportFolder = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(QStringLiteral("billing"));
    m_export = new widgets::BillingExportDialog(m_view->from(), m_view->to(), m_exportFolder, m_view);
    m_export->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_export, &widgets::BillingExportDialog::exportRequested, this, [this](const QDate &from, const QDate &to, const QString &folder) {
        m_exportFolder = folder;
        m_export->setBusy(true);
        m_service->exportBilling(from, to, folder, [this](Result<billing::BillingExportDone> done) {
            if (m_export) {
                if (done)
                    m_export->showWritten(done->directory, done->files);
                else
                    m_export->showError(done.error().message);
            }
            emit exported();
        });
    });
    m_export->show();
}

} // namespace fieldops::gui
