#include "records/RecordFormModel.h"

namespace fieldops::records {

RecordFormModel::RecordFormModel(const RecordSpec &spec, RecordRules rules, QObject *parent)
    : QObject(parent), m_spec(spec), m_rules(std::move(rules))
{
}

void RecordFormModel::startNew(const QString &id, const RecordValues &defaults)
{
    m_id = id;
    m_values = defaults;
    m_loaded = defaults;
    m_version = 0;
    m_isNew = true;
    m_idEdited = false;
    check();
}

void RecordFormModel::load(const QString &id, const RecordValues &values, int version)
{
    m_id = id;
    m_values = values;
    m_loaded = values;
    m_version = version;
    m_isNew = false;
    m_idEdited = false;
    check();
}

void RecordFormModel::setId(const QString &id)
{
    if (!m_isNew || id == m_id)
        return;
    m_id = id;
    m_idEdited = true;
    check();
}

void RecordFormModel::setValue(const QString &field, const QVariant &value)
{
    if (m_values.value(field) == value && m_values.contains(field))
        return;
    m_values.insert(field, value);
    check();
}

QString RecordFormModel::issue(const QString &field) const
{
    for (const workorders::FieldIssue &i : m_issues)
        if (i.field == field)
            return i.message;
    return {};
}

void RecordFormModel::check()
{
    RecordValues withId = m_values;
    withId.insert(m_spec.keyColumn, m_id);
    m_issues = m_rules ? m_rules(withId, m_isNew) : workorders::FieldIssues();
    emit changed();
}

RecordEdits RecordFormModel::edits() const
{
    if (m_isNew)
        return createEdit(m_spec, m_id, m_values);
    return updateEdit(m_spec, m_id, m_version, m_loaded, m_values);
}

} // namespace fieldops::records
