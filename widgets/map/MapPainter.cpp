#include "MapPainter.h"

#include "map/MapModel.h"
#include "map/TileStore.h"
#include "sync/RecentChanges.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace fieldops::widgets {

using map::MapViewport;
using map::TechnicianMarker;
using map::TechnicianState;

namespace {
constexpr double kHitRadiusPx = 11.0;
const QColor kBackground(0xEE, 0xF0, 0xEB);
const QColor kGraticule(0xD2, 0xD6, 0xCC);
const QColor kUnassigned(0x6A, 0x1B, 0x9A);

QRectF clampToWorld(const QRectF &r) { return r.intersected(QRectF(0, 0, 1, 1)); }

// Graticule spacing in degrees: the first step at least ~120 px apart on screen.
double graticuleStep(double degreesPerPixel)
{
    static const double steps[] = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 45, 90};
    for (double s : steps)
        if (s / degreesPerPixel >= 120)
            return s;
    return 90;
}

QString formatDegrees(double v, bool isLat)
{
    const QChar hemi = isLat ? (v < 0 ? QLatin1Char('S') : QLatin1Char('N')) : (v < 0 ? QLatin1Char('W') : QLatin1Char('E'));
    const double a = std::abs(v);
    const int decimals = a == std::floor(a) ? 0 : (a * 10 == std::floor(a * 10) ? 1 : (a * 100 == std::floor(a * 100) ? 2 : 3));
    return QString::number(a, 'f', decimals) + QChar(0x00B0) + hemi;
}

// 1, 2 or 5 × 10^n metres, the longest not above `maxMetres`.
double niceDistance(double maxMetres)
{
    const double p = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= maxMetres)
            return m * p;
    return p;
}
} // namespace

MapPainter::MapPainter(const map::MapModel *model, map::TileStore *tiles) : m_model(model), m_tiles(tiles) {}

QColor MapPainter::stateColor(TechnicianState s)
{
    switch (s) {
    case TechnicianState::Idle:
        return QColor(0x2E, 0x7D, 0x32); // green: free
    case TechnicianState::EnRoute:
        return QColor(0x15, 0x65, 0xC0); // blue: driving
    case TechnicianState::OnSite:
        return QColor(0x00, 0x83, 0x8F); // teal: working
    case TechnicianState::Late:
        return QColor(0xD3, 0x2F, 0x2F); // red: will miss the start
    case TechnicianState::Offline:
        break;
    }
    return QColor(0x9E, 0x9E, 0x9E);
}

QColor MapPainter::priorityColor(int priority)
{
    switch (priority) {
    case 1:
        return QColor(0xC6, 0x28, 0x28);
    case 2:
        return QColor(0xEF, 0x6C, 0x00);
    case 3:
        return QColor(0xF9, 0xA8, 0x25);
    default:
        return QColor(0x78, 0x90, 0x9C);
    }
}

QList<map::TileKey> MapPainter::visibleTiles(const MapViewport &vp, int maxZoom)
{
    const int z = std::clamp(int(std::lround(vp.zoom())), 0, maxZoom);
    QList<map::TileKey> keys = map::tilesCovering(clampToWorld(vp.visibleWorldRect()), z);
    // Centre first: the middle of the screen fills in before the edges.
    const map::TileKey c = map::tileAt(vp.center(), z);
    std::stable_sort(keys.begin(), keys.end(), [&c](const map::TileKey &a, const map::TileKey &b) {
        return std::max(std::abs(a.x - c.x), std::abs(a.y - c.y)) < std::max(std::abs(b.x - c.x), std::abs(b.y - c.y));
    });
    return keys;
}

void MapPainter::paint(QPainter &p, const MapViewport &vp, const MapPaintState &state)
{
    p.save();
    paintBackground(p, vp);
    if (m_tiles && m_tiles->hasSource())
        paintTiles(p, vp);
    // Lines and the overlay are smoothed; pins and markers are pre-smoothed sprites, so
    // their blits skip antialiasing.
    p.setRenderHint(QPainter::Antialiasing, true);
    if (!state.moving) {
        if (!state.hoveredTechnician.isEmpty() && state.hoveredTechnician != state.selectedTechnician)
            paintRoute(p, vp, state.hoveredTechnician, true);
        if (!state.selectedTechnician.isEmpty())
            paintRoute(p, vp, state.selectedTechnician, true);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    paintJobs(p, vp, state);
    paintTechnicians(p, vp, state);
    p.setRenderHint(QPainter::Antialiasing, true);
    if (m_recent && !m_recent->isEmpty())
        paintRecentChanges(p, vp);
    paintOverlay(p, vp, state);
    p.restore();
}

void MapPainter::paintBackground(QPainter &p, const MapViewport &vp) const
{
    const QRectF screen(QPointF(0, 0), QSizeF(vp.size()));
    p.fillRect(screen, QColor(0xD8, 0xDC, 0xD4)); // beyond the world's edge
    const QRectF world(vp.worldToScreen(QPointF(0, 0)), vp.worldToScreen(QPointF(1, 1)));
    p.fillRect(world.intersected(screen), kBackground);

    // Graticule: parallels and meridians at a round step, labelled at the edges, so
    // positions stay readable without any tile.
    const QGeoCoordinate tl = vp.screenToCoord(QPointF(0, 0));
    const QGeoCoordinate br = vp.screenToCoord(QPointF(vp.size().width(), vp.size().height()));
    const double degPerPx = 360.0 / vp.scale();
    const double step = graticuleStep(degPerPx);
    p.setPen(QPen(kGraticule, 1));
    QFont f = p.font();
    f.setPointSizeF(7.5);
    p.setFont(f);
    const double lon0 = std::max(-180.0, std::floor(tl.longitude() / step) * step);
    const double lon1 = std::min(180.0, br.longitude());
    int guard = 0;
    for (double lon = lon0; lon <= lon1 && guard < 400; lon += step, ++guard) {
        const double x = vp.coordToScreen(QGeoCoordinate(0, lon)).x();
        p.setPen(QPen(kGraticule, 1));
        p.drawLine(QPointF(x, world.top()), QPointF(x, world.bottom()));
        p.setPen(QColor(0x8A, 0x90, 0x84));
        p.drawText(QPointF(x + 3, 12), formatDegrees(lon, false));
    }
    const double lat0 = std::max(-map::kMaxLatitude, std::floor(br.latitude() / step) * step);
    const double lat1 = std::min(map::kMaxLatitude, tl.latitude());
    guard = 0;
    for (double lat = lat0; lat <= lat1 && guard < 400; lat += step, ++guard) {
        const double y = vp.coordToScreen(QGeoCoordinate(lat, 0)).y();
        p.setPen(QPen(kGraticule, 1));
        p.drawLine(QPointF(world.left(), y), QPointF(world.right(), y));
        p.setPen(QColor(0x8A, 0x90, 0x84));
        p.drawText(QPointF(4, y - 3), formatDegrees(lat, true));
    }
}

void MapPainter::paintTiles(QPainter &p, const MapViewport &vp) const
{
    const QList<map::TileKey> keys = visibleTiles(vp);
    // Scaled tiles look far better smoothed, and it costs little at tile counts on screen.
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (const map::TileKey &k : keys) {
        const QRectF wr = k.worldRect();
        // Whole pixels on both edges: neighbouring tiles meet without hairline gaps.
        const QPointF a = vp.worldToScreen(wr.topLeft());
        const QPointF b = vp.worldToScreen(wr.bottomRight());
        const QRectF target(QPointF(std::floor(a.x()), std::floor(a.y())), QPointF(std::ceil(b.x()), std::ceil(b.y())));
        QRectF source;
        if (const QImage *img = m_tiles->bestAvailable(k, source))
            p.drawImage(target, *img, source);
    }
}

const std::vector<map::Cluster> &MapPainter::clustersFor(const MapViewport &vp) const
{
    const int level = int(std::floor(vp.zoom()));
    // Pad the visible rect by one cell so bubbles at the edges are stable while panning.
    const double cell = m_clusterer.cellPx() / map::worldSizePx(level);
    const QRectF visible = clampToWorld(vp.visibleWorldRect().adjusted(-cell, -cell, cell, cell));
    ClusterCache &cache = m_clusterCache[level];
    if (!cache.area.isNull() && cache.area.contains(visible))
        return cache.clusters;
    // Half a screen more on each side, so a pan of up to a screen reuses it; the edges on
    // whole cells, so no cell is cut in two (its bubble would count only a part).
    const QRectF grown = visible.adjusted(-visible.width() / 2, -visible.height() / 2, visible.width() / 2, visible.height() / 2);
    const QRectF area(QPointF(std::floor(grown.left() / cell) * cell, std::floor(grown.top() / cell) * cell),
                      QPointF(std::ceil(grown.right() / cell) * cell, std::ceil(grown.bottom() / cell) * cell));
    const auto &jobs = m_model->jobs();
    // A hair inside the right and bottom edges: a point exactly on them belongs to the
    // next cell, which this area does not hold whole.
    const double eps = cell * 1e-9;
    cache.clusters = m_clusterer.cluster(m_model->jobIndex(), area.adjusted(0, 0, -eps, -eps), level, [&jobs](int id) {
        const map::MapJob &j = jobs[size_t(id)].job;
        return j.unassigned ? -j.priority : j.priority; // negative: flagged as unassigned
    });
    cache.area = area;
    return cache.clusters;
}

void MapPainter::paintJobs(QPainter &p, const MapViewport &vp, const MapPaintState &state) const
{
    const auto &clusters = clustersFor(vp);
    const auto &jobs = m_model->jobs();
    const qreal dpr = p.device()->devicePixelRatio();
    const QRectF screen = QRectF(QPointF(0, 0), QSizeF(vp.size())).adjusted(-30, -30, 30, 30);
    // Whole pixels: a sprite at a fractional place takes the transformed (slow) blit.
    auto blit = [&p](const QPointF &centre, const QPixmap &sprite) {
        const QSizeF sz = sprite.deviceIndependentSize();
        p.drawPixmap(QPointF(std::round(centre.x() - sz.width() / 2), std::round(centre.y() - sz.height() / 2)), sprite);
    };
    for (const map::Cluster &c : clusters) {
        const QPointF s = vp.worldToScreen(c.world);
        if (!screen.contains(s))
            continue;
        if (c.count == 1) {
            const map::JobPin &pin = jobs[size_t(c.firstId)];
            const bool selected = !state.selectedJobs.isEmpty() && state.selectedJobs.contains(pin.job.workOrderId);
            const bool dragged = !state.draggedJob.isEmpty() && pin.job.workOrderId == state.draggedJob;
            if (dragged)
                p.setOpacity(0.35);
            blit(s, m_sprites.pin(std::clamp(pin.job.priority, 1, 4), pin.job.unassigned, selected, dpr));
            if (dragged)
                p.setOpacity(1);
            continue;
        }
        blit(s, m_sprites.cluster(c.count, c.worstRank, c.flagged > 0, dpr));
    }
    // The dragged pin follows the pointer, with a line back to where it came from.
    if (!state.draggedJob.isEmpty()) {
        if (const map::JobPin *pin = m_model->job(state.draggedJob)) {
            const QPointF from = vp.worldToScreen(pin->world);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(QPen(kUnassigned, 1.5, Qt::DashLine));
            p.drawLine(from, state.dragPos);
            p.setRenderHint(QPainter::Antialiasing, false);
            blit(state.dragPos, m_sprites.pin(std::clamp(pin->job.priority, 1, 4), true, true, dpr));
        }
    }
}

void MapPainter::paintRoute(QPainter &p, const MapViewport &vp, const QString &technicianId, bool withTrail) const
{
    const map::TechnicianMarker *t = m_model->technician(technicianId);
    if (!t)
        return;
    if (withTrail && t->trail.size() > 1) {
        QPolygonF trail;
        for (const QPointF &w : t->trail)
            trail << vp.worldToScreen(w);
        p.setPen(QPen(QColor(0x15, 0x65, 0xC0, 150), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(trail);
    }
    const auto route = m_model->route(technicianId);
    if (route.empty())
        return;
    QPolygonF line;
    if (t->hasFix)
        line << vp.worldToScreen(t->world);
    for (const map::MapVisit *v : route)
        line << vp.coordToScreen(QGeoCoordinate(v->lat, v->lon));
    p.setPen(QPen(QColor(0x37, 0x47, 0x4F, 200), 2, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(line);
    // Numbered stops: the order of the day at a glance.
    QFont f = p.font();
    f.setPointSizeF(7);
    f.setBold(true);
    p.setFont(f);
    int n = 1;
    for (const map::MapVisit *v : route) {
        const QPointF s = vp.coordToScreen(QGeoCoordinate(v->lat, v->lon));
        const bool done = v->status == QLatin1String("completed");
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(done ? QColor(0x90, 0xA4, 0xAE) : QColor(0x37, 0x47, 0x4F));
        p.drawEllipse(s + QPointF(9, -9), 7, 7);
        p.setPen(Qt::white);
        p.drawText(QRectF(s.x() + 2, s.y() - 16, 14, 14), Qt::AlignCenter, QString::number(n++));
    }
}

void MapPainter::paintTechnicians(QPainter &p, const MapViewport &vp, const MapPaintState &state) const
{
    const auto &techs = m_model->technicians();
    const bool detailed = vp.zoom() >= 11;
    const bool labels = vp.zoom() >= kLabelZoom && !state.moving;
    const qreal dpr = p.device()->devicePixelRatio();
    const double pad = 20 / vp.scale();
    const QRectF visible = vp.visibleWorldRect().adjusted(-pad, -pad, pad, pad);
    const double r = detailed ? MapSprites::kTechRadius : MapSprites::kSmallTechRadius;
    auto blit = [&p](const QPointF &at, const QPixmap &sprite) { p.drawPixmap(QPointF(std::round(at.x()), std::round(at.y())), sprite); };
    const TechnicianMarker *selectedOne = nullptr;
    m_model->technicianIndex().forEachIn(visible, [&](int id, const QPointF &world) {
        const map::TechnicianMarker &t = techs[size_t(id)];
        if (!state.selectedTechnician.isEmpty() && t.id == state.selectedTechnician) {
            selectedOne = &t; // drawn last, above everyone around it
            return;
        }
        const QPointF s = vp.worldToScreen(world);
        const int heading = detailed && t.headingDeg && t.state != TechnicianState::Offline ? MapSprites::headingStep(*t.headingDeg) : -1;
        const QPixmap &sprite = m_sprites.technician(t.state, detailed, false, heading, dpr);
        const QSizeF sz = sprite.deviceIndependentSize();
        blit(s - QPointF(sz.width() / 2, sz.height() / 2), sprite);
        if (labels)
            blit(s + QPointF(r + 1, -m_sprites.label(t.name, dpr).deviceIndependentSize().height() / 2), m_sprites.label(t.name, dpr));
    });
    if (!state.dropTechnician.isEmpty()) {
        if (const map::TechnicianMarker *t = m_model->technician(state.dropTechnician); t && t->hasFix) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(QPen(kUnassigned, 3));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(vp.worldToScreen(t->world), r + 6, r + 6);
            p.setRenderHint(QPainter::Antialiasing, false);
        }
    }
    if (selectedOne) {
        const map::TechnicianMarker &t = *selectedOne;
        const QPointF s = vp.worldToScreen(t.world);
        const int heading = detailed && t.headingDeg && t.state != TechnicianState::Offline ? MapSprites::headingStep(*t.headingDeg) : -1;
        const QPixmap &sprite = m_sprites.technician(t.state, detailed, true, heading, dpr);
        const QSizeF sz = sprite.deviceIndependentSize();
        blit(s - QPointF(sz.width() / 2, sz.height() / 2), sprite);
        const QPixmap &label = m_sprites.label(t.name, dpr);
        blit(s + QPointF(r + 1, -label.deviceIndependentSize().height() / 2), label);
    }
}

void MapPainter::paintRecentChanges(QPainter &p, const MapViewport &vp) const
{
    // Only what is on screen is looked up: pins standing alone (a bubble hides its
    // members) and the technicians in view, each a hash lookup.
    const QRectF screen = QRectF(QPointF(0, 0), QSizeF(vp.size())).adjusted(-30, -30, 30, 30);
    const auto &jobs = m_model->jobs();
    const QString workOrders = QStringLiteral("work_orders"), appointments = QStringLiteral("appointments"),
                  technicians = QStringLiteral("technicians");
    for (const map::Cluster &c : clustersFor(vp)) {
        if (c.count != 1)
            continue;
        const QPointF s = vp.worldToScreen(c.world);
        if (!screen.contains(s))
            continue;
        if (auto e = m_recent->find(workOrders, jobs[size_t(c.firstId)].job.workOrderId))
            outlineChange(p, s, MapSprites::kPinRadius + 4, e->actor, m_recent->remainingFraction(*e));
    }
    const auto &techs = m_model->technicians();
    const double r = vp.zoom() >= 11 ? MapSprites::kTechRadius : MapSprites::kSmallTechRadius;
    m_model->technicianIndex().forEachIn(vp.visibleWorldRect(), [&](int id, const QPointF &world) {
        const map::TechnicianMarker &t = techs[size_t(id)];
        auto e = m_recent->find(technicians, t.id);
        // A visit of theirs moved or reassigned by someone else is news about them too.
        for (qsizetype i = 0; !e && i < t.route.size(); ++i)
            e = m_recent->find(appointments, t.route[i]);
        if (e)
            outlineChange(p, vp.worldToScreen(world), r + 5, e->actor, m_recent->remainingFraction(*e));
    });
}

void MapPainter::outlineChange(QPainter &p, const QPointF &at, double radius, const QString &actor, double remaining) const
{
    QColor ring = recentChangeColor();
    ring.setAlpha(110 + int(145 * remaining)); // fades as the news gets old
    p.setPen(QPen(ring, 3));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(at, radius, radius);
    if (actor.isEmpty())
        return;
    QFont f = p.font();
    f.setPointSizeF(7.5);
    f.setBold(true);
    p.setFont(f);
    const QFontMetricsF fm(f);
    const QRectF box(at.x() - fm.horizontalAdvance(actor) / 2 - 4, at.y() - radius - fm.height() - 4, fm.horizontalAdvance(actor) + 8,
                     fm.height() + 2);
    p.setPen(Qt::NoPen);
    p.setBrush(ring);
    p.drawRoundedRect(box, 3, 3);
    p.setPen(Qt::white);
    p.drawText(box, Qt::AlignCenter, actor);
}

void MapPainter::paintOverlay(QPainter &p, const MapViewport &vp, const MapPaintState &state) const
{
    const QSizeF size(vp.size());
    // Rubber band / lasso.
    if (!state.rubberBand.isEmpty() || state.lasso.size() > 1) {
        p.setPen(QPen(QColor(0x15, 0x65, 0xC0), 1.5, Qt::DashLine));
        p.setBrush(QColor(0x15, 0x65, 0xC0, 40));
        if (!state.rubberBand.isEmpty())
            p.drawRect(state.rubberBand);
        else
            p.drawPolygon(state.lasso);
    }

    // Scale bar: the longest round distance under 120 px at the centre's latitude.
    const double lat = vp.screenToCoord(QPointF(size.width() / 2, size.height() / 2)).latitude();
    const double mpp = map::metresPerPixel(lat, vp.zoom());
    const double metres = niceDistance(120 * mpp);
    const double px = metres / mpp;
    const QString label = metres >= 1000 ? QCoreApplication::translate("MapView", "%1 km").arg(metres / 1000)
                                         : QCoreApplication::translate("MapView", "%1 m").arg(metres);
    QFont f = p.font();
    f.setPointSizeF(8);
    f.setBold(false);
    p.setFont(f);
    const QPointF base(12, size.height() - 14);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 200));
    p.drawRect(QRectF(base.x() - 4, base.y() - 16, px + 8, 22));
    p.setPen(QPen(QColor(0x21, 0x21, 0x21), 2));
    p.drawLine(base, base + QPointF(px, 0));
    p.drawLine(base, base + QPointF(0, -5));
    p.drawLine(base + QPointF(px, 0), base + QPointF(px, -5));
    p.drawText(QRectF(base.x(), base.y() - 16, px, 12), Qt::AlignCenter, label);

    // Attribution (and the source's status) at the bottom right.
    QString text = state.attribution;
    if (!state.status.isEmpty())
        text = state.status + QStringLiteral(" · ") + text;
    if (!text.isEmpty()) {
        const QFontMetricsF fm(f);
        const QRectF box(size.width() - fm.horizontalAdvance(text) - 12, size.height() - fm.height() - 4,
                         fm.horizontalAdvance(text) + 12, fm.height() + 4);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 200));
        p.drawRect(box);
        p.setPen(QColor(0x42, 0x42, 0x42));
        p.drawText(box, Qt::AlignCenter, text);
    }
}

MapHit MapPainter::hitTest(const MapViewport &vp, const QPointF &screen) const
{
    MapHit hit;
    const QPointF world = vp.screenToWorld(screen);
    const double radius = kHitRadiusPx / vp.scale();
    if (auto t = m_model->technicianIndex().nearest(world, radius)) {
        const map::TechnicianMarker &m = m_model->technicians()[size_t(*t)];
        return {MapHit::Kind::Technician, m.id, 1, m.world};
    }
    // Pins as the paint grouped them: a click on a bubble is a click on the cluster.
    const auto &clusters = clustersFor(vp);
    double best = kHitRadiusPx * kHitRadiusPx;
    for (const map::Cluster &c : clusters) {
        const QPointF d = vp.worldToScreen(c.world) - screen;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        const double r = c.count == 1 ? kHitRadiusPx : MapSprites::clusterRadius(c.count);
        if (d2 <= std::max(best, r * r) && d2 <= r * r) {
            best = d2;
            if (c.count == 1)
                hit = {MapHit::Kind::Job, m_model->jobs()[size_t(c.firstId)].job.workOrderId, 1, c.world};
            else
                hit = {MapHit::Kind::Cluster, QString(), c.count, c.world};
        }
    }
    return hit;
}

QStringList MapPainter::jobsIn(const MapViewport &vp, const QRectF &screenRect) const
{
    QStringList out;
    for (int id : m_model->jobIndex().inRect(vp.screenRectToWorld(screenRect)))
        out.append(m_model->jobs()[size_t(id)].job.workOrderId);
    return out;
}

QStringList MapPainter::jobsIn(const MapViewport &vp, const QPolygonF &screenPolygon) const
{
    QPolygonF world;
    for (const QPointF &s : screenPolygon)
        world << vp.screenToWorld(s);
    QStringList out;
    for (int id : m_model->jobIndex().inPolygon(world))
        out.append(m_model->jobs()[size_t(id)].job.workOrderId);
    return out;
}

} // namespace fieldops::widgets
