#include "queue/UnassignedQueueView.h"

#include "common/SelectionBinder.h"
#include "itemmodels/UnassignedQueueProxy.h"
#include "itemmodels/WorkOrderTableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace fieldops::widgets {

UnassignedQueueView::UnassignedQueueView(WorkOrderTableModel *model, SelectionService *selection, QWidget *parent)
    : QWidget(parent)
{
    m_proxy = new UnassignedQueueProxy(this);
    m_proxy->setSourceModel(model);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("unassignedQueue"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTextElideMode(Qt::ElideRight);
    // The queue's order is fixed (urgency), so no sortable header.
    m_view->setSortingEnabled(false);
    const QList<int> shown{WorkOrderTableModel::PriorityColumn, WorkOrderTableModel::IdColumn,
                           WorkOrderTableModel::SlaDueColumn, WorkOrderTableModel::SiteColumn};
    for (int c = 0; c < WorkOrderTableModel::ColumnCount; ++c)
        m_view->setColumnHidden(c, !shown.contains(c));
    QHeaderView *h = m_view->header();
    h->setSectionsMovable(false);
    for (int i = 0; i < shown.size(); ++i)
        h->moveSection(h->visualIndex(shown[i]), i);
    h->setStretchLastSection(true);
    const QFontMetrics fm = fontMetrics();
    h->resizeSection(WorkOrderTableModel::PriorityColumn, fm.horizontalAdvance(tr("3 Normal")) + 20);
    h->resizeSection(WorkOrderTableModel::IdColumn, fm.horizontalAdvance(QStringLiteral("WO-000000")) + 20);
    h->resizeSection(WorkOrderTableModel::SlaDueColumn, fm.horizontalAdvance(QStringLiteral("30 Sep 00:00")) + 20);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("queueCount"));
    m_count->setContentsMargins(4, 2, 4, 2);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addWidget(m_count);
    v->addWidget(m_view, 1);

    connect(m_proxy, &QAbstractItemModel::modelReset, this, &UnassignedQueueView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &UnassignedQueueView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &UnassignedQueueView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &UnassignedQueueView::updateCount);
    updateCount();
    new SelectionBinder(m_view, selection);
}

QSize UnassignedQueueView::sizeHint() const
{
    // Wide enough for priority, id, SLA and the start of the site name.
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 46, 480};
}

void UnassignedQueueView::updateCount()
{
    m_count->setText(tr("Waiting for a technician: %1").arg(m_proxy->rowCount()));
}

} // namespace fieldops::widgets
