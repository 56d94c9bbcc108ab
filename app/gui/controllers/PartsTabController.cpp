#include "controllers/PartsTabController.h"

#include "commands/SetReorderPointCommand.h"
#include "commands/TransferStockCommand.h"
#include "document/ScheduleDocument.h"
#include "parts/PartsView.h"
#include "parts/StockService.h"
#include "parts/StockTableModel.h"
#include "parts/TransferDialog.h"
#include "parts/TransferFormModel.h"
#include "repositories/Permissions.h"
#include "session/ConsoleSession.h"

#include <QAction>
#include <QEvent>
#include <QLocale>

namespace fieldops::gui {

namespace {
// Where a change means the figures shown are old: the stock itself, transfers, and what
// work orders reserve (their parts, their status, what their visits used).
bool touchesStock(const QString &table)
{
    static const QStringList tables{QStringLiteral("stock"),      QStringLiteral("stock_transfers"), QStringLiteral("work_order_parts"),
                                    QStringLiteral("parts_used"), QStringLiteral("parts"),           QStringLiteral("work_orders"),
                                    QStringLiteral("technicians")};
    return tables.contains(table);
}

QString number(double value) { return QLocale().toString(value, 'f', QLocale::FloatingPointShortest); }
} // namespace

PartsTabController::PartsTabController(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    m_view = new widgets::PartsView;
    m_service = new parts::StockService(session, m_view);
    m_view->installEventFilter(this);
    m_transferAction = new QAction(tr("&Transfer stock…"), this);
    m_transferAction->setObjectName(QStringLiteral("actionTransferStock"));
    m_transferAction->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    m_transferAction->setToolTip(tr("Move stock between warehouses and vans (Ctrl+Shift+T)"));
    connect(m_transferAction, &QAction::triggered, this, &PartsTabController::openTransfer);
    connect(m_view, &widgets::PartsView::transferRequested, this, &PartsTabController::openTransfer);
    connect(m_view->stockModel(), &parts::StockTableModel::reorderPointEdited, this, &PartsTabController::setReorderPoint);

    connect(session, &ConsoleSession::permissionsChanged, this, &PartsTabController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, [this] {
        applyPermissions();
        if (m_session->isUsable())
            stockChanged();
    });
    // Undo and redo here write stock; so do other tabs' edits of work orders (reservations).
    connect(session->document(), &ScheduleDocument::recordsWritten, this, [this](const QString &table) {
        if (touchesStock(table))
            stockChanged();
    });
    connect(session->document(), &ScheduleDocument::editRefused, this, [this](const Error &error) {
        if (!m_view)
            return;
        // Said where the dispatcher is looking; the other tabs say it their way.
        if (m_view->isVisible())
            m_view->showProblem(error.message);
        stockChanged();
    });
    // Other consoles' changes.
    connect(session, &ConsoleSession::changesArrived, this, [this](const ChangeList &changes) {
        for (const Change &c : changes) {
            if (touchesStock(c.entity)) {
                stockChanged();
                return;
            }
        }
    });
    applyPermissions();
    if (m_session->isUsable())
        stockChanged();
}

PartsTabController::~PartsTabController()
{
    // The view may outlive this controller (its tab widget owns it): no answer may reach
    // the controller after it is gone.
    delete m_service.data();
}

QString PartsTabController::id() const { return QStringLiteral("parts"); }

QString PartsTabController::title() const { return tr("Parts"); }

QWidget *PartsTabController::widget() { return m_view; }

bool PartsTabController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Show && m_stale)
        reload();
    return QObject::eventFilter(watched, event);
}

void PartsTabController::applyPermissions()
{
    const Permissions p = m_session->permissions();
    const bool usable = m_session->isUsable();
    QString why;
    if (!usable)
        why = tr("Not connected to a database.");
    else if (!p.moveStock && !p.editReorderPoints)
        why = tr("Your role may read the stock but not change it; dispatchers, planners and administrators move stock.");
    else if (!p.editReorderPoints)
        why = tr("Your role may move stock but not change reorder points; planners and administrators do.");
    else if (!p.moveStock)
        why = tr("Your role may change reorder points but not move stock; dispatchers, planners and administrators do.");
    if (m_view)
        m_view->setPermissions(p.editReorderPoints, p.moveStock, why);
    m_transferAction->setEnabled(p.moveStock);
    m_transferAction->setStatusTip(p.moveStock ? QString() : why);
}

void PartsTabController::stockChanged()
{
    if (m_view && (m_view->isVisible() || !m_loaded || m_dialog))
        reload();
    else
        m_stale = true;
}

void PartsTabController::reload() { load({}); }

void PartsTabController::load(std::function<void()> then)
{
    if (!m_service)
        return;
    m_stale = false;
    const quint64 request = ++m_loadRequest;
    m_service->load([this, request, then = std::move(then)](Result<parts::StockSnapshot> r) {
        if (request != m_loadRequest)
            return; // a newer read is on its way
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        m_loaded = true;
        m_view->setSnapshot(*r);
        if (m_transferModel)
            m_transferModel->setSnapshot(*r);
        emit stockLoaded();
        if (then)
            then();
    });
}

void PartsTabController::setReorderPoint(const QString &sku, const QString &location, double from, double to)
{
    if (!m_session->permissions().editReorderPoints)
        return;
    m_view->showProblem(QString());
    const QString place = m_view->stockModel()->snapshot().labelOf(location);
    const QString text = tr("Reorder point of %1 at %2: %3 → %4").arg(sku, place, number(from), number(to));
    // Written now, on the edit channel; a refusal comes back through editRefused.
    m_session->document()->push(new SetReorderPointCommand(m_session->editTarget(), text, sku, location, from, to));
    emit saved(text);
}

void PartsTabController::openTransfer()
{
    if (!m_session->permissions().moveStock || !m_view)
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const QString sku = m_view->selectedSku();
    const QString from = m_view->selectedLocation();
    // With the latest figures: the dialog checks the quantity against them.
    load([this, sku, from] {
        if (m_dialog)
            return;
        auto *model = new parts::TransferFormModel;
        model->start(m_view->stockModel()->snapshot(), sku, from);
        m_transferModel = model;
        m_dialog = new widgets::TransferDialog(model, m_view);
        model->setParent(m_dialog);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QObject::destroyed, this, [this] { m_transferModel = nullptr; });
        connect(m_dialog, &widgets::TransferDialog::saveRequested, this, &PartsTabController::saveTransfer);
        m_dialog->open();
    });
}

void PartsTabController::saveTransfer()
{
    parts::TransferFormModel *model = m_transferModel;
    if (!model || !model->canSave() || !m_service)
        return;
    const parts::TransferRequest request = model->request();
    const parts::StockSnapshot &s = model->snapshot();
    const QString fromLabel = s.labelOf(request.from);
    const QString toLabel = s.labelOf(request.to);
    m_dialog->setSaving(true);
    m_dialog->showProblem(QString());
    m_service->transfer(request, [this, request, fromLabel, toLabel](Result<parts::TransferDone> r) {
        if (m_dialog)
            m_dialog->setSaving(false);
        if (!r) {
            // The repository's refusal, in words; nothing was written.
            if (m_dialog)
                m_dialog->showProblem(r.error().message);
            reload();
            return;
        }
        const QString text = tr("Move %1 × %2 from %3 to %4").arg(number(request.quantity), request.sku, fromLabel, toLabel);
        m_session->document()->push(TransferStockCommand::alreadyApplied(m_session->editTarget(), text, request));
        if (m_dialog)
            m_dialog->accept();
        m_view->showStatus(tr("Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.")
                               .arg(number(request.quantity), request.sku, fromLabel, toLabel, number(r->fromQuantity), number(r->toQuantity)));
        emit saved(text);
    });
}

} // namespace fieldops::gui
