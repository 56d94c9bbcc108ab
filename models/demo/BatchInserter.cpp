#include "demo/BatchInserter.h"

#include "storage/Database.h"

#include <algorithm>

namespace fieldops::demo {

namespace {
// Both drivers accept far more (SQLite 32766 parameters, PostgreSQL 65535); past a few
// hundred rows a statement gets no faster, only its text longer.
constexpr int kMaxParameters = 4000;
constexpr int kMaxRows = 250;
constexpr int kJsonRows = 500;
} // namespace

BatchInserter::BatchInserter(Database &db, QString table, QStringList columns, QString suffix)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)), m_suffix(std::move(suffix)),
      m_json(!db.isPostgres())
{
    m_rowsPerStatement = m_json ? kJsonRows : std::max(1, std::min(kMaxRows, kMaxParameters / int(m_columns.size())));
    if (!m_json)
        m_pending.reserve(m_rowsPerStatement * m_columns.size());
}

QString BatchInserter::jsonSql() const
{
    QStringList picks;
    for (int i = 0; i < m_columns.size(); ++i)
        picks << QStringLiteral("json_extract(value, '$[%1]')").arg(i);
    // "WHERE true" keeps SQLite's parser from reading ON CONFLICT as a join constraint.
    QString sql = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM json_each(?) WHERE true")
                      .arg(m_table, m_columns.join(QLatin1Char(',')), picks.join(QLatin1Char(',')));
    if (!m_suffix.isEmpty())
        sql += QLatin1Char(' ') + m_suffix;
    return sql;
}

void BatchInserter::appendJson(const QVariant &v)
{
    if (v.isNull()) {
        m_jsonRows += QLatin1String("null");
        return;
    }
    switch (v.metaType().id()) {
    case QMetaType::Bool:
        m_jsonRows += v.toBool() ? QLatin1Char('1') : QLatin1Char('0');
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        m_jsonRows += QString::number(v.toLongLong());
        return;
    case QMetaType::Double:
        // 17 significant digits: the exact double comes back.
        m_jsonRows += QString::number(v.toDouble(), 'g', 17);
        return;
    default:
        break;
    }
    const QString text = v.toString();
    m_jsonRows += QLatin1Char('"');
    for (QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            m_jsonRows += QLatin1Char('\\');
            m_jsonRows += c;
        } else if (c.unicode() < 0x20) {
            m_jsonRows += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            m_jsonRows += c;
        }
    }
    m_jsonRows += QLatin1Char('"');
}

QString BatchInserter::sqlFor(int rows) const
{
    const QString one = QLatin1Char('(') + QStringList(m_columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(m_table, m_columns.join(QLatin1Char(',')));
    sql.reserve(sql.size() + rows * (one.size() + 1) + m_suffix.size() + 1);
    for (int r = 0; r < rows; ++r) {
        if (r)
            sql += QLatin1Char(',');
        sql += one;
    }
    if (!m_suffix.isEmpty())
        sql += QLatin1Char(' ') + m_suffix;
    return sql;
}

Status BatchInserter::execute(QSqlQuery &query)
{
    if (m_json) {
        m_jsonRows += QLatin1Char(']');
        query.bindValue(0, m_jsonRows);
    } else {
        for (int i = 0; i < m_pending.size(); ++i)
            query.bindValue(i, m_pending.at(i));
    }
    if (Status s = m_db.exec(query); !s)
        return s;
    m_written += m_pendingRows;
    m_pending.clear();
    m_jsonRows.clear();
    m_pendingRows = 0;
    return {};
}

Status BatchInserter::add(std::initializer_list<QVariant> values)
{
    Q_ASSERT(int(values.size()) == m_columns.size());
    if (m_json) {
        m_jsonRows += m_pendingRows == 0 ? QLatin1String("[[") : QLatin1String(",[");
        bool first = true;
        for (const QVariant &v : values) {
            if (!first)
                m_jsonRows += QLatin1Char(',');
            first = false;
            appendJson(v);
        }
        m_jsonRows += QLatin1Char(']');
    } else {
        for (const QVariant &v : values)
            m_pending.append(v);
    }
    if (++m_pendingRows < m_rowsPerStatement)
        return {};
    if (!m_full) {
        auto q = m_db.prepare(m_json ? jsonSql() : sqlFor(m_rowsPerStatement));
        if (!q)
            return q.error();
        m_full.emplace(std::move(q).value());
    }
    return execute(*m_full);
}

Status BatchInserter::flush()
{
    if (m_pendingRows == 0)
        return {};
    if (m_json && m_full)
        return execute(*m_full);
    auto q = m_db.prepare(m_json ? jsonSql() : sqlFor(m_pendingRows));
    if (!q)
        return q.error();
    return execute(*q);
}

} // namespace fieldops::demo
