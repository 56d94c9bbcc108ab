#pragma once
// Keeps an item view's current row and the shared SelectionService in step, both ways:
// clicking a row selects that work order everywhere; selecting elsewhere (queue, alerts,
// later the board and map) moves this view to the row and scrolls to it. Rows are found
// by roles::WorkOrderId, so any model or proxy that provides that role works.
#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QAbstractItemView;

namespace fieldops {
class SelectionService;
}

namespace fieldops::widgets {

class SelectionBinder : public QObject {
    Q_OBJECT
public:
    // Parented to the view; sets `model` on the view (which must have none yet).
    SelectionBinder(QAbstractItemView *view, QAbstractItemModel *model, SelectionService *selection);

private:
    void fromView();
    void toView();
    QAbstractItemView *m_view;
    QPointer<SelectionService> m_selection;
    bool m_updatingView = false;
    bool m_removingCurrent = false; // the current row is leaving the view
};

} // namespace fieldops::widgets
