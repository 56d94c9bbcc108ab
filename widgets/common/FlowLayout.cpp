#include "common/FlowLayout.h"

#include <QWidget>

namespace fieldops::widgets {

FlowLayout::FlowLayout(QWidget *parent, int hSpacing, int vSpacing)
    : QLayout(parent), m_hSpacing(hSpacing), m_vSpacing(vSpacing)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item) { m_items.append(item); }

int FlowLayout::count() const { return int(m_items.size()); }

QLayoutItem *FlowLayout::itemAt(int index) const { return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr; }

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const { return {}; }

bool FlowLayout::hasHeightForWidth() const { return true; }

int FlowLayout::heightForWidth(int width) const { return doLayout(QRect(0, 0, width, 0), false); }

QSize FlowLayout::sizeHint() const
{
    // Everything on one line when there is room for it.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize s = item->sizeHint();
        size.rwidth() += (size.width() > 0 ? m_hSpacing : 0) + s.width();
        size.setHeight(std::max(size.height(), s.height()));
    }
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::minimumSize() const
{
    // One item per line at worst: as wide as the widest item's minimum.
    QSize size;
    for (const QLayoutItem *item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

void FlowLayout::setAlignRight(QWidget *widget) { m_right.append(widget); }

int FlowLayout::doLayout(const QRect &rect, bool apply) const
{
    const QMargins m = contentsMargins();
    const QRect area = rect.marginsRemoved(m);
    int x = area.x(), y = area.y(), lineHeight = 0;
    // Lines are collected first so every item of a line can be centred on its height.
    struct Placed {
        QLayoutItem *item;
        QRect geometry;
    };
    QList<Placed> line;
    auto flush = [&] {
        if (apply) {
            // Items flagged right-aligned move to the right end of the line.
            int right = area.right() + 1;
            for (qsizetype i = line.size() - 1; i >= 0 && m_right.contains(line[i].item->widget()); --i) {
                QRect &g = line[i].geometry;
                g.moveLeft(std::max(g.left(), right - g.width()));
                right = g.left() - m_hSpacing;
            }
            for (const Placed &p : std::as_const(line)) {
                QRect g = p.geometry;
                g.moveTop(g.top() + (lineHeight - g.height()) / 2);
                p.item->setGeometry(g);
            }
        }
        line.clear();
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        QSize s = item->sizeHint().expandedTo(item->minimumSize());
        s.setWidth(std::min(s.width(), area.width()));
        if (x > area.x() && x + s.width() > area.right() + 1) {
            flush();
            x = area.x();
            y += lineHeight + m_vSpacing;
            lineHeight = 0;
        }
        line.append({item, QRect(QPoint(x, y), s)});
        x += s.width() + m_hSpacing;
        lineHeight = std::max(lineHeight, s.height());
    }
    flush();
    return y + lineHeight - rect.y() + m.bottom();
}

} // namespace fieldops::widgets
