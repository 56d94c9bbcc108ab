#pragma once
// What the console needs to know right after connecting: does the schema exist (and is it
// current), may this user write, and under which name the triggers will record edits.
#include "repositories/Permissions.h"
#include "util/Result.h"

#include <QString>

namespace fieldops {
class Database;

struct ConnectionInfo {
    int schemaVersion = 0; // 0: no FieldOps schema yet
    int latestVersion = 0;
    bool readOnly = false; // a read-only file, a standby server or a role that may change nothing
    QString actor;
    Permissions permissions; // what this user may change, as the server grants it
    // The change log's end when probed (-1: no schema). The live feed starts from here, so a
    // change made between this read and the feed's own start is not lost.
    qint64 changeSeq = -1;
};

Result<ConnectionInfo> probeConnection(Database &db);

} // namespace fieldops
