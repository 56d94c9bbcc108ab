#pragma once
// A form for any record, built from a list of fields and bound to a RecordFormModel:
// each field's editor writes the model as the user types, and the field's problem shows
// beneath it in red. The owner puts the Save button beside it and enables it with the
// model's canSave(). Customers, sites and assets use it; contracts and the rest can.
#include <QHash>
#include <QVector>
#include <QWidget>
#include <utility>

class QLabel;
class QFormLayout;

namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {

struct FieldDescriptor {
    // Choice: one of `options` (stored value, shown text); Check: a yes/no (bool);
    // Days: the week's days ticked, stored "Mon;Tue;…" like the interchange's lists.
    enum class Kind { Id, Text, MultiLine, Number, Date, TimeZone, Choice, Check, Days };
    QString field; // the column name
    QString label; // with a & mnemonic
    Kind kind = Kind::Text;
    QString placeholder;
    QVector<std::pair<QString, QString>> options = {};
};

class RecordFormWidget : public QWidget {
    Q_OBJECT
public:
    RecordFormWidget(records::RecordFormModel *model, const QVector<FieldDescriptor> &fields, QWidget *parent = nullptr);

    QWidget *editor(const QString &field) const { return m_editors.value(field); }
    QLabel *issueLabel(const QString &field) const { return m_issues.value(field); }
    // The choices of a Choice field (e.g. the assets of the record's customer).
    void setOptions(const QString &field, const QVector<std::pair<QString, QString>> &options);
    // Every editor read-only (the id too), with the reason above the fields.
    void setReadOnly(bool readOnly, const QString &why = {});

private:
    void refresh();
    QWidget *makeDays(const QString &field);
    records::RecordFormModel *m_model;
    QVector<FieldDescriptor> m_fields;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_issues;
    QLabel *m_readOnlyNote;
    bool m_refreshing = false;
};

} // namespace fieldops::widgets
