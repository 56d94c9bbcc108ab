#pragma once
// One area of the console shown as a tab of the main window (work orders now; the
// schedule board, map and KPIs later). The window owns a list of these and knows nothing
// of their insides: a new area is a new TabController added in MainWindow's constructor.
#include <QString>

class QWidget;

namespace fieldops::gui {

class TabController {
public:
    virtual ~TabController() = default;
    // Stable id for settings ("workorders"); never translated.
    virtual QString id() const = 0;
    virtual QString title() const = 0;
    virtual QWidget *widget() = 0;
    // Per-tab view state (column widths, zoom …) to and from the settings.
    virtual void restoreSettings() {}
    virtual void saveSettings() const {}
};

} // namespace fieldops::gui
