#pragma once
// The schedule tab's content: the toolbar over the board, and a line for the verdicts and
// refusals the dispatcher must read. It also chooses the horizon: 14 days from the day
// before the chosen date, reloaded when the date picker leaves it. The load runs on the
// editor's reader thread when it has one; the page scrolls once the horizon arrives.
#include "ScheduleBoard.h"

#include <QDate>
#include <QWidget>

class QLabel;

namespace fieldops {
class BoardEditor;
}

namespace fieldops::widgets {
class BoardToolbar;

class SchedulePage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHorizonDays = 14;

    explicit SchedulePage(BoardEditor *editor, QWidget *parent = nullptr);
    ScheduleBoard *board() const { return m_board; }
    BoardToolbar *toolbar() const { return m_toolbar; }
    QLabel *messageLine() const { return m_message; }
    // How the message line reads (a refusal in red, a warning in amber).
    ScheduleBoard::MessageKind messageKind() const { return m_messageKind; }

    // Read-only while edits cannot be made (a role without the right, a lost connection);
    // `why` is shown on the message line.
    void setEditable(bool editable, const QString &why = {});

    // Loads the horizon around `date` (today when null) and scrolls to it.
    void showDate(const QDate &date = {});

private:
    void showMessage(const QString &text, ScheduleBoard::MessageKind kind = ScheduleBoard::MessageKind::Info);
    void onHorizonLoaded();
    QString loadingText() const;

    BoardEditor *m_editor;
    BoardToolbar *m_toolbar;
    ScheduleBoard *m_board;
    QLabel *m_message;
    ScheduleBoard::MessageKind m_messageKind = ScheduleBoard::MessageKind::Info;
    QDate m_pendingDay; // scrolled to once its horizon has loaded
};

} // namespace fieldops::widgets
