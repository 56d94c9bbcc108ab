#include "ScoreBarDelegate.h"

#include "domain/SignalColours.h"
#include "itemmodels/ItemRoles.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <algorithm>

namespace fieldops::widgets {

namespace {
QString percent(double score) { return QLocale().toString(qRound(score * 100)) + QLatin1Char('%'); }
} // namespace

void ScoreBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and selection only; the bar and figure follow
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double score = std::clamp(index.data(roles::SlotScore).toDouble(), 0.0, 1.0);
    const QString text = percent(score);
    const QFontMetrics fm(opt.font);
    const QRect cell = opt.rect.adjusted(4, 4, -4, -4);
    const int textWidth = fm.horizontalAdvance(QStringLiteral("100%")) + 4;
    const QRect bar(cell.left(), cell.top(), std::max(0, cell.width() - textWidth), cell.height());
    painter->save();
    painter->setPen(Qt::NoPen);
    QColor track = colours::muted();
    track.setAlpha(40);
    painter->setBrush(track);
    painter->drawRect(bar);
    painter->setBrush(colours::suggested());
    painter->drawRect(QRect(bar.left(), bar.top(), int(bar.width() * score), bar.height()));
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(bar.right() + 4, cell.top(), textWidth, cell.height()), Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ScoreBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(QStringLiteral("100%")) + 70, base.height()};
}

} // namespace fieldops::widgets
