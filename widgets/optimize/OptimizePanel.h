#pragma once
// The "Optimize day" panel: the day, an optional territory and the time limit; Solve with a
// progress bar and Cancel while the optimiser searches; then the proposal as a diff (the
// visits it would book, from the queue to a technician and time), the travel before and
// after, and the work orders still unplaced with why. "Move booked visits" re-plans the whole
// day: booked visits neither locked nor started may move, and the diff lists them too. Accept books the proposal as one undo
// step, Discard drops it; when the schedule changed since the solve the panel says the
// proposal is stale and offers Solve again. It only shows and asks: the controller reads,
// solves and books (widgets never touch the database).
#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace fieldops {
class DayPlanProposalModel;
}

namespace fieldops::widgets {

class OptimizePanel : public QWidget {
    Q_OBJECT
public:
    // The model outlives the panel (the controller owns both).
    explicit OptimizePanel(DayPlanProposalModel *model, QWidget *parent = nullptr);

    void setDate(const QDate &date);
    QDate date() const;
    // (id, name) pairs; the first choice is always "All territories" (empty id).
    void setTerritories(const QList<QPair<QString, QString>> &territories);
    QString territory() const;
    double timeLimitSeconds() const;
    void setTimeLimitSeconds(double seconds);
    // Re-plan the whole day: booked visits neither locked nor started may move.
    bool moveBooked() const;
    void setMoveBooked(bool on);

    // A solve is under way: the progress bar and Cancel show, Solve and Accept do not.
    void showSolving(const QString &text);
    void setProgress(double fraction);
    // The model holds the answer (`title` says for which day).
    void showProposal(const QString &title);
    // No proposal on show (a failed read, a cancel, after Accept or Discard): `text` says why.
    void showMessage(const QString &text);
    // Why travel times were straight-line after all (the routing service failed); empty hides it.
    void setTravelNote(const QString &text);
    // The proposal rests on a schedule that changed: Accept would be refused.
    void showStale(const QString &text);
    bool isSolving() const { return m_solving; }
    bool isStale() const { return m_stale; }

    QPushButton *solveButton() const { return m_solve; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *discardButton() const { return m_discard; }
    QProgressBar *progressBar() const { return m_progress; }
    QTableView *table() const { return m_table; }
    QTreeWidget *unplacedList() const { return m_unplaced; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *travelLabel() const { return m_travel; }
    QLabel *travelNoteLabel() const { return m_travelNote; }
    QDateEdit *dateEdit() const { return m_date; }
    QCheckBox *moveBookedBox() const { return m_moveBooked; }

signals:
    void solveRequested();
    void cancelRequested();
    void acceptRequested();
    void discardRequested();

private:
    void updateButtons();

    DayPlanProposalModel *m_model;
    QDateEdit *m_date;
    QComboBox *m_territory;
    QDoubleSpinBox *m_timeLimit;
    QCheckBox *m_moveBooked = nullptr;
    QPushButton *m_solve;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_title;
    QLabel *m_message;
    QTableView *m_table;
    QLabel *m_travel;
    QLabel *m_travelNote;
    QLabel *m_unplacedTitle;
    QTreeWidget *m_unplaced;
    QPushButton *m_accept;
    QPushButton *m_discard;
    bool m_solving = false;
    bool m_stale = false;
};

} // namespace fieldops::widgets
