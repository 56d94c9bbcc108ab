#pragma once
// The schedule tab's content: the toolbar over the board, and a line for the verdicts and
// refusals the dispatcher must read. It also chooses the horizon: 14 days from the day
// before the chosen date, reloaded when the date picker leaves it.
#include <QDate>
#include <QWidget>

class QLabel;

namespace fieldops {
class BoardEditor;
}

namespace fieldops::widgets {
class BoardToolbar;
class ScheduleBoard;

class SchedulePage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHorizonDays = 14;

    explicit SchedulePage(BoardEditor *editor, QWidget *parent = nullptr);
    ScheduleBoard *board() const { return m_board; }
    BoardToolbar *toolbar() const { return m_toolbar; }
    QLabel *messageLine() const { return m_message; }

    // Loads the horizon around `date` (today when null) and scrolls to it.
    void showDate(const QDate &date = {});

private:
    void showMessage(const QString &text);

    BoardEditor *m_editor;
    BoardToolbar *m_toolbar;
    ScheduleBoard *m_board;
    QLabel *m_message;
};

} // namespace fieldops::widgets
