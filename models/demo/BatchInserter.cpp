#include "demo/BatchInserter.h"

#include "storage/Database.h"

#include <algorithm>

namespace fieldops::demo {

namespace {
// Both drivers accept far more (SQLite 32766 parameters, PostgreSQL 65535); past a few
// hundred rows a statement gets no faster, only its text longer.
constexpr int kMaxParameters = 4000;
constexpr int kMaxRows = 250;
} // namespace

BatchInserter::BatchInserter(Database &db, QString table, QStringList columns, QString suffix)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)), m_suffix(std::move(suffix))
{
    m_rowsPerStatement = std::max(1, std::min(kMaxRows, kMaxParameters / int(m_columns.size())));
    m_pending.reserve(m_rowsPerStatement * m_columns.size());
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
    for (int i = 0; i < m_pending.size(); ++i)
        query.bindValue(i, m_pending.at(i));
    if (Status s = m_db.exec(query); !s)
        return s;
    m_written += m_pending.size() / m_columns.size();
    m_pending.clear();
    return {};
}

Status BatchInserter::add(std::initializer_list<QVariant> values)
{
    Q_ASSERT(int(values.size()) == m_columns.size());
    for (const QVariant &v : values)
        m_pending.append(v);
    if (m_pending.size() < m_rowsPerStatement * m_columns.size())
        return {};
    if (!m_full) {
        auto q = m_db.prepare(sqlFor(m_rowsPerStatement));
        if (!q)
            return q.error();
        m_full.emplace(std::move(q).value());
    }
    return execute(*m_full);
}

Status BatchInserter::flush()
{
    if (m_pending.isEmpty())
        return {};
    auto q = m_db.prepare(sqlFor(int(m_pending.size() / m_columns.size())));
    if (!q)
        return q.error();
    return execute(*q);
}

} // namespace fieldops::demo
