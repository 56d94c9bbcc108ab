#pragma once
// Reads and writes KPI targets with optimistic concurrency: an update names the version
// it started from and loses to a concurrent change (StaleVersion) instead of overwriting
// it. On PostgreSQL only managers and admins may write (the server refuses others:
// PermissionDenied, with a message saying who may).
#include "kpi/KpiTargets.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::kpi {

class KpiTargetRepository {
    Q_DECLARE_TR_FUNCTIONS(KpiTargetRepository)
public:
    explicit KpiTargetRepository(Database &db) : m_db(db) {}

    Result<std::vector<KpiTarget>> all();
    // Inserts (id 0) or updates the row at target.version; returns the stored row.
    Result<KpiTarget> save(const KpiTarget &target);
    Status remove(qint64 id, int expectedVersion);

private:
    Result<std::optional<KpiTarget>> find(const QString &key, const QString &territoryId);
    Error refused(const Error &e) const;
    Database &m_db;
};

} // namespace fieldops::kpi
