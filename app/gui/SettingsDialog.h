#pragma once
// Tools → Settings…: the console's preference pages in one dialog (how times are shown, the
// map's tile source, how often condition rules are evaluated, the routing service for travel
// times). OK and Apply save every page; a page that refuses its input keeps the dialog
// open with its message, and nothing of that page is written.
#include <QDialog>

class QDialogButtonBox;
class QTabWidget;

namespace fieldops::widgets {
class ConditionsPage;
class DisplayPage;
class RoutingPage;
class TileSourcePage;
}

namespace fieldops::gui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    widgets::TileSourcePage *tilePage() const { return m_tiles; }
    widgets::DisplayPage *displayPage() const { return m_display; }
    widgets::ConditionsPage *conditionsPage() const { return m_conditions; }
    widgets::RoutingPage *routingPage() const { return m_routing; }
    // Saves every page; false when one refused (that page is brought to the front).
    bool applyAll();

    void accept() override;

private:
    QTabWidget *m_pages;
    widgets::DisplayPage *m_display;
    widgets::TileSourcePage *m_tiles;
    widgets::ConditionsPage *m_conditions;
    widgets::RoutingPage *m_routing;
    QDialogButtonBox *m_buttons;
};

} // namespace fieldops::gui
