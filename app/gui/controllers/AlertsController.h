#pragma once
// What people do with alerts: dismiss one with a reason (from the alerts dock) and change
// the operation's thresholds (Tools → Alert thresholds…). Both are written on the session's
// worker and land on the undo stack as one step; every console's list follows through the
// change feed. Offered to the roles the server lets write them.
#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QWidget;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::alerts {
class AlertService;
}
namespace fieldops::widgets {
class AlertThresholdsDialog;
class AlertsView;
}

namespace fieldops::gui {

class AlertsController : public QObject {
    Q_OBJECT
public:
    AlertsController(ConsoleSession *session, widgets::AlertsView *view, QWidget *dialogParent);

    QAction *thresholdsAction() const { return m_thresholds; }
    widgets::AlertThresholdsDialog *thresholdsDialog() const;
    // Asks why the alert is dismissed: the reason, or empty to keep it. The default is an
    // input box.
    using AskReason = std::function<QString(const QString &alertText)>;
    void setAskReason(AskReason ask) { m_askReason = std::move(ask); }

public slots:
    void dismiss(const QString &key, const QString &text);
    void editThresholds();

signals:
    void problem(const QString &message);

private:
    void applyPermissions();

    ConsoleSession *m_session;
    widgets::AlertsView *m_view;
    QWidget *m_dialogParent;
    alerts::AlertService *m_service;
    QAction *m_thresholds;
    QPointer<widgets::AlertThresholdsDialog> m_dialog;
    AskReason m_askReason;
};

} // namespace fieldops::gui
