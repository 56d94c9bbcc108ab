#pragma once
#include <QLabel>
namespace fieldops::widgets {
// A small coloured pill for connection and sync states in the status bar.
class StatusBadge : public QLabel {
    Q_OBJECT
public:
    enum class State { Ok, Warning, Error, Idle };
    explicit StatusBadge(QWidget *parent = nullptr);
    void setState(State state, const QString &text);
    State state() const { return m_state; }

private:
    State m_state = State::Idle;
};
} // namespace fieldops::widgets
