#include "controllers/TabShortcuts.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QTabWidget>

namespace fieldops::gui {

void addTabShortcuts(QTabWidget *tabs, QMenu *menu)
{
    QMenu *goTo = menu->addMenu(QCoreApplication::translate("MainWindow", "&Go to"));
    goTo->setObjectName(QStringLiteral("menuGoTo"));
    // Nine digits; more tabs than that are reached with the mouse or Ctrl+Tab.
    for (int i = 0; i < tabs->count() && i < 9; ++i) {
        QAction *action = goTo->addAction(tabs->tabText(i));
        action->setObjectName(QStringLiteral("actionGoTo_") + tabs->widget(i)->objectName());
        action->setShortcut(QKeySequence(QCoreApplication::translate("MainWindow", "Alt+%1").arg(i + 1)));
        QObject::connect(action, &QAction::triggered, tabs, [tabs, i] {
            if (tabs->isTabVisible(i))
                tabs->setCurrentIndex(i);
        });
    }
}

} // namespace fieldops::gui
