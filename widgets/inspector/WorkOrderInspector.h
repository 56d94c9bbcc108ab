#pragma once
// The inspector dock's content: everything about the selected work order (site, customer,
// asset, contract, skills, window, SLA), its visits with how each ended, and the job's
// story: time booked, parts used, ratings and what remains. It only displays what it is
// given; loading is the session's job.
#include "repositories/WorkOrderRepository.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QAbstractItemModel;
class QAction;
class QComboBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace fieldops {
class AuditHistoryFilter;
}

namespace fieldops::widgets {

class WorkOrderInspector : public QWidget {
    Q_OBJECT
public:
    explicit WorkOrderInspector(QWidget *parent = nullptr);
    void setDetails(const std::optional<WorkOrderDetails> &details);
    // The History tab's rows (an AuditHistoryModel, loaded by the session); not owned.
    void setHistoryModel(QAbstractItemModel *model);
    // Shows the History tab narrowed to one visit (empty: the whole work order).
    void showHistoryOf(const QString &appointmentId);

    // What the inspector shows now, by field name ("title", "site", "sla", …), for tests.
    QString fieldText(const QString &field) const;
    QTreeWidget *appointmentList() const { return m_appointments; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *historyView() const { return m_historyView; }
    QComboBox *historyScope() const { return m_historyScope; }
    bool isShowingDetails() const;
    // Buttons for actions on the shown work order (edit, cancel), under its title.
    void setActions(const QList<QAction *> &actions);
    // Actions on the visit chosen in the visits list (its context menu).
    void setVisitActions(const QList<QAction *> &actions);
    // The visit chosen in the list, if any.
    QString selectedAppointmentId() const;
    QSize sizeHint() const override;

private:
    QLabel *addField(QFormLayout *form, const QString &name, const QString &label);
    QWidget *buildHistoryPage();
    void applyHistoryScope();
    QTabWidget *m_tabs;
    QTableView *m_historyView = nullptr;
    QComboBox *m_historyScope = nullptr;
    AuditHistoryFilter *m_historyFilter = nullptr;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QHBoxLayout *m_actionsRow = nullptr;
    QLabel *m_summary;
    QLabel *m_story = nullptr;
    QHash<QString, QLabel *> m_fields;
    QTreeWidget *m_appointments;
};

} // namespace fieldops::widgets
