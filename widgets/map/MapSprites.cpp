#include "MapSprites.h"

#include "MapPainter.h"
#include "map/MapModel.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <cmath>

namespace fieldops::widgets {

namespace {
const QColor kUnassigned(0x6A, 0x1B, 0x9A);

quint64 ratioKey(qreal dpr) { return quint64(std::lround(dpr * 4)) & 0xFF; }

// A transparent pixmap of `side` logical pixels at the ratio, with a painter centred on it.
QPixmap blank(double side, qreal dpr)
{
    const int px = int(std::ceil(side * dpr));
    QPixmap pm(px, px);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    return pm;
}

QFont spriteFont(double points, bool bold)
{
    QFont f = QGuiApplication::font();
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}
} // namespace

template <typename Key, typename Make>
const QPixmap &MapSprites::cached(QHash<Key, QPixmap> &cache, const Key &key, int limit, Make make)
{
    auto it = cache.find(key);
    if (it != cache.end())
        return *it;
    // Bounded: counts and names vary without end over a long session.
    if (cache.size() >= limit)
        cache.clear();
    return *cache.insert(key, make());
}

int MapSprites::headingStep(double degrees)
{
    const double step = 360.0 / kHeadingSteps;
    const int s = int(std::lround(degrees / step)) % kHeadingSteps;
    return s < 0 ? s + kHeadingSteps : s;
}

double MapSprites::clusterRadius(int count) { return 10 + 4 * std::log10(double(std::max(1, count))); }

const QPixmap &MapSprites::pin(int rank, bool unassigned, bool selected, qreal dpr)
{
    const quint64 key = (1ULL << 56) | (quint64(rank & 0xFF) << 16) | (unassigned ? 1U << 10 : 0) | (selected ? 1U << 9 : 0) | ratioKey(dpr);
    return cached(m_glyphs, key, 4096, [&] {
        const double side = kPinRadius * 2 + 6;
        QPixmap pm = blank(side, dpr);
        QPainter q(&pm);
        q.setRenderHint(QPainter::Antialiasing);
        const QPointF c(side / 2.0, side / 2.0);
        q.setPen(QPen(selected ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white), selected ? 2.5 : 1.5));
        if (unassigned) {
            // A diamond: unassigned jobs stand out from every assigned circle.
            q.setBrush(kUnassigned);
            const double d = kPinRadius + 1.5;
            q.drawPolygon(QPolygonF{c + QPointF(0, -d), c + QPointF(d, 0), c + QPointF(0, d), c + QPointF(-d, 0)});
            q.setPen(Qt::NoPen);
            q.setBrush(MapPainter::priorityColor(rank));
            q.drawEllipse(c, 2.5, 2.5);
        } else {
            q.setBrush(MapPainter::priorityColor(rank));
            q.drawEllipse(c, kPinRadius, kPinRadius);
        }
        return pm;
    });
}

const QPixmap &MapSprites::technician(map::TechnicianState state, bool detailed, bool selected, int headingStep, qreal dpr)
{
    const quint64 key = (2ULL << 56) | (quint64(int(state)) << 24) | (quint64(headingStep + 1) << 16) | (detailed ? 1U << 10 : 0)
                        | (selected ? 1U << 9 : 0) | ratioKey(dpr);
    return cached(m_glyphs, key, 4096, [&] {
        const double r = detailed ? kTechRadius : kSmallTechRadius;
        const double side = 2 * (r + 9); // room for the heading wedge and a selection ring
        QPixmap pm = blank(side, dpr);
        QPainter q(&pm);
        q.setRenderHint(QPainter::Antialiasing);
        const QPointF s(side / 2.0, side / 2.0);
        const QColor col = MapPainter::stateColor(state);
        if (headingStep >= 0) {
            // A wedge pointing where they drive (0° = north, clockwise).
            const double a = (headingStep * 360.0 / kHeadingSteps - 90) * M_PI / 180.0;
            const QPointF dir(std::cos(a), std::sin(a));
            const QPointF side2(-dir.y(), dir.x());
            q.setPen(Qt::NoPen);
            q.setBrush(col.darker(130));
            q.drawPolygon(QPolygonF{s + dir * (r + 7), s + side2 * (r - 1.5), s - side2 * (r - 1.5)});
        }
        q.setPen(QPen(selected ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white), selected ? 3 : 1.5));
        q.setBrush(col);
        q.drawEllipse(s, r, r);
        if (state == map::TechnicianState::Late && detailed) {
            q.setPen(Qt::white);
            q.setFont(spriteFont(8, true));
            q.drawText(QRectF(s.x() - r, s.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QStringLiteral("!"));
        }
        return pm;
    });
}

const QPixmap &MapSprites::cluster(int count, int worstRank, bool hasUnassigned, qreal dpr)
{
    const quint64 key = (3ULL << 56) | (quint64(quint32(count)) << 20) | (quint64(worstRank & 0xFF) << 11)
                        | (hasUnassigned ? 1U << 10 : 0) | ratioKey(dpr);
    return cached(m_glyphs, key, 4096, [&] {
        // A bubble sized by the count's magnitude, coloured by its most urgent member.
        const double r = clusterRadius(count);
        const double side = 2 * r + 6;
        QPixmap pm = blank(side, dpr);
        QPainter q(&pm);
        q.setRenderHint(QPainter::Antialiasing);
        const QPointF c(side / 2.0, side / 2.0);
        // Unassigned work inside: a purple ring, so the queue is visible from afar.
        q.setPen(hasUnassigned ? QPen(kUnassigned, 3) : QPen(QColor(255, 255, 255, 230), 2));
        QColor fill = MapPainter::priorityColor(worstRank);
        fill.setAlpha(215);
        q.setBrush(fill);
        q.drawEllipse(c, r, r);
        q.setPen(worstRank == 3 ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white)); // dark on the light yellow
        q.setFont(spriteFont(8, true));
        q.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(count));
        return pm;
    });
}

const QPixmap &MapSprites::label(const QString &text, qreal dpr)
{
    const QString key = text + QLatin1Char('\x1F') + QString::number(ratioKey(dpr));
    return cached(m_labels, key, 20000, [&] {
        const QFont f = spriteFont(8, false);
        const QFontMetricsF fm(f);
        const QSizeF size(std::ceil(fm.horizontalAdvance(text) + 6), std::ceil(fm.height() + 2));
        QPixmap pm(int(std::ceil(size.width() * dpr)), int(std::ceil(size.height() * dpr)));
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter q(&pm);
        q.setRenderHint(QPainter::Antialiasing);
        q.setPen(Qt::NoPen);
        q.setBrush(QColor(255, 255, 255, 215));
        q.drawRoundedRect(QRectF(QPointF(0, 0), size), 3, 3);
        q.setFont(f);
        q.setPen(QColor(0x21, 0x21, 0x21));
        q.drawText(QPointF(3, 1 + fm.ascent()), text);
        return pm;
    });
}

} // namespace fieldops::widgets
