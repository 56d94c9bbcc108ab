#include "interchange/Importer.h"

#include "interchange/CellCodec.h"
#include "interchange/FileParser.h"
#include "interchange/ImportValidator.h"
#include "interchange/ImportWriter.h"
#include "interchange/ReadingRows.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace fieldops::interchange {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(interchange)
};

// Progress budget: reading and typing cells, then the cross checks, then writing.
constexpr int kReadEnd = 35;
constexpr int kValidateEnd = 45;

Error cancelled() { return Error{Error::Kind::Cancelled, Text::tr("the import was cancelled; nothing was written"), {}}; }

int fileOrder(const QString &fileName)
{
    const auto &files = interchangeFiles();
    for (int i = 0; i < files.size(); ++i) {
        if (files.at(i).fileName == fileName)
            return i;
    }
    return int(files.size());
}

// A bulk import touches many index pages of big tables; SQLite's default page cache (2 MB)
// would evict and re-read them constantly. Grown for the import, restored afterwards.
class SqliteCacheForBulkWrite {
public:
    explicit SqliteCacheForBulkWrite(Database &db) : m_db(db)
    {
        if (m_db.isPostgres())
            return;
        auto v = m_db.scalar(QStringLiteral("PRAGMA cache_size"));
        if (!v || !v->isValid())
            return;
        m_previous = v->toLongLong();
        m_changed = m_db.execDirect(QStringLiteral("PRAGMA cache_size = -131072")).ok(); // 128 MiB
    }
    ~SqliteCacheForBulkWrite()
    {
        if (m_changed)
            (void)m_db.execDirect(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous));
    }
    SqliteCacheForBulkWrite(const SqliteCacheForBulkWrite &) = delete;
    SqliteCacheForBulkWrite &operator=(const SqliteCacheForBulkWrite &) = delete;

private:
    Database &m_db;
    qint64 m_previous = 0;
    bool m_changed = false;
};

} // namespace

ImportReport Importer::importDirectory(const QString &dirPath, const ImportProgress &progress)
{
    ImportReport report;
    auto report_progress = [&](int percent, const QString &stage) { return !progress || progress(percent, stage); };
    auto fail = [&](Error e) {
        report.failure = std::move(e);
        return report;
    };

    const QDir dir(dirPath);
    if (!QFileInfo(dirPath).isDir())
        return fail(Error::invalid(Text::tr("%1 is not a directory").arg(dirPath)));
    if (!CellCodec::isTimeZoneKnown(m_options.defaultTimeZone))
        return fail(Error::invalid(Text::tr("the default time zone \"%1\" is not an IANA time zone").arg(m_options.defaultTimeZone)));

    QStringList known;
    for (const FileSpec &spec : interchangeFiles())
        known << spec.fileName;
    for (const QString &name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        if (!known.contains(name))
            report.warnings << Text::tr("%1: not an interchange file; ignored").arg(name);
    }

    // 1. Read and type every present file.
    IssueSink issues(std::max(1, m_options.maxIssues));
    const CellCodec codec(m_options.defaultTimeZone);
    QVector<ParsedFile> files;
    const auto &specs = interchangeFiles();
    for (int i = 0; i < specs.size(); ++i) {
        const FileSpec &spec = specs.at(i);
        const QString path = dir.filePath(spec.fileName);
        if (!QFileInfo::exists(path))
            continue;
        if (!report_progress(kReadEnd * i / int(specs.size()), Text::tr("reading %1").arg(spec.fileName)))
            return fail(cancelled());
        ParsedFile parsed;
        if (parseCsvFile(spec, path, codec, parsed, issues, report.warnings)) {
            report.rowsByFile.insert(spec.fileName, int(parsed.rows.size()));
            files.append(std::move(parsed));
        }
        if (issues.full())
            break;
    }

    // 2. Cross checks (only worth running when every cell made sense).
    ImportValidator validator(m_db, issues);
    if (issues.isEmpty()) {
        if (!report_progress(kReadEnd, Text::tr("checking references and double bookings")))
            return fail(cancelled());
        if (Status s = validator.validate(files); !s)
            return fail(s.error());
    }
    if (!issues.isEmpty()) {
        report.issues = issues.issues();
        std::stable_sort(report.issues.begin(), report.issues.end(), [](const ImportIssue &a, const ImportIssue &b) {
            const int fa = fileOrder(a.file), fb = fileOrder(b.file);
            return fa != fb ? fa < fb : a.line < b.line;
        });
        return fail(Error::invalid(report.issues.first().toString()));
    }

    // 3. Write everything in one transaction.
    if (!report_progress(kValidateEnd, Text::tr("writing")))
        return fail(cancelled());
    ImportWriter writer(m_db, [&](qint64 done, qint64 total) {
        return report_progress(kValidateEnd + int((100 - kValidateEnd - 1) * done / std::max<qint64>(1, total)), Text::tr("writing"));
    });
    qint64 statements = 0;
    for (const ParsedFile &f : files)
        statements += ImportWriter::statementsFor(f, m_db.isPostgres());
    writer.setTotal(statements);

    SqliteCacheForBulkWrite cache(m_db);
    Transaction tx(m_db);
    if (!tx.status())
        return fail(tx.status().error());
    if (m_db.isPostgres()) {
        // Rows rewritten in place may pass through overlapping intermediate states; the
        // final state was checked above and the constraint still judges it at commit.
        if (Status s = m_db.execDirect(QStringLiteral("SET CONSTRAINTS appointments_no_double_booking DEFERRED")); !s)
            return fail(s.error());
    } else if (Status s = writer.releaseAppointments(validator.appointmentsToRelease()); !s) {
        return fail(s.error());
    }
    for (const ParsedFile &f : files)
        if (f.spec->table == QLatin1String("asset_readings"))
            if (Status s = coverReadingWeeks(m_db, f); !s)
                return fail(s.error());
    for (ParsedFile &f : files) {
        const bool readings = f.spec->table == QLatin1String("asset_readings");
        if (readings)
            fillCanonicalUnits(f);
        Status s = writer.write(f);
        // Readings keep their hourly sums beside them, as the ingest does.
        if (s && readings)
            s = rebuildReadingHours(m_db, f);
        if (!s) {
            Error e = s.error();
            if (e.kind != Error::Kind::Cancelled && e.kind != Error::Kind::ConnectionLost)
                e.message = f.spec->fileName + QStringLiteral(": ") + e.message;
            return fail(e);
        }
    }
    // The deferred double-booking check runs now, as a statement, rather than inside COMMIT:
    // a refusal then rolls back like any other failed write.
    if (m_db.isPostgres()) {
        if (Status s = m_db.execDirect(QStringLiteral("SET CONSTRAINTS appointments_no_double_booking IMMEDIATE")); !s) {
            Error e = s.error();
            if (e.kind == Error::Kind::DoubleBooking)
                e.message = QStringLiteral("appointments.csv: ") + e.message;
            return fail(e);
        }
    }
    if (Status s = tx.commit(); !s)
        return fail(s.error());
    (void)report_progress(100, Text::tr("done"));
    return report;
}

} // namespace fieldops::interchange
