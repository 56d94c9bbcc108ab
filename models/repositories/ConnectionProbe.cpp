#include "repositories/ConnectionProbe.h"

#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace fieldops {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProbe)
};

// The field gateway's login (a member of fieldops_field and of no console role, migration
// 26's `user add NAME --role field`) may only call the gateway's server functions: every
// read the console makes would be refused table by table, and the schema would even look
// missing to it (no table of it is visible). Refused before anything else, in words.
Status refuseFieldLogin(Database &db)
{
    if (!db.isPostgres())
        return {};
    auto q = db.run(QStringLiteral(
        "SELECT EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'fieldops_field' AND pg_has_role(current_user, g.oid, 'MEMBER'))"
        "   AND NOT EXISTS (SELECT 1 FROM pg_roles g"
        "                    WHERE g.rolname IN ('fieldops_dispatcher', 'fieldops_planner', 'fieldops_manager', 'fieldops_admin')"
        "                      AND pg_has_role(current_user, g.oid, 'MEMBER')),"
        "       current_user::text"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::other(Text::tr("the server did not say what this user may do"));
    if (!q->value(0).toBool())
        return {};
    return Error{Error::Kind::PermissionDenied,
                 Text::tr("%1 is the field gateway's login (role field): it may only call the gateway's server functions "
                          "and cannot open the console; connect as a dispatcher, planner, manager or admin")
                     .arg(q->value(1).toString()),
                 {}};
}

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
    if (Status s = refuseFieldLogin(db); !s)
        return s.error();
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
