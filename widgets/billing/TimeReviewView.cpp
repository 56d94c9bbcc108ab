#include "billing/TimeReviewView.h"

#include "common/ElidedLabel.h"
#include "common/FlowLayout.h"
#include "common/ProblemText.h"
#include "domain/Vocabulary.h"
#include "domain/VocabularyText.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/TimeEntryTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
QDateEdit *dateEdit(const QString &name, QWidget *parent)
{
    auto *e = new QDateEdit(parent);
    e->setObjectName(name);
    e->setCalendarPopup(true);
    return e;
}
QWidget *labelled(const QString &text, QWidget *field, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(text, box);
    label->setBuddy(field);
    row->addWidget(label);
    row->addWidget(field);
    return box;
}
} // namespace

TimeReviewView::TimeReviewView(TimeEntryTableModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    auto *filters = new FlowLayout;
    layout->addLayout(filters);
    m_from = dateEdit(QStringLiteral("from"), this);
    m_to = dateEdit(QStringLiteral("to"), this);
    filters->addWidget(labelled(tr("&From:"), m_from, this));
    filters->addWidget(labelled(tr("T&o:"), m_to, this));
    m_technician = new QComboBox(this);
    m_technician->setObjectName(QStringLiteral("technician"));
    m_technician->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_technician->addItem(tr("All technicians"), QString());
    filters->addWidget(labelled(tr("Tec&hnician:"), m_technician, this));
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("state"));
    for (const QString &s : vocabulary::reviewStates())
        m_state->addItem(vocabulary::reviewStateText(s), s);
    m_state->addItem(tr("All states"), QString());
    filters->addWidget(labelled(tr("&State:"), m_state, this));
    m_approveButton = new QPushButton(tr("&Approve"), this);
    m_approveButton->setObjectName(QStringLiteral("approve"));
    m_approveButton->setToolTip(tr("Approve the selected pending entries as entered (Ctrl+Enter)"));
    filters->addWidget(m_approveButton);
    m_correctButton = new QPushButton(tr("&Correct…"), this);
    m_correctButton->setObjectName(QStringLiteral("correct"));
    m_correctButton->setToolTip(tr("Correct the selected entry's times, billable flag or comment"));
    filters->addWidget(m_correctButton);
    m_exportButton = new QPushButton(tr("E&xport billing…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportBilling"));
    m_exportButton->setToolTip(tr("Write the billing of a period as CSV and PDF"));
    filters->addWidget(m_exportButton);

    m_readOnly = new ElidedLabel(this);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->hide();
    layout->addWidget(m_readOnly);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("timeEntries"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->setTextElideMode(Qt::ElideRight);
    layout->addWidget(m_table, 1);
    // Wrapped reasons need their rows as tall as the flags column's width makes them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("totals"));
    layout->addWidget(m_totals);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    // Only while the Time tab has the focus, so Ctrl+Enter elsewhere keeps its own meaning.
    m_approve = new QAction(tr("Approve selected entries"), this);
    m_approve->setObjectName(QStringLiteral("actionApproveTime"));
    m_approve->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_approve->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_approve);

    connect(m_from, &QDateEdit::dateChanged, this, &TimeReviewView::filtersChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &TimeReviewView::filtersChanged);
    connect(m_technician, &QComboBox::activated, this, &TimeReviewView::filtersChanged);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] { emit stateFilterChanged(m_state->currentData().toString()); });
    const auto approve = [this] {
        const QList<qint64> ids = selectedEntryIds();
        if (m_reviewable && !ids.isEmpty())
            emit approveRequested(ids);
    };
    connect(m_approveButton, &QPushButton::clicked, this, approve);
    connect(m_approve, &QAction::triggered, this, approve);
    connect(m_correctButton, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedEntryIds();
        if (m_reviewable && ids.size() == 1)
            emit correctRequested(ids.first());
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_reviewable)
            emit correctRequested(index.data(roles::TimeEntryId).toLongLong());
    });
    connect(m_exportButton, &QPushButton::clicked, this, &TimeReviewView::exportRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TimeReviewView::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            emit currentWorkOrderChanged(current.data(roles::WorkOrderId).toString());
    });
    connect(model, &TimeEntryTableModel::totalsChanged, this, &TimeReviewView::updateTotals);
    connect(model, &TimeEntryTableModel::modelReset, this, &TimeReviewView::updateButtons);
    updateTotals();
    updateButtons();
}

void TimeReviewView::setPeriod(const QDate &from, const QDate &to)
{
    const QSignalBlocker a(m_from), b(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
}

QDate TimeReviewView::from() const { return m_from->date(); }
QDate TimeReviewView::to() const { return m_to->date(); }

void TimeReviewView::setTechnicians(const QVector<QPair<QString, QString>> &technicians)
{
    const QString chosen = technicianId();
    const QSignalBlocker block(m_technician);
    while (m_technician->count() > 1)
        m_technician->removeItem(1);
    for (const auto &[id, name] : technicians)
        m_technician->addItem(name, id);
    const int at = m_technician->findData(chosen);
    m_technician->setCurrentIndex(at < 0 ? 0 : at);
}

QString TimeReviewView::technicianId() const { return m_technician->currentData().toString(); }

void TimeReviewView::setReviewable(bool reviewable, const QString &reason)
{
    m_reviewable = reviewable;
    m_readOnly->setText(reason);
    m_readOnly->setVisible(!reviewable && !reason.isEmpty());
    updateButtons();
}

void TimeReviewView::showMessage(const QString &message, bool problem)
{
    m_message->setStyleSheet(problem ? problemTextStyle() : QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void TimeReviewView::fitColumns()
{
    m_table->resizeColumnsToContents();
    // Free text would push the flags off the screen: a comment gets a fair share, its
    // whole text is in the tooltip.
    const int most = fontMetrics().averageCharWidth() * 32;
    if (m_table->columnWidth(TimeEntryTableModel::Comment) > most)
        m_table->setColumnWidth(TimeEntryTableModel::Comment, most);
    // The flags take what is left (the last section stretches) and wrap within it.
    m_table->setColumnWidth(TimeEntryTableModel::Flags, fontMetrics().averageCharWidth() * 24);
}

QList<qint64> TimeReviewView::selectedEntryIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids << row.data(roles::TimeEntryId).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool TimeReviewView::selectEntry(qint64 id)
{
    const int row = m_model->rowOfEntry(id);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    return true;
}

void TimeReviewView::updateButtons()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_approveButton->setEnabled(m_reviewable && selected > 0);
    m_approve->setEnabled(m_reviewable && selected > 0);
    m_correctButton->setEnabled(m_reviewable && selected == 1);
}

void TimeReviewView::updateTotals()
{
    const QLocale l;
    const int rows = m_model->rowCount();
    const int flagged = m_model->shownFlagged();
    m_totals->setText(tr("Entries shown: %1 · hours: %2 · billable hours: %3 · flagged: %4")
                          .arg(rows)
                          .arg(l.toString(m_model->shownHours(), 'f', 2), l.toString(m_model->shownBillableHours(), 'f', 2))
                          .arg(flagged));
}

} // namespace fieldops::widgets
