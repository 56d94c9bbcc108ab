#pragma once
// Paints a suggestion's score (roles::SlotScore, 0 … 1) as a short bar with its percentage,
// so the ranking reads at a glance and close scores look close.
#include <QStyledItemDelegate>

namespace fieldops::widgets {

class ScoreBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace fieldops::widgets
