#include "interchange/ImportWriter.h"

#include "interchange/CellCodec.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSet>

namespace fieldops::interchange {

namespace {

// SQLite allows 32,766 bound values per statement, PostgreSQL 65,535: stay well below.
constexpr int kMaxRowsPerStatement = 400;
constexpr int kMaxValuesPerStatement = 8000;

int rowsPerStatement(int columns) { return std::max(1, std::min(kMaxRowsPerStatement, kMaxValuesPerStatement / std::max(1, columns))); }

QString placeholders(int rows, int columns)
{
    QString one = QStringLiteral("(") + QStringLiteral("?,").repeated(columns);
    one.chop(1);
    one += QLatin1Char(')');
    QString all;
    all.reserve((one.size() + 1) * rows);
    for (int r = 0; r < rows; ++r) {
        if (r)
            all += QLatin1Char(',');
        all += one;
    }
    return all;
}

QStringList distinctOwners(const ParsedFile &file, int column)
{
    QStringList owners;
    QSet<QString> seen;
    for (const ParsedRow &row : file.rows) {
        const QString o = row.values.at(column).toString();
        if (!seen.contains(o)) {
            seen.insert(o);
            owners << o;
        }
    }
    return owners;
}

} // namespace

qint64 ImportWriter::statementsFor(const ParsedFile &file)
{
    const int per = rowsPerStatement(int(file.spec->dbColumns().size()));
    return (file.rows.size() + per - 1) / per;
}

Status ImportWriter::tick()
{
    ++m_done;
    if (m_tick && !m_tick(m_done, std::max(m_total, m_done)))
        return Error{Error::Kind::Cancelled, QCoreApplication::translate("interchange", "the import was cancelled; nothing was written"), {}};
    return {};
}

Status ImportWriter::releaseAppointments(const QStringList &ids)
{
    for (qsizetype i = 0; i < ids.size(); i += kMaxRowsPerStatement) {
        const QStringList chunk = ids.mid(i, kMaxRowsPerStatement);
        QString marks = QStringLiteral("?,").repeated(chunk.size());
        marks.chop(1);
        QVariantList binds;
        for (const QString &id : chunk)
            binds << id;
        auto q = m_db.run(QStringLiteral("UPDATE appointments SET status = 'cancelled' WHERE id IN (%1)").arg(marks), binds);
        if (!q)
            return q.error();
    }
    return {};
}

Status ImportWriter::write(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    if (file.rows.isEmpty())
        return {};
    if (spec.keyColumn.isEmpty()) {
        const int owner = spec.indexOf(spec.ownerColumn);
        if (Status s = deleteOwners(spec.table, spec.column(spec.ownerColumn)->dbColumn, distinctOwners(file, owner)); !s)
            return s;
    }
    if (Status s = upsert(file); !s)
        return s;
    if (!spec.skillsColumn.isEmpty() && file.has(spec.skillsColumn))
        return writeSkills(file);
    return {};
}

Status ImportWriter::upsert(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    QVector<int> cols;
    QStringList names;
    for (int c = 0; c < spec.columns.size(); ++c) {
        if (!spec.columns.at(c).dbColumn.isEmpty()) {
            cols << c;
            names << spec.columns.at(c).dbColumn;
        }
    }
    const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(spec.table, names.join(QLatin1Char(',')));
    QString tail;
    if (!spec.keyColumn.isEmpty()) {
        QStringList sets;
        for (const QString &n : names) {
            if (n != spec.keyDbColumn)
                sets << QStringLiteral("%1 = excluded.%1").arg(n);
        }
        sets << QStringLiteral("version = %1.version + 1").arg(spec.table);
        tail = QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2").arg(spec.keyDbColumn, sets.join(QStringLiteral(", ")));
    }
    QVector<QVector<QVariant>> rows;
    rows.reserve(file.rows.size());
    for (const ParsedRow &row : file.rows) {
        QVector<QVariant> values;
        values.reserve(cols.size());
        for (int c : cols)
            values << CellCodec::toSql(spec.columns.at(c), row.values.at(c));
        rows << values;
    }
    return insertRows(head, tail, int(cols.size()), rows);
}

Status ImportWriter::insertRows(const QString &head, const QString &tail, int columns, const QVector<QVector<QVariant>> &rows)
{
    const int per = rowsPerStatement(columns);
    // The full-size statement is prepared once and reused; only the last, shorter batch
    // needs its own.
    std::optional<QSqlQuery> full;
    for (qsizetype start = 0; start < rows.size(); start += per) {
        const int n = int(std::min<qsizetype>(per, rows.size() - start));
        QSqlQuery *q = nullptr;
        std::optional<QSqlQuery> last;
        if (n == per) {
            if (!full) {
                auto p = m_db.prepare(head + placeholders(n, columns) + tail);
                if (!p)
                    return p.error();
                full.emplace(std::move(p).value());
            }
            q = &*full;
        } else {
            auto p = m_db.prepare(head + placeholders(n, columns) + tail);
            if (!p)
                return p.error();
            last.emplace(std::move(p).value());
            q = &*last;
        }
        int pos = 0;
        for (int r = 0; r < n; ++r) {
            for (const QVariant &v : rows.at(start + r))
                q->bindValue(pos++, v);
        }
        if (Status s = m_db.exec(*q); !s)
            return s;
        if (Status s = tick(); !s)
            return s;
    }
    return {};
}

Status ImportWriter::deleteOwners(const QString &table, const QString &ownerColumn, const QStringList &owners)
{
    for (qsizetype i = 0; i < owners.size(); i += kMaxRowsPerStatement) {
        const QStringList chunk = owners.mid(i, kMaxRowsPerStatement);
        QString marks = QStringLiteral("?,").repeated(chunk.size());
        marks.chop(1);
        QVariantList binds;
        for (const QString &o : chunk)
            binds << o;
        auto q = m_db.run(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)").arg(table, ownerColumn, marks), binds);
        if (!q)
            return q.error();
    }
    return {};
}

Status ImportWriter::writeSkills(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    const int key = spec.indexOf(spec.keyColumn), skills = spec.indexOf(spec.skillsColumn);
    if (Status s = deleteOwners(spec.joinTable, spec.joinOwnerColumn, distinctOwners(file, key)); !s)
        return s;
    QVector<QVector<QVariant>> rows;
    for (const ParsedRow &row : file.rows) {
        for (const QString &code : row.values.at(skills).toStringList())
            rows << QVector<QVariant>{row.values.at(key), code};
    }
    const QString head = QStringLiteral("INSERT INTO %1 (%2, skill_code) VALUES ").arg(spec.joinTable, spec.joinOwnerColumn);
    return insertRows(head, QString(), 2, rows);
}

} // namespace fieldops::interchange
