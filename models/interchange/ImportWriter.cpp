#include "interchange/ImportWriter.h"

#include "interchange/CellCodec.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

namespace fieldops::interchange {

namespace {

// SQLite: multi-row INSERT … VALUES (?,…),(?,…). It runs in-process, and Qt hands it
// named placeholders that SQLite resolves by a linear search, so preparing costs the
// square of the values per statement: about a thousand values per statement is the sweet
// spot.
constexpr int kMaxRowsPerStatement = 400;
constexpr int kMaxValuesPerSqliteStatement = 1000;
// PostgreSQL: each statement is a round trip and QPSQL sends every bound value as a
// literal to parse, so a batch travels as ONE bound JSON array that the server unpacks
// with json_populate_recordset into the table's own column types.
constexpr int kPostgresRowsPerStatement = 2000;

int rowsPerStatement(int columns, bool postgres)
{
    if (postgres)
        return kPostgresRowsPerStatement;
    return std::max(1, std::min(kMaxRowsPerStatement, kMaxValuesPerSqliteStatement / std::max(1, columns)));
}

void appendJsonString(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u < 0x20) {
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
}

void appendJsonValue(QString &out, const QVariant &v)
{
    if (v.isNull() || !v.isValid()) {
        out += QLatin1String("null");
        return;
    }
    switch (v.metaType().id()) {
    case QMetaType::Bool: out += v.toBool() ? QLatin1String("true") : QLatin1String("false"); return;
    case QMetaType::Int:
    case QMetaType::LongLong: out += QString::number(v.toLongLong()); return;
    case QMetaType::Double: out += QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest); return;
    default: appendJsonString(out, v.toString()); return;
    }
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

// A file whose rows may refer to each other (a contract renewing another) is written
// referenced rows first: the foreign key is checked statement by statement, and a batch
// may end between the two rows.
QVector<ParsedRow> referencedFirst(const ParsedFile &file)
{
    const FileSpec &spec = *file.spec;
    int self = -1;
    for (int c = 0; c < spec.columns.size(); ++c)
        if (spec.defines != RefKind::None && spec.columns.at(c).ref == spec.defines && !spec.columns.at(c).dbColumn.isEmpty())
            self = c;
    if (self < 0)
        return file.rows;
    const int key = spec.indexOf(spec.keyColumn);
    QHash<QString, qsizetype> rowOf;
    for (qsizetype i = 0; i < file.rows.size(); ++i)
        rowOf.insert(file.rows.at(i).values.at(key).toString(), i);
    QVector<ParsedRow> ordered;
    ordered.reserve(file.rows.size());
    QVector<char> state(file.rows.size(), 0); // 0 waiting, 1 being placed, 2 placed
    for (qsizetype start = 0; start < file.rows.size(); ++start) {
        // Walk up the chain of references, then place it from its top down.
        QVector<qsizetype> chain;
        for (qsizetype i = start; i >= 0 && state[i] == 0;) {
            state[i] = 1;
            chain << i;
            const auto it = rowOf.constFind(file.rows.at(i).values.at(self).toString());
            i = it == rowOf.constEnd() ? -1 : *it;
        }
        for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
            state[*it] = 2;
            ordered << file.rows.at(*it);
        }
    }
    return ordered;
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
    return forIdList(QStringLiteral("UPDATE appointments SET status = 'cancelled' WHERE id IN "), ids);
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
    for (const JoinList &join : spec.joinLists)
        if (file.has(join.column))
            if (Status s = writeList(file, join); !s)
                return s;
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
    QString tail;
    if (!spec.keyColumn.isEmpty()) {
        // A row that exists already takes only the columns the file has: a column absent
        // from the header (a file written before the column existed) keeps what is stored,
        // where a new row gets the column's default. An empty cell of a column that is
        // there still means the default.
        QStringList sets;
        for (int c : cols) {
            const QString &n = spec.columns.at(c).dbColumn;
            if (n != spec.keyDbColumn && file.present.at(c))
                sets << QStringLiteral("%1 = excluded.%1").arg(n);
        }
        sets << QStringLiteral("version = %1.version + 1").arg(spec.table);
        tail = QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2").arg(spec.keyDbColumn, sets.join(QStringLiteral(", ")));
    }
    QVector<QVector<QVariant>> rows;
    rows.reserve(file.rows.size());
    for (const ParsedRow &row : referencedFirst(file)) {
        QVector<QVariant> values;
        values.reserve(cols.size());
        for (int c : cols)
            values << CellCodec::toSql(spec.columns.at(c), row.values.at(c));
        rows << values;
    }
    return insertRows(spec.table, names, tail, rows);
}

Status ImportWriter::insertRows(const QString &table, const QStringList &columns, const QString &tail,
                                const QVector<QVector<QVariant>> &rows)
{
    const QString list = columns.join(QLatin1Char(','));
    if (m_db.isPostgres())
        return runJsonBatched(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM json_populate_recordset(CAST(NULL AS %1), CAST(? AS json))")
                                  .arg(table, list) + tail,
                              columns, rows);
    return runBatched(QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, list), tail, int(columns.size()), rows, true);
}

Status ImportWriter::runJsonBatched(const QString &sql, const QStringList &keys, const QVector<QVector<QVariant>> &rows)
{
    auto prepared = m_db.prepare(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery &q = *prepared;
    // Object keys (or bare values for an IN list) written once, with their quotes.
    QStringList quotedKeys;
    for (const QString &k : keys) {
        QString quoted;
        appendJsonString(quoted, k);
        quotedKeys << quoted + QLatin1Char(':');
    }
    const bool objects = !keys.isEmpty();
    QString json;
    for (qsizetype start = 0; start < rows.size(); start += kPostgresRowsPerStatement) {
        const qsizetype end = std::min<qsizetype>(rows.size(), start + kPostgresRowsPerStatement);
        json.clear();
        json += QLatin1Char('[');
        for (qsizetype r = start; r < end; ++r) {
            if (r > start)
                json += QLatin1Char(',');
            const QVector<QVariant> &row = rows.at(r);
            if (!objects) {
                appendJsonValue(json, row.first());
                continue;
            }
            json += QLatin1Char('{');
            for (qsizetype c = 0; c < row.size(); ++c) {
                if (c)
                    json += QLatin1Char(',');
                json += quotedKeys.at(c);
                appendJsonValue(json, row.at(c));
            }
            json += QLatin1Char('}');
        }
        json += QLatin1Char(']');
        q.bindValue(0, json);
        if (Status s = m_db.exec(q); !s)
            return s;
        if (!objects)
            continue; // deletes and releases are not counted as progress
        if (Status s = tick(); !s)
            return s;
    }
    return {};
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
    return forIdList(QStringLiteral("DELETE FROM %1 WHERE %2 IN ").arg(table, ownerColumn), owners);
}

Status ImportWriter::forIdList(const QString &head, const QStringList &ids)
{
    QVector<QVector<QVariant>> keys;
    keys.reserve(ids.size());
    for (const QString &id : ids)
        keys << QVector<QVariant>{id};
    if (m_db.isPostgres())
        return runJsonBatched(head + QStringLiteral("(SELECT json_array_elements_text(CAST(? AS json)))"), {}, keys);
    return runBatched(head, {}, 1, keys, false);
}

Status ImportWriter::writeList(const ParsedFile &file, const JoinList &join)
{
    const FileSpec &spec = *file.spec;
    const int key = spec.indexOf(spec.keyColumn), list = spec.indexOf(join.column);
    if (Status s = deleteOwners(join.table, join.ownerColumn, distinctOwners(file, key)); !s)
        return s;
    QVector<QVector<QVariant>> rows;
    for (const ParsedRow &row : file.rows) {
        for (const QString &id : row.values.at(list).toStringList())
            rows << QVector<QVariant>{row.values.at(key), id};
    }
    return insertRows(join.table, {join.ownerColumn, join.itemColumn}, QString(), rows);
}

} // namespace fieldops::interchange
