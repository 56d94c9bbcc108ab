#include "repositories/ConnectionProbe.h"

#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QFileInfo>

namespace fieldops {

namespace {
Result<bool> isReadOnly(Database &db, int schemaVersion)
{
    if (!db.isPostgres())
        return !QFileInfo(db.url().path).isWritable();
    auto standby = db.scalar(QStringLiteral("SELECT current_setting('transaction_read_only')"));
    if (!standby)
        return standby.error();
    if (standby->toString() == QLatin1String("on"))
        return true;
    if (schemaVersion == 0)
        return false; // nothing to write to yet; init will find out
    auto mayWrite = db.scalar(QStringLiteral("SELECT has_table_privilege(current_user, 'appointments', 'UPDATE')"));
    if (!mayWrite)
        return mayWrite.error();
    return !mayWrite->toBool();
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
    auto ro = isReadOnly(db, info.schemaVersion);
    if (!ro)
        return ro.error();
    info.readOnly = *ro;
    auto may = readPermissions(db);
    if (!may)
        return may.error();
    info.permissions = *may;
    return info;
}

} // namespace fieldops
