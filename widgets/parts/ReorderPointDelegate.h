#pragma once
// Edits a reorder point in place: a line taking a number of 0 or more, in this language's
// way of writing numbers. Only a number reaches the model; anything else leaves it be.
#include <QStyledItemDelegate>

namespace fieldops::widgets {

class ReorderPointDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace fieldops::widgets
