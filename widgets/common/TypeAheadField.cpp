#include "common/TypeAheadField.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>

namespace fieldops::widgets {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kTextRole = Qt::UserRole + 2;
} // namespace

TypeAheadField::TypeAheadField(QWidget *parent)
    : QLineEdit(parent), m_completer(new QCompleter(this)), m_model(new QStandardItemModel(this))
{
    m_completer->setModel(m_model);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(kTextRole);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(this);
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_chosenId.isEmpty()) {
            m_chosenId.clear();
            emit cleared();
        }
        emit queryChanged(text);
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        const QString id = index.data(kIdRole).toString();
        const QString text = index.data(kTextRole).toString();
        setChosen(id, text);
        emit chosen(id, text);
    });
}

void TypeAheadField::setSuggestions(const QVector<Suggestion> &suggestions)
{
    m_model->clear();
    for (const Suggestion &s : suggestions) {
        auto *item = new QStandardItem(s.detail.isEmpty() ? s.text : s.text + QStringLiteral("  —  ") + s.detail);
        item->setData(s.id, kIdRole);
        item->setData(s.text, kTextRole);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    if (suggestions.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void TypeAheadField::setChosen(const QString &id, const QString &text)
{
    m_chosenId = id;
    setText(text);
}

int TypeAheadField::suggestionCount() const { return m_model->rowCount(); }

} // namespace fieldops::widgets
