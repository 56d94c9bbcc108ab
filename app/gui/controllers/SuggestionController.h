#pragma once
// The schedule board's suggestion panel, end to end: for the selected work order (or the
// one being dragged from the queue) it ranks feasible slots on the session's worker
// (SuggestionLoader + SuggestionRanker, as `fieldops-cli suggest`), shows them in the
// panel and shades them on the board, ranks again when the schedule changes while the
// panel is open, and drops answers the selection has moved on from. Booking pushes the
// board's own commands (an assign as a queue drop does, a move for a booked work order),
// so the version ledger, refusals and undo text are the board's. Travel times come from the
// routing service of the settings when one is set (kept across rankings of a day, so its
// cache and back-off last), else the straight-line model scaled by the speeds learned per
// territory (read once per day, never below the model).
#include <QDate>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

class QAction;
class QDockWidget;
class QMainWindow;

namespace fieldops {
class BoardEditor;
class ConsoleSession;
class SuggestionModel;
}
namespace fieldops::scheduling {
class PlanningTravelTime;
}
namespace fieldops::widgets {
class ScheduleBoard;
class SuggestionPanel;
}

namespace fieldops::gui {

class SuggestionController : public QObject {
    Q_OBJECT
public:
    static constexpr int kHorizonDays = 7; // as `fieldops-cli suggest` searches by default
    static constexpr int kTop = 5;

    SuggestionController(QMainWindow *window, ConsoleSession *session);
    ~SuggestionController() override;

    // The board and its editor while the schedule tab is open (bookings need them).
    void attach(BoardEditor *editor, widgets::ScheduleBoard *board);
    void detach();

    QDockWidget *dock() const { return m_dock; }
    widgets::SuggestionPanel *panel() const { return m_panel; }
    SuggestionModel *model() const { return m_model; }
    // "Suggest technician…" (Ctrl+G): opens the panel on the selected work order.
    QAction *suggestAction() const { return m_action; }
    // The work order the panel is about (empty when none).
    QString workOrderId() const { return m_workOrderId; }

public slots:
    void suggestForSelection();
    void suggestFor(const QString &workOrderId);
    void book(int row);
    void close();
    // A queue row is being dragged: show its suggestions meanwhile (QueueDragSource).
    void queueDragStarted(const QString &workOrderId);
    void queueDragFinished(const QString &workOrderId);

signals:
    // An answer was shown (tests wait on it; stale answers never emit).
    void ranked(const QString &workOrderId);
    // A slot was booked: the appointment it landed as.
    void booked(const QString &appointmentId);

private:
    void rank();
    void rankSoon(); // folds a burst of changes into one ranking
    void showHighlights();
    bool isOpen() const;
    // The travel times for rankings from `day` on, as the settings name them now.
    std::shared_ptr<const scheduling::PlanningTravelTime> travelFor(const QDate &day);

    ConsoleSession *m_session;
    SuggestionModel *m_model;
    widgets::SuggestionPanel *m_panel;
    QDockWidget *m_dock;
    QAction *m_action;
    BoardEditor *m_editor = nullptr;
    widgets::ScheduleBoard *m_board = nullptr;
    QString m_workOrderId;
    QString m_workOrderStatus; // as of the answer on show
    quint64 m_generation = 0; // bumps on every ranking: only the latest answer is shown
    std::shared_ptr<const scheduling::PlanningTravelTime> m_travel;
    QString m_travelUrl; // the setting m_travel was made for
    QDate m_travelDay;
    bool m_dragging = false;
    QTimer m_rerank;
};

} // namespace fieldops::gui
