#pragma once
// The form model of the editing spine, for any record: the field values (as bound in SQL,
// see RecordValues), the problems field by field from the record's rules, whether the
// user changed anything, and the version the record was loaded at. A widget binds to it;
// save() turns it into the record edits (the whole record for a new one, the changed
// fields for an existing one) that a service writes and the undo stack replays. The same
// rules run in the CLI and the importer's checks, so a rule is written once.
#include "records/RecordEdit.h"
#include "workorders/WorkOrderDraft.h"

#include <QObject>
#include <functional>

namespace fieldops::records {

// Everything wrong with `values` that can be told without the database.
using RecordRules = std::function<workorders::FieldIssues(const RecordValues &values, bool isNew)>;

class RecordFormModel : public QObject {
    Q_OBJECT
public:
    RecordFormModel(const RecordSpec &spec, RecordRules rules, QObject *parent = nullptr);

    const RecordSpec &spec() const { return m_spec; }
    // A new record with these values (defaults); `id` may be empty for a generated one.
    void startNew(const QString &id, const RecordValues &defaults);
    // An existing record as read, at `version`.
    void load(const QString &id, const RecordValues &values, int version);

    bool isNew() const { return m_isNew; }
    bool isDirty() const { return m_values != m_loaded || (m_isNew && m_idEdited); }
    QString id() const { return m_id; }
    void setId(const QString &id);
    int version() const { return m_version; }
    QVariant value(const QString &field) const { return m_values.value(field); }
    const RecordValues &values() const { return m_values; }
    void setValue(const QString &field, const QVariant &value);

    const workorders::FieldIssues &issues() const { return m_issues; }
    QString issue(const QString &field) const;
    bool canSave() const { return m_issues.isEmpty() && (isDirty() || m_isNew); }

    // The edits that save the form: Create with every value, or Update with the changes.
    RecordEdits edits() const;

signals:
    void changed();

private:
    void check();
    const RecordSpec &m_spec;
    RecordRules m_rules;
    QString m_id;
    RecordValues m_values;
    RecordValues m_loaded;
    workorders::FieldIssues m_issues;
    int m_version = 0;
    bool m_isNew = true;
    bool m_idEdited = false;
};

} // namespace fieldops::records
