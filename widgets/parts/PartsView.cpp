#include "parts/PartsView.h"

#include "common/FlowLayout.h"
#include "common/ProblemText.h"
#include "common/RecordTable.h"
#include "itemmodels/ItemRoles.h"
#include "parts/ReorderPointDelegate.h"
#include "parts/StockFilterProxy.h"
#include "parts/StockTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

using parts::StockTableModel;

PartsView::PartsView(QWidget *parent)
    : QWidget(parent), m_model(new StockTableModel(this)), m_proxy(new parts::StockFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);
    auto *outer = new QVBoxLayout(this);

    auto *bar = new QWidget(this);
    auto *filters = new FlowLayout(bar);
    filters->setContentsMargins(0, 0, 0, 0);
    auto *locationLabel = new QLabel(tr("&Location:"), bar);
    m_location = new QComboBox(bar);
    m_location->setObjectName(QStringLiteral("stockLocationFilter"));
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_location->addItem(tr("All locations"), QString());
    locationLabel->setBuddy(m_location);
    filters->addWidget(locationLabel);
    filters->addWidget(m_location);
    m_reorderOnly = new QCheckBox(tr("&Below reorder point only"), bar);
    m_reorderOnly->setObjectName(QStringLiteral("reorderOnlyBox"));
    m_reorderOnly->setToolTip(tr("The reorder list: what is available (on hand less reserved) is below the reorder point"));
    filters->addWidget(m_reorderOnly);
    m_transfer = new QPushButton(tr("&Transfer…"), bar);
    m_transfer->setObjectName(QStringLiteral("transferButton"));
    filters->addWidget(m_transfer);
    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("stockCount"));
    filters->addWidget(m_count);
    filters->setAlignRight(m_count);
    outer->addWidget(bar);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("stockTable"));
    m_table->setModel(m_proxy);
    setUpRecordList(m_table);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setItemDelegateForColumn(StockTableModel::ReorderPoint, new ReorderPointDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StockTableModel::Location, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    for (int c = 0; c < StockTableModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, c == StockTableModel::Part ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    m_table->setColumnHidden(StockTableModel::Shortfall, true);
    m_table->installEventFilter(this);
    outer->addWidget(m_table, 1);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("partsNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    outer->addWidget(m_note);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("partsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    outer->addWidget(m_message);

    connect(m_location, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setLocation(m_location->currentData().toString());
        updateCount();
    });
    connect(m_reorderOnly, &QCheckBox::toggled, this, [this](bool only) {
        m_proxy->setBelowReorderPointOnly(only);
        // The reorder list says by how much each part is short.
        m_table->setColumnHidden(StockTableModel::Shortfall, !only);
        if (only)
            m_table->sortByColumn(StockTableModel::Shortfall, Qt::DescendingOrder);
        else if (m_table->horizontalHeader()->sortIndicatorSection() == StockTableModel::Shortfall)
            m_table->sortByColumn(StockTableModel::Location, Qt::AscendingOrder);
        updateCount();
    });
    connect(m_transfer, &QPushButton::clicked, this, &PartsView::transferRequested);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PartsView::updateCount);
    updateCount();
}

void PartsView::setSnapshot(const parts::StockSnapshot &snapshot)
{
    // The selection and the chosen location survive a reload.
    const QString sku = selectedSku();
    const QString location = selectedLocation();
    const QString chosen = m_location->currentData().toString();
    {
        const QSignalBlocker block(m_location);
        m_location->clear();
        m_location->addItem(tr("All locations"), QString());
        for (const parts::StockPlace &p : snapshot.places)
            m_location->addItem(p.label, p.location);
        const int at = m_location->findData(chosen);
        m_location->setCurrentIndex(at < 0 ? 0 : at);
    }
    m_proxy->setLocation(m_location->currentData().toString());
    m_model->setSnapshot(snapshot);
    const int row = m_model->rowOf(sku, location);
    if (row >= 0) {
        const QModelIndex at = m_proxy->mapFromSource(m_model->index(row, 0));
        if (at.isValid()) {
            m_table->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    }
    updateCount();
}

void PartsView::setPermissions(bool mayEditReorderPoints, bool mayTransfer, const QString &why)
{
    m_model->setReorderPointsEditable(mayEditReorderPoints);
    m_transfer->setEnabled(mayTransfer);
    m_transfer->setToolTip(mayTransfer ? tr("Move stock between warehouses and vans") : why);
    m_note->setText(why);
    m_note->setVisible(!why.isEmpty() && (!mayEditReorderPoints || !mayTransfer));
}

QString PartsView::selectedSku() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(roles::StockSku).toString() : QString();
}

QString PartsView::selectedLocation() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(roles::StockLocation).toString() : QString();
}

void PartsView::showProblem(const QString &message)
{
    m_message->setStyleSheet(problemTextStyle());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void PartsView::showStatus(const QString &message)
{
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

bool PartsView::eventFilter(QObject *watched, QEvent *event)
{
    // F2 on any cell of a row edits that row's reorder point.
    if (watched == m_table && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_F2) {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid() && current.column() != StockTableModel::ReorderPoint) {
            const QModelIndex point = current.siblingAtColumn(StockTableModel::ReorderPoint);
            if (point.flags() & Qt::ItemIsEditable) {
                m_table->setCurrentIndex(point);
                m_table->edit(point);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PartsView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    m_count->setText(shown == all ? tr("Stock rows: %1").arg(all) : tr("Stock rows: %1 of %2").arg(shown).arg(all));
}

} // namespace fieldops::widgets
