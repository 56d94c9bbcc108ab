#pragma once
// The "Work orders" tab: the filter bar and table over the session's work-order model.
#include "controllers/TabController.h"

#include <QList>

class QAction;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::widgets {
class WorkOrdersPage;
}

namespace fieldops::gui {

class WorkOrdersTabController : public TabController {
public:
    explicit WorkOrdersTabController(ConsoleSession *session);
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;
    void restoreSettings() override;
    void saveSettings() const override;
    widgets::WorkOrdersPage *page() const { return m_page; }
    // Actions on the selected work order (edit, cancel) for the table's context menu;
    // a double-click on a row triggers the first.
    void setRowActions(const QList<QAction *> &actions);

private:
    widgets::WorkOrdersPage *m_page; // owned by the tab widget once added
};

} // namespace fieldops::gui
