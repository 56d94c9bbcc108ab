#include "conditions/ConditionWatchLabel.h"

#include "conditions/ConditionWatch.h"

namespace fieldops::widgets {

ConditionWatchLabel::ConditionWatchLabel(conditions::ConditionWatch *watch, QWidget *parent) : QLabel(parent), m_watch(watch)
{
    setObjectName(QStringLiteral("conditionWatchLabel"));
    connect(watch, &conditions::ConditionWatch::roleChanged, this, &ConditionWatchLabel::follow);
    connect(watch, &conditions::ConditionWatch::evaluated, this, &ConditionWatchLabel::follow);
    follow();
}

void ConditionWatchLabel::follow()
{
    setText(m_watch->statusText());
    setToolTip(m_watch->statusDetails());
    setVisible(m_watch->role() != conditions::ConditionWatch::Role::Off);
}

} // namespace fieldops::widgets
