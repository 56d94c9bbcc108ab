#include "contracts/CoverageList.h"

#include "common/ProblemText.h"
#include "records/RecordFormModel.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace fieldops::widgets {

CoverageList::CoverageList(records::RecordFormModel *model, QString field, const QString &title, QWidget *parent)
    : QWidget(parent), m_model(model), m_field(std::move(field))
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(title, this);
    label->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(m_field + QStringLiteral("List"));
    label->setBuddy(m_list);
    m_issue = makeProblemLabel(m_field + QStringLiteral("Issue"), this);
    v->addWidget(label);
    v->addWidget(m_list, 1);
    v->addWidget(m_issue);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (m_refreshing)
            return;
        QStringList ticked;
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->checkState() == Qt::Checked)
                ticked << m_list->item(i)->data(Qt::UserRole).toString();
        ticked.sort();
        m_model->setValue(m_field, ticked);
    });
    connect(m_model, &records::RecordFormModel::changed, this, &CoverageList::refresh);
}

void CoverageList::setItems(const QVector<contracts::PickItem> &items, const QDate &today)
{
    m_refreshing = true;
    m_list->clear();
    for (const contracts::PickItem &p : items) {
        QString text = p.label.isEmpty() ? p.id : QStringLiteral("%1 — %2").arg(p.id, p.label);
        if (!p.parentId.isEmpty())
            text += QStringLiteral("  (%1)").arg(p.parentId);
        if (p.warrantyUntil.isValid() && p.warrantyUntil >= today)
            text += QStringLiteral("  ") + tr("· under warranty until %1").arg(QLocale().toString(p.warrantyUntil, QLocale::ShortFormat));
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, p.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_refreshing = false;
    refresh();
}

void CoverageList::setReadOnly(bool readOnly) { m_list->setEnabled(!readOnly); }

void CoverageList::refresh()
{
    m_refreshing = true;
    const QStringList chosen = m_model->value(m_field).toStringList();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const Qt::CheckState want = chosen.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked;
        if (item->checkState() != want)
            item->setCheckState(want);
    }
    const QString message = m_model->issue(m_field);
    m_issue->setText(message);
    m_issue->setVisible(!message.isEmpty());
    m_refreshing = false;
}

} // namespace fieldops::widgets
