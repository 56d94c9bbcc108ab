#include "startup/StartupDatabase.h"

#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace fieldops {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StartupDatabase)
};

DatabaseUrl sqliteUrl(const QString &path)
{
    DatabaseUrl url;
    url.dialect = Dialect::SQLite;
    url.path = QFileInfo(path).absoluteFilePath();
    return url;
}

Result<StartupTarget> fromText(const QString &text, StartupTarget::Source source, bool seedDemo)
{
    auto url = DatabaseUrl::parse(text);
    if (!url)
        return url.error();
    StartupTarget target;
    target.source = source;
    target.url = *url;
    target.seedDemo = seedDemo;
    return target;
}

// SQLite writes this header first; an empty file is fine too (SQLite makes it a database).
bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(16);
    return head.isEmpty() || head == QByteArray("SQLite format 3\0", 16);
}
} // namespace

QString demoDatabasePath()
{
    // Beside the default file, so one folder holds everything the console keeps.
    return QFileInfo(DatabaseUrl::defaultSqlitePath()).absoluteDir().filePath(QStringLiteral("demo.db"));
}

DatabaseUrl demoDatabaseUrl() { return sqliteUrl(demoDatabasePath()); }

Result<StartupTarget> targetForChoice(const StartupChoice &choice)
{
    auto target = fromText(choice.database, StartupTarget::Source::Remembered, choice.kind == StartupKind::Demo);
    if (!target)
        return target;
    target->kind = choice.kind;
    return target;
}

Result<StartupTarget> resolveStartupDatabase(const StartupRequest &request, const StartupChoice &remembered)
{
    if (!request.dbOption.isEmpty())
        return fromText(request.dbOption, StartupTarget::Source::CommandLine, request.demo);
    if (!request.environmentDb.isEmpty())
        return fromText(request.environmentDb, StartupTarget::Source::Environment, request.demo);
    if (request.demo) {
        StartupTarget target;
        target.source = StartupTarget::Source::DemoOption;
        target.url = demoDatabaseUrl();
        target.kind = StartupKind::Demo;
        target.seedDemo = true;
        return target;
    }
    StartupTarget ask; // Source::Ask
    if (!remembered.isSet())
        return ask;
    auto target = targetForChoice(remembered);
    if (!target)
        return ask;
    // A file the user made and then removed: asking beats silently making an empty one.
    if (remembered.kind == StartupKind::File && target->url.dialect == Dialect::SQLite
        && !QFileInfo::exists(target->url.path))
        return ask;
    return target;
}

Result<DatabaseUrl> prepareDatabaseFile(const QString &path)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(Text::tr("No file was chosen."));
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return Error::invalid(Text::tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
    if (info.isDir())
        return Error::invalid(Text::tr("%1 is a folder, not a file.").arg(QDir::toNativeSeparators(absolute)));
    if (info.exists() && !looksLikeSqlite(absolute))
        return Error::invalid(Text::tr("%1 is not a SQLite database file; choose a new file name or a FieldOps database.")
                                  .arg(QDir::toNativeSeparators(absolute)));
    if (!info.exists() && !folder.isWritable())
        return Error::invalid(Text::tr("The folder %1 is not writable.").arg(QDir::toNativeSeparators(folder.absoluteFilePath())));

    const DatabaseUrl url = sqliteUrl(absolute);
    const bool existed = info.exists();
    // In its own scope so the connection is closed before a failed file is removed.
    const Status created = [&url]() -> Status {
        auto db = Database::open(url);
        if (!db)
            return db.error();
        auto migrated = Migrator(**db).migrate();
        if (!migrated)
            return migrated.error();
        return {};
    }();
    if (!created) {
        if (!existed)
            QFile::remove(absolute);
        return Error{created.error().kind,
                     Text::tr("Could not create a FieldOps database in %1: %2")
                         .arg(QDir::toNativeSeparators(absolute), created.error().message),
                     created.error().detail};
    }
    return url;
}

} // namespace fieldops
