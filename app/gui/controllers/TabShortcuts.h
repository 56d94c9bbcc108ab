#pragma once
// View → Go to: Alt+1, Alt+2 … switch to the main window's areas in the order of their tabs,
// so the keyboard (and scripted key presses, as the Xvfb smoke test sends) reach every area.
class QMenu;
class QTabWidget;

namespace fieldops::gui {

// Adds one action per tab present now; a tab hidden for the role is simply not switched to.
void addTabShortcuts(QTabWidget *tabs, QMenu *menu);

} // namespace fieldops::gui
