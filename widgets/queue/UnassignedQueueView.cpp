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
    new SelectionBinder(m_view, m_proxy, selection);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTextElideMode(Qt::ElideRight);
    // Sorted by SLA risk until the dispatcher clicks another column (UnassignedQueueProxy).
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(UnassignedQueueProxy::riskColumn(), Qt::AscendingOrder);
    const QList<int> shown{WorkOrderTableModel::PriorityColumn, WorkOrderTableModel::IdColumn,
                           WorkOrderTableModel::SummaryColumn,  WorkOrderTableModel::CustomerColumn,
                           WorkOrderTableModel::SlaDueColumn,   WorkOrderTableModel::DurationColumn,
                           WorkOrderTableModel::SkillsColumn};
    for (int c = 0; c < WorkOrderTableModel::ColumnCount; ++c)
        m_view->setColumnHidden(c, !shown.contains(c));
    QHeaderView *h = m_view->header();
    h->setSectionsMovable(true);
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(true);
    for (int i = 0; i < shown.size(); ++i)
        h->moveSection(h->visualIndex(shown[i]), i);
    const QFontMetrics fm = fontMetrics();
    const auto fit = [&](int column, const QString &sample) { h->resizeSection(column, fm.horizontalAdvance(sample) + 24); };
    fit(WorkOrderTableModel::PriorityColumn, tr("3 Normal"));
    fit(WorkOrderTableModel::IdColumn, QStringLiteral("WO-000000"));
    fit(WorkOrderTableModel::SummaryColumn, QString(22, QLatin1Char('x')));
    fit(WorkOrderTableModel::CustomerColumn, QString(16, QLatin1Char('x')));
    fit(WorkOrderTableModel::SlaDueColumn, QStringLiteral("30 Sep 00:00"));
    fit(WorkOrderTableModel::DurationColumn, tr("%1 min").arg(000));

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
}

QSize UnassignedQueueView::sizeHint() const
{
    // Wide enough for priority, id and the start of the summary; the rest scrolls.
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 46, 480};
}

QByteArray UnassignedQueueView::headerState() const { return m_view->header()->saveState(); }

bool UnassignedQueueView::restoreHeaderState(const QByteArray &state)
{
    QHeaderView *h = m_view->header();
    if (state.isEmpty() || !h->restoreState(state))
        return false;
    // restoreState sets the indicator without telling the view: sort the rows to match.
    m_view->sortByColumn(h->sortIndicatorSection(), h->sortIndicatorOrder());
    return true;
}

void UnassignedQueueView::updateCount()
{
    m_count->setText(tr("Waiting for a technician: %1").arg(m_proxy->rowCount()));
}

} // namespace fieldops::widgets
