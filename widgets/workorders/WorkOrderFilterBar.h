#pragma once
// The row above the work-order table: a search box and status, type and priority choices,
// applied to a WorkOrderFilterProxy as the user types (with a short pause so a fast
// typist does not re-filter ten thousand rows per key).
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace fieldops {
class WorkOrderFilterProxy;
}

namespace fieldops::widgets {

class WorkOrderFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit WorkOrderFilterBar(WorkOrderFilterProxy *proxy, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *statusCombo() const { return m_status; }
    QComboBox *typeCombo() const { return m_type; }
    QComboBox *priorityCombo() const { return m_priority; }
    // Applies pending input now (the debounce is for typing, tests need not wait).
    void applyNow();
    void clear();

private:
    void updateCount();
    WorkOrderFilterProxy *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_type;
    QComboBox *m_priority;
    QLabel *m_count;
    QTimer m_typingPause;
};

} // namespace fieldops::widgets
