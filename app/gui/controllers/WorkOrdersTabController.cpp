#include "controllers/WorkOrdersTabController.h"

#include "settings/ConsoleSettings.h"
#include "session/ConsoleSession.h"
#include "workorders/WorkOrdersPage.h"

#include <QAction>
#include <QCoreApplication>
#include <QTableView>

namespace fieldops::gui {

WorkOrdersTabController::WorkOrdersTabController(ConsoleSession *session)
    : m_page(new widgets::WorkOrdersPage(session->workOrders(), session->selection()))
{
}

void WorkOrdersTabController::setRowActions(const QList<QAction *> &actions)
{
    QTableView *table = m_page->table();
    table->addActions(actions);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    if (!actions.isEmpty())
        QObject::connect(table, &QTableView::doubleClicked, actions.front(), [first = actions.front()] {
            if (first->isEnabled())
                first->trigger();
        });
}

QString WorkOrdersTabController::id() const { return QStringLiteral("workorders"); }

QString WorkOrdersTabController::title() const { return QCoreApplication::translate("MainWindow", "Work orders"); }

QWidget *WorkOrdersTabController::widget() { return m_page; }

void WorkOrdersTabController::restoreSettings() { m_page->restoreHeaderState(settings::workOrderTableHeader().get()); }

void WorkOrdersTabController::saveSettings() const { settings::workOrderTableHeader().set(m_page->headerState()); }

} // namespace fieldops::gui
