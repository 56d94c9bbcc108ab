#include "interchange/ImportWriter.h"

#include "interchange/CellCodec.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSet>

namespace fieldops::interchange {

namespace {

// Rows per multi-row INSERT. PostgreSQL pays a round trip per statement, so it gets big
// ones (its limit is 65,535 values). SQLite runs in-process, and Qt hands it named
// placeholders that SQLite resolves by a linear search, so preparing costs the square of
// the values per statement: a thousand values is the sweet spot there.
constexpr int kMaxRowsPerStatement = 400;
constexpr int kMaxValuesPerStatement = 8000;
constexpr int kMaxValuesPerSqliteStatement = 1000;

int rowsPerStatement(int columns, bool postgres)
{
    const int values = postgres ? kMaxValuesPerStatement : kMaxValuesPerSqliteStatement;
    return std::max(1, std::min(kMaxRowsPerStatement, values / std::max(1, columns)));
}

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

qint64 ImportWriter::statementsFor(const ParsedFile &file, bool postgres)
{
    const int per = rowsPerStatement(int(file.spec->dbColumns().size()), postgres);
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
    QVector<QVector<QVariant>> keys;
    keys.reserve(ids.size());
    for (const QString &id : ids)
        keys << QVector<QVariant>{id};
    return runBatched(QStringLiteral("UPDATE appointments SET status = 'cancelled' WHERE id IN "), {}, 1, keys, false);
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
    return runBatched(head, tail, columns, rows, true);
}

Status ImportWriter::runBatched(const QString &head, const QString &tail, int columns, const QVector<QVector<QVariant>> &rows,
                                bool tuples)
{
    // Tuples go in as `(?,?),(?,?),…`; an IN list of single values as `(?,?,…)`.
    const auto marks = [columns, tuples](int n) {
        if (tuples)
            return placeholders(n, columns);
        QString m = QStringLiteral("?,").repeated(n);
        m.chop(1);
        return QLatin1Char('(') + m + QLatin1Char(')');
    };
    const int per = rowsPerStatement(columns, m_db.isPostgres());
    // The full-size statement is prepared once and reused; only the last, shorter batch
    // needs its own.
    std::optional<QSqlQuery> full;
    for (qsizetype start = 0; start < rows.size(); start += per) {
        const int n = int(std::min<qsizetype>(per, rows.size() - start));
        QSqlQuery *q = nullptr;
        std::optional<QSqlQuery> last;
        if (n == per) {
            if (!full) {
                auto p = m_db.prepare(head + marks(n) + tail);
                if (!p)
                    return p.error();
                full.emplace(std::move(p).value());
            }
            q = &*full;
        } else {
            auto p = m_db.prepare(head + marks(n) + tail);
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
        if (!tuples)
            continue; // deletes and releases are not counted as progress
        if (Status s = tick(); !s)
            return s;
    }
    return {};
}

Status ImportWriter::deleteOwners(const QString &table, const QString &ownerColumn, const QStringList &owners)
{
    QVector<QVector<QVariant>> keys;
    keys.reserve(owners.size());
    for (const QString &o : owners)
        keys << QVector<QVariant>{o};
    return runBatched(QStringLiteral("DELETE FROM %1 WHERE %2 IN ").arg(table, ownerColumn), {}, 1, keys, false);
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
