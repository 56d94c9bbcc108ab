#include "common/SelectionBinder.h"

#include "itemmodels/ItemRoles.h"
#include "selection/SelectionService.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

namespace fieldops::widgets {

SelectionBinder::SelectionBinder(QAbstractItemView *view, SelectionService *selection)
    : QObject(view), m_view(view), m_selection(selection)
{
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SelectionBinder::fromView);
    connect(selection, &SelectionService::workOrderChanged, this, &SelectionBinder::toView);
    // A refresh or a new filter rebuilds rows: put the highlight back on the same work order.
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &SelectionBinder::toView);
    connect(model, &QAbstractItemModel::layoutChanged, this, &SelectionBinder::toView);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SelectionBinder::toView);
}

void SelectionBinder::fromView()
{
    if (m_updatingView || !m_selection)
        return;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return; // rows vanishing under a filter do not unselect the work order elsewhere
    m_selection->selectWorkOrder(current.siblingAtColumn(0).data(roles::WorkOrderId).toString());
}

void SelectionBinder::toView()
{
    if (!m_selection)
        return;
    const QString id = m_selection->workOrderId();
    QItemSelectionModel *sm = m_view->selectionModel();
    QModelIndex target;
    if (!id.isEmpty()) {
        const QModelIndexList hits = m_view->model()->match(m_view->model()->index(0, 0), roles::WorkOrderId, id, 1,
                                                            Qt::MatchExactly);
        if (!hits.isEmpty())
            target = hits.first();
    }
    if (target == sm->currentIndex().siblingAtColumn(0) && (target.isValid() == sm->hasSelection()))
        return;
    m_updatingView = true;
    if (target.isValid()) {
        sm->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(target);
    } else {
        sm->clearSelection();
        sm->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
    }
    m_updatingView = false;
}

} // namespace fieldops::widgets
