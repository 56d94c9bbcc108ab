#pragma once
// The selected work order's whole story in its own window (Ctrl+I, the View menu and the
// inspector's button): the window follows the selection and every change the session
// reads back, so a dispatcher can keep it open beside the board.
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::widgets {
class WorkOrderStoryWindow;
}

namespace fieldops::gui {

class StoryController : public QObject {
    Q_OBJECT
public:
    StoryController(ConsoleSession *session, QWidget *windowParent);

    QAction *storyAction() const { return m_action; }
    // The window, once opened (for tests); null before or after it was closed.
    widgets::WorkOrderStoryWindow *window() const;

public slots:
    void showStory();

private:
    void follow();
    ConsoleSession *m_session;
    QWidget *m_parent;
    QAction *m_action;
    QPointer<widgets::WorkOrderStoryWindow> m_window;
};

} // namespace fieldops::gui
