#pragma once
// The settings page for the condition rules' evaluation in the console: how often it runs
// (1 minute to 24 hours). apply() saves and announces it, so the running console follows
// at once; the spin box cannot hold a value outside the range.
#include <QWidget>

class QSpinBox;

namespace fieldops::widgets {

class ConditionsPage : public QWidget {
    Q_OBJECT
public:
    explicit ConditionsPage(QWidget *parent = nullptr);
    QSpinBox *intervalBox() const { return m_interval; }
    bool apply();

private:
    QSpinBox *m_interval;
};

} // namespace fieldops::widgets
