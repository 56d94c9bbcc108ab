#pragma once
// The "Parts" tab: the stock at every warehouse and van with what is reserved and
// available, the reorder list, reorder points changed in place and stock transfers
// (Transfer…, Ctrl+Shift+T, from anywhere in the window). Reads and transfers run on the
// session's worker (StockService); each change is one step on the console's undo stack
// (SetReorderPointCommand, TransferStockCommand). The tab reads the stock again when this
// console or another one changes stock, transfers or what work orders reserve. Roles the
// server does not let move stock or set reorder points see the tab read-only, saying why.
#include "controllers/TabController.h"
#include "parts/PartsView.h"
#include "parts/TransferDialog.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::parts {
class StockService;
class TransferFormModel;
}
namespace fieldops::gui {

class PartsTabController : public QObject, public TabController {
    Q_OBJECT
public:
    explicit PartsTabController(ConsoleSession *session, QObject *parent = nullptr);
    ~PartsTabController() override;
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;

    widgets::PartsView *view() const { return m_view; }
    // "Transfer stock…" (Ctrl+Shift+T), for the window's Edit menu.
    QAction *transferAction() const { return m_transferAction; }
    // The open transfer dialog, if any (tests).
    widgets::TransferDialog *transferDialog() const { return m_dialog; }

public slots:
    void reload();
    void openTransfer();

signals:
    // The stock was read again and is shown (tests wait for it).
    void stockLoaded();
    // A transfer or a reorder point was written and is on the undo stack.
    void saved(const QString &undoText);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load(std::function<void()> then);
    void applyPermissions();
    void setReorderPoint(const QString &sku, const QString &location, double from, double to);
    void saveTransfer();
    // Reads again now when the tab is shown, else when it is shown next.
    void stockChanged();

    ConsoleSession *m_session;
    // The view is owned by the tab widget once added and owns the service, so answers
    // still on their way when either goes are dropped.
    QPointer<widgets::PartsView> m_view;
    QPointer<parts::StockService> m_service;
    QAction *m_transferAction;
    QPointer<widgets::TransferDialog> m_dialog;
    parts::TransferFormModel *m_transferModel = nullptr; // owned by the dialog
    quint64 m_loadRequest = 0;
    bool m_loaded = false;
    bool m_stale = false;
};

} // namespace fieldops::gui
