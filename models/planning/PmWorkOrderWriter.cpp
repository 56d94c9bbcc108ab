#include "planning/PmWorkOrderWriter.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"
#include "workorders/WorkOrderIntake.h"

#include <QCoreApplication>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
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

// A work order's skills once each, in a stable order.
QStringList sortedSkills(const PmNewWorkOrder &o)
{
    QStringList codes = o.skills;
    codes.sort();
    codes.removeDuplicates();
    return codes;
}

// SQLite: the rows of one table, written in statements of up to `batch` rows.
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
        Status s = writeRows();
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

    Database &m_db;
    QString m_table;
    QStringList m_columns;
    qsizetype m_batch;
    QVector<QVariantList> m_values; // per column
    qsizetype m_rows = 0;
    std::map<qsizetype, QSqlQuery> m_prepared;
};

// PostgreSQL: per chunk of work orders one INSERT … SELECT FROM unnest(arrays) for the work
// orders and one for their skills, each column one array literal. The server's share of a
// chunk (checks, indexes, the statement's change and audit logging) and ours (turning the
// next chunk into literals) take about as long, so the next chunk is built on another
// thread while the server runs the current one instead of the two taking turns.
class PostgresArrayWriter {
public:
    PostgresArrayWriter(Database &db, const records::RecordSpec &spec, const QDateTime &createdAt)
        : m_db(db), m_spec(spec), m_createdAt(createdAt)
    {
        const records::ChildList &skills = m_spec.children.front();
        m_orderColumns = QStringList{m_spec.keyColumn} + m_spec.columns + QStringList{QStringLiteral("version")};
        m_skillTable = skills.table;
        m_skillColumns = QStringList{skills.ownerColumn, skills.valueColumn};
    }

    Status write(const QVector<PmNewWorkOrder> &orders)
    {
        QString orderSql, skillSql;
        if (Status s = statementFor(m_spec.table, m_orderColumns, orderSql); !s)
            return s;
        if (Status s = statementFor(m_skillTable, m_skillColumns, skillSql); !s)
            return s;
        const auto build = [this, &orders](qsizetype from) { return chunk(orders, from, std::min(orders.size(), from + kPostgresRowsPerStatement)); };
        QFuture<Chunk> next = QtConcurrent::run(build, qsizetype(0));
        for (qsizetype from = 0; from < orders.size(); from += kPostgresRowsPerStatement) {
            const Chunk current = next.result();
            if (from + kPostgresRowsPerStatement < orders.size())
                next = QtConcurrent::run(build, from + kPostgresRowsPerStatement);
            // Work orders first: the skills refer to them.
            if (auto q = m_db.run(orderSql, current.orders); !q)
                return waitAndFail(next, q.error());
            if (current.skills.front().toString() != QLatin1String("{}"))
                if (auto q = m_db.run(skillSql, current.skills); !q)
                    return waitAndFail(next, q.error());
        }
        return {};
    }

private:
    struct Chunk {
        QVariantList orders; // one array literal per work-order column
        QVariantList skills; // one per skill column
    };

    static Status waitAndFail(QFuture<Chunk> &pending, const Error &error)
    {
        pending.waitForFinished(); // it reads the caller's work orders
        return error;
    }

    // Each column's array is cast to the column's own type, as the catalog names it.
    Status statementFor(const QString &table, const QStringList &columns, QString &sql)
    {
        auto q = m_db.run(QStringLiteral("SELECT column_name, udt_name FROM information_schema.columns "
                                         "WHERE table_schema = current_schema() AND table_name = ?"),
                          {table});
        if (!q)
            return q.error();
        QHash<QString, QString> types;
        while (q->next())
            types.insert(q->value(0).toString(), q->value(1).toString());
        QStringList arrays;
        for (const QString &c : columns) {
            if (!types.contains(c))
                return Error::other(QCoreApplication::translate("PmWorkOrderWriter", "the database has no column %1.%2; run init to migrate it")
                                        .arg(table, c));
            arrays << QStringLiteral("?::%1[]").arg(types.value(c));
        }
        sql = QStringLiteral("INSERT INTO %1(%2) SELECT * FROM unnest(%3)")
                  .arg(table, columns.join(QStringLiteral(", ")), arrays.join(QStringLiteral(", ")));
        return {};
    }

    // Runs on a worker thread: reads only the work orders and this writer's fixed members.
    Chunk chunk(const QVector<PmNewWorkOrder> &orders, qsizetype from, qsizetype to) const
    {
        QVector<QVariantList> orderColumns(m_orderColumns.size());
        QVector<QVariantList> skillColumns(m_skillColumns.size());
        for (qsizetype i = from; i < to; ++i) {
            const PmNewWorkOrder &o = orders[i];
            const records::RecordValues v = valuesOf(o, m_createdAt);
            orderColumns[0] << o.id;
            for (qsizetype c = 0; c < m_spec.columns.size(); ++c)
                orderColumns[c + 1] << v.value(m_spec.columns[c]);
            orderColumns.back() << 1; // every new record starts at version 1
            for (const QString &code : sortedSkills(o)) {
                skillColumns[0] << o.id;
                skillColumns[1] << code;
            }
        }
        Chunk out;
        for (const QVariantList &column : orderColumns)
            out.orders << arrayLiteral(column);
        for (const QVariantList &column : skillColumns)
            out.skills << arrayLiteral(column);
        return out;
    }

    Database &m_db;
    const records::RecordSpec &m_spec;
    const QDateTime m_createdAt;
    QStringList m_orderColumns;
    QString m_skillTable;
    QStringList m_skillColumns;
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
    if (db.isPostgres())
        return PostgresArrayWriter(db, spec, createdAt).write(orders);
    const records::ChildList &skills = spec.children.front();
    RowSink workOrders(db, spec.table, QStringList{spec.keyColumn} + spec.columns + QStringList{QStringLiteral("version")}, kSqliteRowsPerStatement);
    RowSink skillRows(db, skills.table, {skills.ownerColumn, skills.valueColumn}, kSqliteRowsPerStatement);
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
    for (const PmNewWorkOrder &o : orders)
        for (const QString &code : sortedSkills(o))
            if (Status s = skillRows.add({o.id, code}); !s)
                return s;
    return skillRows.flush();
}

} // namespace fieldops::planning
