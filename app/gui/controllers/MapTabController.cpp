#include "controllers/MapTabController.h"

#include "controllers/MapAssignController.h"
#include "itemmodels/AlertListModel.h"
#include "map/MapLiveSync.h"
#include "map/MapModel.h"
#include "map/MbTilesLoader.h"
#include "map/TileSource.h"
#include "map/TileLoaderFactory.h"
#include "map/TileStore.h"
#include "map/XyzTileLoader.h"
#include "map/MapView.h"
#include "selection/SelectionService.h"
#include "selection/ViewFilterService.h"
#include "session/ConsoleSession.h"
#include "settings/ConsoleSettings.h"
#include "settings/SettingsEvents.h"

#include <QCoreApplication>
#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>

namespace fieldops::gui {

MapTabController::MapTabController(ConsoleSession *session)
    : m_session(session), m_page(new QWidget), m_model(new map::MapModel(this)), m_tiles(new map::TileStore(this)),
      m_sync(new map::MapLiveSync(m_model, this)), m_view(new widgets::MapView(m_model, m_tiles)), m_message(new QLabel),
      m_filterNote(new QLabel), m_assign(new MapAssignController(session, m_page))
{
    m_model->setOfflineAfterMinutes(map::settings::offlineAfterMinutes().get());
    // The late-arrival grace is the operation's, as the alerts and the KPIs have it.
    m_model->setLateGraceMinutes(session->alertRules().lateGraceMinutes);
    connect(session, &ConsoleSession::alertRulesChanged, m_model,
            [model = m_model](const AlertRules &rules) { model->setLateGraceMinutes(rules.lateGraceMinutes); });
    m_view->setSelectionService(session->selection());
    m_view->setRecentChanges(session->recentChanges());
    // The board's technician filter applies here too (set from the board's toolbar).
    ViewFilterService *filter = ViewFilterService::sharedWith(session->selection());
    m_model->setFilter(filter->filter());
    connect(filter, &ViewFilterService::changed, m_model, &map::MapModel::setFilter);

    auto *bar = new QToolBar(m_page);
    bar->setObjectName(QStringLiteral("mapToolBar"));
    QAction *fit = bar->addAction(QCoreApplication::translate("MapView", "Fit all"), m_view, &widgets::MapView::fitAll);
    fit->setObjectName(QStringLiteral("actionMapFitAll"));
    fit->setShortcut(QKeySequence(QCoreApplication::translate("MapView", "Ctrl+Shift+F")));
    fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    bar->addSeparator();
    // Technicians missing from the map are explained: the board's filter hides them.
    m_filterNote->setObjectName(QStringLiteral("mapFilterNote"));
    m_filterNote->setContentsMargins(6, 0, 6, 0);
    bar->addWidget(m_filterNote);
    connect(m_model, &map::MapModel::jobsChanged, this, &MapTabController::updateFilterNote);
    updateFilterNote();
    // A long message must never widen the window: the label takes what room there is.
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_message);
    auto *layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);

    applyTileSource();
    connect(m_tiles, &map::TileStore::reachabilityChanged, this, &MapTabController::onReachability);
    // A new choice in Settings applies at once.
    connect(SettingsEvents::instance(), &SettingsEvents::changed, this, [this](const QString &group) {
        if (group == SettingsEvents::mapGroup())
            applyTileSource();
    });
    connect(session, &ConsoleSession::stateChanged, this, &MapTabController::onSessionState);
    connect(session, &ConsoleSession::changesArrived, m_sync, &map::MapLiveSync::applyChanges);
    connect(m_view, &widgets::MapView::assignRequested, m_assign, &MapAssignController::assign);
    connect(m_assign, &MapAssignController::problem, m_message, &QLabel::setText);
    connect(m_assign, &MapAssignController::assigned, m_message, [this] { m_message->clear(); });
    connect(m_sync, &map::MapLiveSync::failed, m_message, &QLabel::setText);
    // Predicted-late technicians join the alerts dock's list, row by row as they change.
    connect(m_model, &map::MapModel::lateAlertsChanged, session->alerts(),
            [this] { m_session->alerts()->setPredictedLate(m_model->lateAlerts()); });
    connect(m_model, &map::MapModel::lateAlertsChanged, m_message, [this] {
        const auto late = m_model->lateAlerts();
        m_message->setText(late.empty() ? QString()
                                        : QCoreApplication::translate("MapView", "%n technician(s) predicted late", nullptr,
                                                                      int(late.size())));
    });
}

MapTabController::~MapTabController() = default;

QString MapTabController::id() const { return QStringLiteral("map"); }

QString MapTabController::title() const { return QCoreApplication::translate("MainWindow", "Map"); }

QWidget *MapTabController::widget() { return m_page; }

void MapTabController::applyTileSource()
{
    m_source = map::TileSource::fromSettings();
    QString problem;
    std::unique_ptr<map::TileLoader> loader = map::makeTileLoader(m_source, &problem);
    if (!problem.isEmpty())
        m_message->setText(problem);
    m_tiles->setLoader(std::move(loader));
    m_view->setAttribution(m_tiles->hasSource() ? m_source.attributionText() : map::TileSource::none().attributionText());
    m_view->setMaxTileZoom(m_source.maxZoom);
    m_view->refreshTiles();
}

void MapTabController::onReachability(bool reachable)
{
    m_view->setAttribution(reachable ? m_source.attributionText()
                                     : QCoreApplication::translate("MapView", "tiles unreachable") + QStringLiteral(" · ")
                                           + m_source.attributionText());
}

void MapTabController::updateFilterNote()
{
    m_filterNote->setVisible(m_model->filterActive());
    m_filterNote->setText(QCoreApplication::translate("MapView", "Board filter: %1 of %2 technicians")
                              .arg(m_model->shownTechnicianCount())
                              .arg(m_model->technicians().size()));
}

bool MapTabController::showWorkOrder(const QString &workOrderId)
{
    const map::JobPin *pin = m_model->job(workOrderId);
    if (!pin || !pin->inIndex)
        return false;
    showPlace(pin->job.lat, pin->job.lon);
    m_session->selection()->selectWorkOrder(workOrderId);
    return true;
}

void MapTabController::showPlace(double lat, double lon)
{
    // Close enough to tell the pin from its neighbours, never farther out than the user was.
    constexpr double streetZoom = 14.0;
    m_view->setView(QGeoCoordinate(lat, lon), std::max(m_view->viewport().zoom(), streetZoom));
}

void MapTabController::onSessionState()
{
    switch (m_session->state()) {
    case ConsoleSession::State::Connected:
    case ConsoleSession::State::ReadOnly:
        if (!m_sync->isLoaded())
            m_sync->start(m_session->url());
        break;
    case ConsoleSession::State::Disconnected:
        m_sync->stop();
        break;
    default:
        break; // Lost: keep showing the last positions; the sync's worker reconnects itself
    }
}

} // namespace fieldops::gui
