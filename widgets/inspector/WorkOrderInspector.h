#pragma once
// The inspector dock's content: everything about the selected work order (site, customer,
// asset, contract, skills, window, SLA) and its appointments. It only displays what it is
// given; loading is the session's job.
#include "repositories/WorkOrderRepository.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace fieldops::widgets {

class WorkOrderInspector : public QWidget {
    Q_OBJECT
public:
    explicit WorkOrderInspector(QWidget *parent = nullptr);
    void setDetails(const std::optional<WorkOrderDetails> &details);

    // What the inspector shows now, by field name ("title", "site", "sla", …), for tests.
    QString fieldText(const QString &field) const;
    QTreeWidget *appointmentList() const { return m_appointments; }
    bool isShowingDetails() const;
    QSize sizeHint() const override;

private:
    QLabel *addField(QFormLayout *form, const QString &name, const QString &label);
    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_summary;
    QHash<QString, QLabel *> m_fields;
    QTreeWidget *m_appointments;
};

} // namespace fieldops::widgets
