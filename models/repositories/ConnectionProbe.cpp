#include "repositories/ConnectionProbe.h"

#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QFileInfo>

namespace fieldops {

namespace {
// The connection itself: a read-only file or a standby server.
Result<bool> isReadOnly(Database &db)
{
    if (!db.isPostgres())
        return !QFileInfo(db.url().path).isWritable();
    auto standby = db.scalar(QStringLiteral("SELECT current_setting('transaction_read_only')"));
    if (!standby)
        return standby.error();
    return standby->toString() == QLatin1String("on");
}
} // namespace

Result<ConnectionInfo> probeConnection(Database &db)
{
    ConnectionInfo info;
    info.latestVersion = Migrator::latestVersion();
    info.actor = db.actor();
    auto version = Migrator(db).currentVersion();
    if (!version)
        return version.error();
    info.schemaVersion = *version;
    if (info.schemaVersion > 0) {
        auto seq = db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"));
        if (!seq)
            return seq.error();
        info.changeSeq = seq->toLongLong();
    }
    auto ro = isReadOnly(db);
    if (!ro)
        return ro.error();
    info.readOnly = *ro;
    auto may = readPermissions(db);
    if (!may)
        return may.error();
    info.permissions = *may;
    // Read-only means this user may change nothing at all; a planner or a manager may
    // still change contracts or targets (what exactly: info.permissions).
    if (info.schemaVersion > 0 && !info.permissions.any())
        info.readOnly = true;
    return info;
}

} // namespace fieldops
