#pragma once
// The alerts dock's content: breached and soon-due SLAs and late arrivals, with an icon
// per kind. Activating an alert selects its work order everywhere.
#include <QWidget>

class QLabel;
class QListView;

namespace fieldops {
class AlertListModel;
class SelectionService;
}

namespace fieldops::widgets {

class AlertsView : public QWidget {
    Q_OBJECT
public:
    AlertsView(AlertListModel *model, SelectionService *selection, QWidget *parent = nullptr);
    QListView *view() const { return m_view; }
    QSize sizeHint() const override;

private:
    void updateSummary();
    AlertListModel *m_model;
    QListView *m_view;
    QLabel *m_summary;
};

} // namespace fieldops::widgets
