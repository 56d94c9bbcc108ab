#include "planning/PmWorkOrderWriter.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"
#include "workorders/WorkOrderIntake.h"

#include <QCoreApplication>

#include <map>

namespace fieldops::planning {

namespace {

// SQLite finds a bound parameter by walking a list, so a statement's cost grows with the
// square of its parameters: a few rows per statement there.
constexpr qsizetype kSqliteRowsPerStatement = 8;
// PostgreSQL gets one array per column (unnest): a handful of parameters however many
// rows, where a multi-row VALUES costs the server a parse and a coercion per value.
constexpr qsizetype kPostgresRowsPerStatement = 5000;

QString placeholders(qsizetype rows, qsizetype columns)
{
    QStringList marks(columns, QStringLiteral("?"));
    const QString row = QStringLiteral("(%1)").arg(marks.join(QStringLiteral(", ")));
    return QStringList(rows, row).join(QStringLiteral(", "));
}

bool isSqlNull(const QVariant &v)
{
    return !v.isValid() || v.isNull() || (v.metaType().id() == QMetaType::QString && v.toString().isNull());
}

// A PostgreSQL array literal of text elements: every element quoted, NULL bare.
QString arrayLiteral(const QVariantList &values)
{
    QStringList parts;
    parts.reserve(values.size());
    for (const QVariant &v : values) {
        if (isSqlNull(v)) {
            parts << QStringLiteral("NULL");
            continue;
        }
        QString text = v.metaType().id() == QMetaType::Bool ? (v.toBool() ? QStringLiteral("t") : QStringLiteral("f")) : v.toString();
        text.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        parts << QLatin1Char('"') + text + QLatin1Char('"');
    }
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

records::RecordValues valuesOf(const PmNewWorkOrder &o, const QDateTime &createdAt)
{
    workorders::WorkOrderDraft d;
    d.id = o.id;
    d.siteId = o.siteId;
    d.assetId = o.assetId;
    d.contractId = o.contractId;
    d.type = QStringLiteral("preventive");
    d.priority = 3;
    d.requiredSkills = o.skills;
    d.durationMin = o.durationMin;
    d.windowStart = o.windowStart;
    d.windowEnd = o.windowEnd;
    d.createdAt = createdAt;
    d.slaDue = o.slaDue;
    d.responseDue = o.responseDue;
    d.status = QStringLiteral("open");
    d.summary = o.summary;
    d.description = o.description;
    d.cancelReason = QStringLiteral("");
    records::RecordValues v = workorders::WorkOrderIntake::values(d);
    v.insert(QStringLiteral("pm_plan_id"), o.planId);
    v.insert(QStringLiteral("pm_due"), timefmt::toSql(o.occurrence));
    return v;
}

// The rows of one table, column by column, written in statements of up to `batch` rows.
class RowSink {
public:
    RowSink(Database &db, QString table, QStringList columns, qsizetype batch)
        : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)), m_batch(batch), m_values(m_columns.size())
    {
    }

    Status add(const QVariantList &row)
    {
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            m_values[c] << row.value(c);
        ++m_rows;
        return m_rows >= m_batch ? flush() : Status();
    }

    Status flush()
    {
        if (m_rows == 0)
            return {};
        Status s = m_db.isPostgres() ? writeArrays() : writeRows();
        for (QVariantList &column : m_values)
            column.clear();
        m_rows = 0;
        return s;
    }

private:
    QString head() const { return QStringLiteral("INSERT INTO %1(%2) ").arg(m_table, m_columns.join(QStringLiteral(", "))); }

    Status writeRows()
    {
        auto it = m_prepared.find(m_rows);
        if (it == m_prepared.end()) {
            auto q = m_db.prepare(head() + QStringLiteral("VALUES ") + placeholders(m_rows, m_columns.size()));
            if (!q)
                return q.error();
            it = m_prepared.emplace(m_rows, std::move(*q)).first;
        }
        QSqlQuery &q = it->second;
        int index = 0;
        for (qsizetype r = 0; r < m_rows; ++r)
            for (qsizetype c = 0; c < m_columns.size(); ++c)
                q.bindValue(index++, m_values[c][r]);
        return m_db.exec(q);
    }

    Status writeArrays()
    {
        if (m_types.isEmpty()) {
            // Each column's array is cast to the column's own type, as the catalog names it.
            auto q = m_db.run(QStringLiteral("SELECT column_name, udt_name FROM information_schema.columns "
                                             "WHERE table_schema = current_schema() AND table_name = ?"),
                              {m_table});
            if (!q)
                return q.error();
            QHash<QString, QString> types;
            while (q->next())
                types.insert(q->value(0).toString(), q->value(1).toString());
            for (const QString &c : m_columns) {
                if (!types.contains(c))
                    return Error::other(QCoreApplication::translate("PmWorkOrderWriter", "the database has no column %1.%2; run init to migrate it")
                                            .arg(m_table, c));
                m_types << types.value(c);
            }
        }
        QStringList arrays;
        QVariantList binds;
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            arrays << QStringLiteral("?::%1[]").arg(m_types[c]);
            binds << arrayLiteral(m_values[c]);
        }
        auto q = m_db.run(head() + QStringLiteral("SELECT * FROM unnest(%1)").arg(arrays.join(QStringLiteral(", "))), binds);
        if (!q)
            return q.error();
        return {};
    }

    Database &m_db;
    QString m_table;
    QStringList m_columns;
    qsizetype m_batch;
    QVector<QVariantList> m_values; // per column
    qsizetype m_rows = 0;
    QStringList m_types;
    std::map<qsizetype, QSqlQuery> m_prepared;
};

} // namespace

const records::RecordSpec &preventiveWorkOrderSpec()
{
    static const records::RecordSpec spec = [] {
        records::RecordSpec s = records::workOrderSpec();
        s.columns << QStringLiteral("pm_plan_id") << QStringLiteral("pm_due");
        return s;
    }();
    return spec;
}

Status writePreventiveWorkOrders(Database &db, const QVector<PmNewWorkOrder> &orders, const QDateTime &createdAt)
{
    const records::RecordSpec &spec = preventiveWorkOrderSpec();
    const records::ChildList &skills = spec.children.front();
    const qsizetype batch = db.isPostgres() ? kPostgresRowsPerStatement : kSqliteRowsPerStatement;
    RowSink workOrders(db, spec.table, QStringList{spec.keyColumn} + spec.columns + QStringList{QStringLiteral("version")}, batch);
    RowSink skillRows(db, skills.table, {skills.ownerColumn, skills.valueColumn}, batch);
    for (const PmNewWorkOrder &o : orders) {
        const records::RecordValues v = valuesOf(o, createdAt);
        QVariantList row{o.id};
        for (const QString &c : spec.columns)
            row << v.value(c);
        row << 1; // every new record starts at version 1
        if (Status s = workOrders.add(row); !s)
            return s;
    }
    // Work orders first: the skills refer to them.
    if (Status s = workOrders.flush(); !s)
        return s;
    for (const PmNewWorkOrder &o : orders) {
        QStringList codes = o.skills;
        codes.sort();
        codes.removeDuplicates();
        for (const QString &code : codes)
            if (Status s = skillRows.add({o.id, code}); !s)
                return s;
    }
    return skillRows.flush();
}

} // namespace fieldops::planning
