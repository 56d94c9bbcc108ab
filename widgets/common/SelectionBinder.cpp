#include "common/SelectionBinder.h"

#include "itemmodels/ItemRoles.h"
#include "selection/SelectionService.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

namespace fieldops::widgets {

SelectionBinder::SelectionBinder(QAbstractItemView *view, QAbstractItemModel *model, SelectionService *selection)
    : QObject(view), m_view(view), m_selection(selection)
{
    // When the current row leaves the view (a queue job gets booked), the view moves its
    // current row to a neighbour, which would select that other work order everywhere.
    // Seeing the removal first needs these connections made before the view's own, hence
    // the model is set on the view here, after them.
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &parent, int first, int last) {
        const QModelIndex current = m_view->selectionModel()->currentIndex();
        m_removingCurrent = current.isValid() && current.parent() == parent && current.row() >= first && current.row() <= last;
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_removingCurrent)
            return;
        m_removingCurrent = false;
        m_updatingView = true;
        m_view->selectionModel()->clearSelection();
        m_view->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        m_updatingView = false;
    });
    view->setModel(model);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SelectionBinder::fromView);
    connect(selection, &SelectionService::workOrderChanged, this, &SelectionBinder::toView);
    // A refresh or a new filter rebuilds rows: put the highlight back on the same work order.
    connect(model, &QAbstractItemModel::modelReset, this, &SelectionBinder::toView);
    connect(model, &QAbstractItemModel::layoutChanged, this, &SelectionBinder::toView);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SelectionBinder::toView);
}

void SelectionBinder::fromView()
{
    if (m_updatingView || m_removingCurrent || !m_selection)
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
