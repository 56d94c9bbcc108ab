#pragma once
// The work-order intake form, bound to a WorkOrderFormModel: the customer by type-ahead,
// the site and asset from that customer's, type, priority, summary and description,
// required skills, estimated duration, the customer's time window and the SLA (computed
// with its rule shown, or typed over). Every field shows its problem beneath it as the
// user types; the owner enables Save with the model's canSave(). Possible duplicates
// (open work orders on the same site) are listed above the buttons with a way to open one.
#include "common/TypeAheadField.h"
#include "workorders/IntakeCatalog.h"

#include <QHash>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace fieldops::workorders {
class WorkOrderFormModel;
}

namespace fieldops::widgets {

class WorkOrderForm : public QWidget {
    Q_OBJECT
public:
    explicit WorkOrderForm(workorders::WorkOrderFormModel *model, QWidget *parent = nullptr);

    // Answers the type-ahead's queries (the owner searches its customer directory).
    using CustomerSearch = std::function<QVector<Suggestion>(const QString &query)>;
    void setCustomerSearch(CustomerSearch search) { m_search = std::move(search); }
    // Shown while the customer's sites are read, or when the read failed.
    void setCustomerNote(const QString &note);
    void setDuplicates(const QVector<workorders::PossibleDuplicate> &duplicates);
    // Read-only: every field disabled, with the reason shown at the top.
    void setReadOnly(bool readOnly, const QString &why = {});

    TypeAheadField *customerField() const { return m_customer; }
    // The label that shows a field's problem, by the field's column name (tests, focus).
    QLabel *issueLabel(const QString &field) const { return m_issueLabels.value(field); }

signals:
    void customerChosen(const QString &customerId, const QString &name);
    void openWorkOrderRequested(const QString &workOrderId);

private:
    void refresh(); // model → widgets
    void addField(QFormLayout *layout, const QString &label, QWidget *field, const QString &column);
    void emitWindow();
    void emitSkills();

    workorders::WorkOrderFormModel *m_model;
    CustomerSearch m_search;
    bool m_refreshing = false;
    QLabel *m_readOnlyNote;
    TypeAheadField *m_customer;
    QLabel *m_customerNote;
    QComboBox *m_site;
    QComboBox *m_asset;
    QLabel *m_warranty;
    QLabel *m_warrantyNote;
    QComboBox *m_type;
    QComboBox *m_priority;
    QLineEdit *m_summary;
    QPlainTextEdit *m_description;
    QListWidget *m_skills;
    QLineEdit *m_parts;
    QSpinBox *m_duration;
    QCheckBox *m_hasWindow;
    QDateTimeEdit *m_windowStart;
    QDateTimeEdit *m_windowEnd;
    QCheckBox *m_slaAuto;
    QDateTimeEdit *m_slaDue;
    QLabel *m_slaRule;
    QLabel *m_duplicates;
    QHash<QString, QLabel *> m_issueLabels;
};

} // namespace fieldops::widgets
