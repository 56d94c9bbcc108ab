#pragma once
// The alerts dock's content: every kind of alert with an icon per kind and a summary of the
// counts. Activating an alert selects its work order (and technician) everywhere; Dismiss…
// (the row's menu, Delete) asks the owner to hide it with a reason.
#include <QWidget>
#include <functional>

class QAction;
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
    QAction *dismissAction() const { return m_dismiss; }
    // Roles the server lets dismiss alerts (dispatchers, managers, admins).
    void setDismissAllowed(bool allowed);
    QSize sizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // `key`: Alert::key of the current row; `text`: how the row reads.
    void dismissRequested(const QString &key, const QString &text);

private:
    void updateSummary();
    QAction *m_dismiss = nullptr;
    bool m_dismissAllowed = true;
    std::function<void()> m_followCurrent;
    AlertListModel *m_model;
    QListView *m_view;
    QLabel *m_summary;
};

} // namespace fieldops::widgets
