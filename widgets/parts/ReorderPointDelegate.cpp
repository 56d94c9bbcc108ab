#include "parts/ReorderPointDelegate.h"

#include "parts/QuantityInput.h"

#include <QDoubleValidator>
#include <QLineEdit>
#include <QLocale>

namespace fieldops::widgets {

QWidget *ReorderPointDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QStringLiteral("reorderPointEditor"));
    auto *validator = new QDoubleValidator(0, 1e9, 3, edit);
    validator->setNotation(QDoubleValidator::StandardNotation);
    edit->setValidator(validator);
    edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return edit;
}

void ReorderPointDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<QLineEdit *>(editor);
    edit->setText(QLocale().toString(index.data(Qt::EditRole).toDouble(), 'f', QLocale::FloatingPointShortest));
    edit->selectAll();
}

void ReorderPointDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    double value = 0;
    if (parts::parseQuantity(static_cast<QLineEdit *>(editor)->text(), &value) && value >= 0)
        model->setData(index, value, Qt::EditRole);
}

} // namespace fieldops::widgets
