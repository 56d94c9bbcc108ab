#pragma once
// The board's toolbar: visible span (day, 3 days, week, 2 weeks), today, a date picker,
// the snap step, the "mark absent" drawing mode, and the filters (territory, skill,
// employment, name, cancelled shown).
// It only emits what the dispatcher chose; SchedulePage applies it to the board.
#include "board/BoardFilter.h"
#include "board/TimeScale.h"

#include <QWidget>

class QAction;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QToolBar;
class QToolButton;

namespace fieldops::board {
class BoardModel;
}

namespace fieldops::widgets {

class BoardToolbar : public QWidget {
    Q_OBJECT
public:
    explicit BoardToolbar(QWidget *parent = nullptr);

    // Fills the filter choices from the loaded technicians (keeps the current choice).
    void setChoices(const board::BoardModel &model);
    void setDate(const QDate &date);
    // The day the date picker shows (the board's day).
    QDate date() const;
    // A tool of another part of the console (e.g. "Optimize day"), after the modes; the
    // toolbar shows it as a button and does not own it.
    void addTool(QAction *action);
    QToolBar *toolBar() const { return m_bar; }
    void setSpan(board::VisibleSpan span);
    board::BoardFilter filter() const;
    int snapMinutes() const;
    // The "mark absent" button: offered to roles that record absences, checked while the
    // board is in that mode.
    void setMarkAbsentAvailable(bool available);
    void setMarkAbsentChecked(bool checked);

signals:
    void spanChanged(fieldops::board::VisibleSpan span);
    void todayRequested();
    void dateChosen(const QDate &date);
    void snapChanged(int minutes);
    void filterChanged();
    void markAbsentToggled(bool on);

private:
    QToolBar *m_bar;
    QAction *m_toolsAnchor; // tools go before this (the snap step's label)
    QButtonGroup *m_spans;
    QToolButton *m_today;
    QToolButton *m_markAbsent;
    QDateEdit *m_date;
    QComboBox *m_snap;
    QComboBox *m_territory;
    QComboBox *m_skill;
    QComboBox *m_employment;
    QLineEdit *m_search;
    QCheckBox *m_cancelled;
};

} // namespace fieldops::widgets
