#pragma once
// Repairing the day from the console: "Technician off sick from now…" and "Visit runs
// long…" on a bar's menu of the board, "Make room for the urgent job…" (Ctrl+Shift+U, Edit
// menu) on the selected work order. Each reads the board's day on the session's worker
// (DayPlanLoader, as `fieldops-cli repair`), works out the options with QtConcurrent off the
// GUI thread (dayplan::repairDay), shows them in a RepairDialog, and writes the chosen one
// through the board's editor as one undo step (RepairDayCommand).
#include "dayplan/DayRepair.h"
#include "repair/RepairDialog.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QAction;
class QMainWindow;
template <typename T>
class QFutureWatcher;

namespace fieldops {
class BoardEditor;
class ConsoleSession;
}
namespace fieldops::widgets {
class SchedulePage;
}

namespace fieldops::gui {

class RepairController : public QObject {
    Q_OBJECT
public:
    RepairController(QMainWindow *window, ConsoleSession *session);
    ~RepairController() override;

    void attach(BoardEditor *editor, widgets::SchedulePage *page);
    void detach();

    // Ctrl+Shift+U: the selected work order must go on the board's day.
    QAction *urgentAction() const { return m_urgent; }
    // The dialog on show (tests), or null; panel() as the board's side panels call theirs.
    widgets::RepairDialog *dialog() const { return m_dialog; }
    widgets::RepairDialog *panel() const { return m_dialog; }

public slots:
    void repairAbsence(const QString &technicianId);
    void repairOverrun(const QString &appointmentId);
    void repairUrgent(const QString &workOrderId);

signals:
    // The options are on show, or why there are none (tests wait on it).
    void optionsShown();
    // The chosen option was written.
    void applied();
    void problem(const QString &message);

private:
    void start(const dayplan::Disruption &disruption, const QString &title);
    void apply(int option);

    QMainWindow *m_window;
    ConsoleSession *m_session;
    QAction *m_urgent;
    BoardEditor *m_editor = nullptr;
    widgets::SchedulePage *m_page = nullptr;
    QPointer<widgets::RepairDialog> m_dialog;
    QFutureWatcher<Result<dayplan::DayRepair>> *m_watcher;
    quint64 m_generation = 0; // a newer repair drops the answers of older ones
    // What the options on show rest on.
    dayplan::DayPlanInput m_input;
    dayplan::DayRepair m_repair;
    QString m_title;
};

} // namespace fieldops::gui
