#include "controllers/StoryController.h"

#include "inspector/WorkOrderStoryWindow.h"
#include "session/ConsoleSession.h"

#include <QAction>

namespace fieldops::gui {

StoryController::StoryController(ConsoleSession *session, QWidget *windowParent)
    : QObject(windowParent), m_session(session), m_parent(windowParent)
{
    m_action = new QAction(tr("Work order &story…"), this);
    m_action->setObjectName(QStringLiteral("actionStory"));
    m_action->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_action->setShortcutContext(Qt::WindowShortcut);
    m_action->setToolTip(tr("The selected work order's visits, time, parts, ratings and notices in a window of its own, to read, print or export"));
    connect(m_action, &QAction::triggered, this, &StoryController::showStory);
    connect(session, &ConsoleSession::detailsChanged, this, &StoryController::follow);
    follow();
}

widgets::WorkOrderStoryWindow *StoryController::window() const { return m_window; }

void StoryController::showStory()
{
    if (!m_window) {
        m_window = new widgets::WorkOrderStoryWindow(m_parent);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_window->setDetails(m_session->selectedDetails());
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void StoryController::follow()
{
    m_action->setEnabled(m_session->selectedDetails().has_value());
    if (m_window)
        m_window->setDetails(m_session->selectedDetails());
}

} // namespace fieldops::gui
