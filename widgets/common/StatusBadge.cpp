#include "common/StatusBadge.h"

namespace fieldops::widgets {

StatusBadge::StatusBadge(QWidget *parent) : QLabel(parent)
{
    setMargin(2);
    setState(State::Idle, QString());
}

void StatusBadge::setState(State state, const QString &text)
{
    m_state = state;
    const char *colour = "#9e9e9e";
    switch (state) {
    case State::Ok: colour = "#2e7d32"; break;
    case State::Warning: colour = "#ef6c00"; break;
    case State::Error: colour = "#c62828"; break;
    case State::Idle: break;
    }
    setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 6px; padding: 1px 8px; }")
                      .arg(QLatin1String(colour)));
    setText(text);
}

} // namespace fieldops::widgets
