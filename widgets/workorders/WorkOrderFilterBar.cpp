#include "workorders/WorkOrderFilterBar.h"

#include "domain/Vocabulary.h"
#include "itemmodels/WorkOrderFilterProxy.h"
#include "itemmodels/WorkOrderTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace fieldops::widgets {

namespace {
constexpr int kTypingPauseMs = 150;
// A status choice that stands for several codes: what a dispatcher still has to act on.
const QString kActiveStatuses = QStringLiteral("open|scheduled|in_progress");

QSet<QString> codesOf(const QComboBox *combo)
{
    const QString data = combo->currentData().toString();
    if (data.isEmpty())
        return {};
    const QStringList parts = data.split(QLatin1Char('|'));
    return {parts.begin(), parts.end()};
}
} // namespace

WorkOrderFilterBar::WorkOrderFilterBar(WorkOrderFilterProxy *proxy, QWidget *parent)
    : QWidget(parent), m_proxy(proxy)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("workOrderSearch"));
    m_search->setPlaceholderText(tr("Search…"));
    m_search->setToolTip(tr("Words to find in the work order id, summary, customer, site or technician"));
    m_search->setClearButtonEnabled(true);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("Active (not done)"), kActiveStatuses);
    for (const QString &s : vocabulary::workOrderStatuses())
        m_status->addItem(WorkOrderTableModel::statusText(s), s);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_type->addItem(tr("All types"), QString());
    for (const QString &t : vocabulary::workOrderTypes())
        m_type->addItem(WorkOrderTableModel::typeText(t), t);

    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("priorityFilter"));
    m_priority->addItem(tr("All priorities"), QString());
    for (int p = 1; p <= 4; ++p)
        m_priority->addItem(WorkOrderTableModel::priorityText(p), QString::number(p));

    auto *clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear filters"));
    clearButton->setAutoRaise(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("workOrderCount"));

    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(4, 4, 4, 4);
    h->addWidget(m_search, 3);
    h->addWidget(m_status);
    h->addWidget(m_type);
    h->addWidget(m_priority);
    h->addWidget(clearButton);
    h->addStretch(0);
    h->addWidget(m_count);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &WorkOrderFilterBar::applyNow);
    connect(m_search, &QLineEdit::textChanged, &m_typingPause, qOverload<>(&QTimer::start));
    for (QComboBox *c : {m_status, m_type, m_priority})
        connect(c, &QComboBox::currentIndexChanged, this, &WorkOrderFilterBar::applyNow);
    connect(clearButton, &QToolButton::clicked, this, &WorkOrderFilterBar::clear);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &WorkOrderFilterBar::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WorkOrderFilterBar::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &WorkOrderFilterBar::updateCount);
    updateCount();
}

void WorkOrderFilterBar::applyNow()
{
    m_typingPause.stop();
    m_proxy->setSearchText(m_search->text());
    m_proxy->setStatuses(codesOf(m_status));
    m_proxy->setTypes(codesOf(m_type));
    QSet<int> priorities;
    for (const QString &p : codesOf(m_priority))
        priorities.insert(p.toInt());
    m_proxy->setPriorities(priorities);
    updateCount();
}

void WorkOrderFilterBar::clear()
{
    const QSignalBlocker b1(m_search), b2(m_status), b3(m_type), b4(m_priority);
    m_search->clear();
    m_status->setCurrentIndex(0);
    m_type->setCurrentIndex(0);
    m_priority->setCurrentIndex(0);
    applyNow();
}

void WorkOrderFilterBar::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
    m_count->setText(shown == total ? tr("%1 work orders").arg(total)
                                    : tr("%1 of %2 work orders").arg(shown).arg(total));
}

} // namespace fieldops::widgets
