#pragma once
// The status bar's word on the condition rules' evaluation: whether this console or another
// one evaluates (ConditionWatch), with the last run or the holder in the tooltip. Hidden
// while nothing is evaluated here.
#include <QLabel>

namespace fieldops::conditions {
class ConditionWatch;
}

namespace fieldops::widgets {

class ConditionWatchLabel : public QLabel {
    Q_OBJECT
public:
    explicit ConditionWatchLabel(conditions::ConditionWatch *watch, QWidget *parent = nullptr);

private:
    void follow();
    conditions::ConditionWatch *m_watch;
};

} // namespace fieldops::widgets
