#include "interchange/Exporter.h"

#include "interchange/CellCodec.h"
#include "interchange/CsvWriter.h"
#include "interchange/InterchangeSchema.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QSaveFile>

namespace fieldops::interchange {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(interchange)
};

bool isTextType(CellType t)
{
    return t == CellType::Text || t == CellType::Id || t == CellType::Enum || t == CellType::StockLocation;
}

// Sorting text byte-wise on both dialects (PostgreSQL's default collation is the
// locale's) keeps exports identical whichever backend wrote them.
QString orderBy(const FileSpec &spec, bool postgres)
{
    QStringList parts;
    for (const QString &raw : spec.exportOrderBy.split(QLatin1Char(','))) {
        const QString col = raw.trimmed();
        bool text = false;
        for (const ColumnSpec &c : spec.columns) {
            if (c.dbColumn == col)
                text = isTextType(c.type);
        }
        parts << (text && postgres ? col + QStringLiteral(" COLLATE \"C\"") : col);
    }
    return parts.join(QStringLiteral(", "));
}

// Read-only snapshot so files taken at once agree with each other (SQLite WAL readers and
// PostgreSQL REPEATABLE READ both see one point in time).
class Snapshot {
public:
    explicit Snapshot(Database &db) : m_db(db)
    {
        m_status = m_db.execDirect(m_db.isPostgres() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                                     : QStringLiteral("BEGIN"));
    }
    ~Snapshot()
    {
        if (m_status.ok())
            (void)m_db.execDirect(QStringLiteral("COMMIT"));
    }
    const Status &status() const { return m_status; }

private:
    Database &m_db;
    Status m_status;
};

// owner → its list, sorted byte-wise.
Result<QHash<QString, QStringList>> loadList(Database &db, const JoinList &join)
{
    const QString coll = db.isPostgres() ? QStringLiteral(" COLLATE \"C\"") : QString();
    auto q = db.run(QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY %2%4").arg(join.ownerColumn, join.itemColumn, join.table, coll));
    if (!q)
        return q.error();
    QHash<QString, QStringList> lists;
    while (q->next())
        lists[q->value(0).toString()] << q->value(1).toString();
    return lists;
}

Result<int> exportFile(Database &db, const FileSpec &spec, const QString &path)
{
    QHash<QString, QHash<QString, QStringList>> lists; // column → owner → ids
    for (const JoinList &join : spec.joinLists) {
        auto l = loadList(db, join);
        if (!l)
            return l.error();
        lists.insert(join.column, std::move(l).value());
    }
    const QStringList dbCols = spec.dbColumns();
    auto q = db.run(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                        .arg(dbCols.join(QStringLiteral(", ")), spec.table, orderBy(spec, db.isPostgres())));
    if (!q)
        return q.error();

    CsvWriter csv;
    QStringList header;
    for (const ColumnSpec &c : spec.columns)
        header << c.name;
    csv.addRecord(header);
    const int key = spec.keyColumn.isEmpty() ? -1 : int(dbCols.indexOf(spec.keyDbColumn));
    int rows = 0;
    while (q->next()) {
        QStringList cells;
        int dbIndex = 0;
        for (const ColumnSpec &c : spec.columns) {
            if (c.dbColumn.isEmpty()) {
                cells << lists.value(c.name).value(q->value(key).toString()).join(QLatin1Char(';'));
                continue;
            }
            cells << CellCodec::format(c, q->value(dbIndex++));
        }
        csv.addRecord(cells);
        ++rows;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.toUtf8()) < 0 || !file.commit())
        return Error::other(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    return rows;
}

} // namespace

Result<QMap<QString, int>> Exporter::exportDirectory(const QString &dirPath, const std::function<bool(int, const QString &)> &progress)
{
    if (!QDir().mkpath(dirPath))
        return Error::invalid(Text::tr("cannot create the directory %1").arg(dirPath));
    const QDir dir(dirPath);
    Snapshot snapshot(m_db);
    if (!snapshot.status())
        return snapshot.status().error();
    QMap<QString, int> counts;
    const auto &specs = interchangeFiles();
    for (int i = 0; i < specs.size(); ++i) {
        const FileSpec &spec = specs.at(i);
        if (progress && !progress(100 * i / int(specs.size()), Text::tr("writing %1").arg(spec.fileName)))
            return Error{Error::Kind::Cancelled, Text::tr("the export was cancelled"), {}};
        auto n = exportFile(m_db, spec, dir.filePath(spec.fileName));
        if (!n)
            return n.error();
        counts.insert(spec.fileName, *n);
    }
    if (progress)
        (void)progress(100, Text::tr("done"));
    return counts;
}

} // namespace fieldops::interchange
