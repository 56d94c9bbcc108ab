#include "controllers/WorkOrdersTabController.h"

#include "settings/ConsoleSettings.h"
#include "session/ConsoleSession.h"
#include "workorders/WorkOrdersPage.h"

#include <QCoreApplication>

namespace fieldops::gui {

WorkOrdersTabController::WorkOrdersTabController(ConsoleSession *session)
    : m_page(new widgets::WorkOrdersPage(session->workOrders(), session->selection()))
{
}

QString WorkOrdersTabController::id() const { return QStringLiteral("workorders"); }

QString WorkOrdersTabController::title() const { return QCoreApplication::translate("MainWindow", "Work orders"); }

QWidget *WorkOrdersTabController::widget() { return m_page; }

void WorkOrdersTabController::restoreSettings() { m_page->restoreHeaderState(settings::workOrderTableHeader().get()); }

void WorkOrdersTabController::saveSettings() const { settings::workOrderTableHeader().set(m_page->headerState()); }

} // namespace fieldops::gui
