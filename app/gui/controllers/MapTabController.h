#pragma once
// The "Map" tab: the live map of technicians and jobs over the session. It owns the map
// model, the tile store (source from the settings), the live sync fed by the session's
// change feed, and the drag-to-assign controller; the widget only shows and takes input.
#include "controllers/TabController.h"
#include "map/TileSource.h"

#include <QObject>

class QLabel;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::map {
class MapLiveSync;
class MapModel;
class TileStore;
}
namespace fieldops::widgets {
class MapView;
}

namespace fieldops::gui {
class MapAssignController;

class MapTabController : public QObject, public TabController {
    Q_OBJECT
public:
    explicit MapTabController(ConsoleSession *session);
    ~MapTabController() override;
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;

    map::MapModel *model() const { return m_model; }
    map::MapLiveSync *sync() const { return m_sync; }
    widgets::MapView *view() const { return m_view; }
    MapAssignController *assigner() const { return m_assign; }
    map::TileStore *tiles() const { return m_tiles; }

    // Centres the map on the work order's pin and selects it; false when it has no pin (a
    // closed work order, or one the map's filter hides).
    bool showWorkOrder(const QString &workOrderId);
    // Centres the map on a place (a site) at street zoom.
    void showPlace(double lat, double lon);

private:
    // Reads the tile source from the settings and switches the map to it.
    void applyTileSource();
    void onReachability(bool reachable);
    void onSessionState();
    void updateFilterNote();

    ConsoleSession *m_session;
    QWidget *m_page; // owned by the tab widget once added
    map::MapModel *m_model;
    map::TileStore *m_tiles;
    map::MapLiveSync *m_sync;
    widgets::MapView *m_view;
    QLabel *m_message;
    QLabel *m_filterNote;
    MapAssignController *m_assign;
    map::TileSource m_source;
};

} // namespace fieldops::gui
