#pragma once
// A form for any record, built from a list of fields and bound to a RecordFormModel:
// each field's editor writes the model as the user types, and the field's problem shows
// beneath it in red. The owner puts the Save button beside it and enables it with the
// model's canSave(). Customers, sites and assets use it; contracts and the rest can.
#include <QHash>
#include <QVector>
#include <QWidget>

class QLabel;
class QFormLayout;

namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {

struct FieldDescriptor {
    enum class Kind { Id, Text, MultiLine, Number, Date, TimeZone };
    QString field; // the column name
    QString label; // with a & mnemonic
    Kind kind = Kind::Text;
    QString placeholder;
};

class RecordFormWidget : public QWidget {
    Q_OBJECT
public:
    RecordFormWidget(records::RecordFormModel *model, const QVector<FieldDescriptor> &fields, QWidget *parent = nullptr);

    QWidget *editor(const QString &field) const { return m_editors.value(field); }
    QLabel *issueLabel(const QString &field) const { return m_issues.value(field); }
    // Every editor read-only (the id too), with the reason above the fields.
    void setReadOnly(bool readOnly, const QString &why = {});

private:
    void refresh();
    records::RecordFormModel *m_model;
    QVector<FieldDescriptor> m_fields;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_issues;
    QLabel *m_readOnlyNote;
    bool m_refreshing = false;
};

} // namespace fieldops::widgets
