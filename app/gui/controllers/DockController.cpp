#include "controllers/DockController.h"

#include "alerts/AlertsView.h"
#include "inspector/WorkOrderInspector.h"
#include "itemmodels/AlertListModel.h"
#include "queue/UnassignedQueueView.h"
#include "session/ConsoleSession.h"
#include "settings/ConsoleSettings.h"

#include <QAction>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>

namespace fieldops::gui {

namespace {
QDockWidget *makeDock(QMainWindow *window, const QString &objectName, const QString &title, QWidget *content)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setAllowedAreas(Qt::AllDockWidgetAreas);
    return dock;
}
} // namespace

DockController::DockController(QMainWindow *window, ConsoleSession *session)
    : QObject(window), m_window(window), m_session(session)
{
    m_queue = new widgets::UnassignedQueueView(session->workOrders(), session->selection());
    m_inspector = new widgets::WorkOrderInspector;
    m_alerts = new widgets::AlertsView(session->alerts(), session->selection());

    m_queueDock = makeDock(window, QStringLiteral("queueDock"), tr("Unassigned queue"), m_queue);
    m_inspectorDock = makeDock(window, QStringLiteral("inspectorDock"), tr("Inspector"), m_inspector);
    m_alertsDock = makeDock(window, QStringLiteral("alertsDock"), tr("Alerts"), m_alerts);
    // Default layout: the queue on the left (drag source for the board), details on the
    // right, alerts under the details. A saved layout overrides this on start.
    window->addDockWidget(Qt::LeftDockWidgetArea, m_queueDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_alertsDock);
    window->splitDockWidget(m_inspectorDock, m_alertsDock, Qt::Vertical);

    connect(session, &ConsoleSession::detailsChanged, this,
            [this] { m_inspector->setDetails(m_session->selectedDetails()); });
    connect(session->alerts(), &AlertListModel::countsChanged, this, &DockController::updateAlertsTitle);

    QAction *q = m_queueDock->toggleViewAction();
    q->setShortcut(QKeySequence(tr("Ctrl+1")));
    QAction *i = m_inspectorDock->toggleViewAction();
    i->setShortcut(QKeySequence(tr("Ctrl+2")));
    QAction *a = m_alertsDock->toggleViewAction();
    a->setShortcut(QKeySequence(tr("Ctrl+3")));
}

void DockController::applyDefaultSizes()
{
    m_window->resizeDocks({m_queueDock, m_inspectorDock},
                          {m_queue->sizeHint().width(), m_inspector->sizeHint().width()}, Qt::Horizontal);
    const int h = m_window->height();
    m_window->resizeDocks({m_inspectorDock, m_alertsDock}, {h * 3 / 5, h * 2 / 5}, Qt::Vertical);
    if (m_bottomDock)
        m_window->resizeDocks({m_bottomDock}, {h / 5}, Qt::Vertical);
}

void DockController::restoreSettings() { m_queue->restoreHeaderState(settings::queueHeader().get()); }

void DockController::saveSettings() const { settings::queueHeader().set(m_queue->headerState()); }

void DockController::updateAlertsTitle()
{
    const int n = m_session->alerts()->rowCount();
    m_alertsDock->setWindowTitle(n == 0 ? tr("Alerts") : tr("Alerts (%1)").arg(n));
}

} // namespace fieldops::gui
