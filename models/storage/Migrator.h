#pragma once
// Versioned schema migrations, recorded in schema_migrations. `init` applies them all to
// an empty database; opening an older database applies the missing ones in place, each
// in its own transaction so a failed step leaves the previous version intact.
#include "util/Result.h"

#include <QString>

namespace fieldops {
class Database;

class Migrator {
public:
    explicit Migrator(Database &db) : m_db(db) {}
    static int latestVersion();
    // 0 when the database holds no FieldOps schema.
    Result<int> currentVersion();
    // Applies every pending migration; returns the version reached.
    Result<int> migrate();

private:
    Database &m_db;
};

} // namespace fieldops
