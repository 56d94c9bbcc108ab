#include "field/OutboxRetention.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QSqlQuery>

namespace fieldops::field {

Result<qint64> OutboxRetention::prune(const QDateTime &cutoff)
{
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    auto q = m_db.run(QStringLiteral("DELETE FROM technician_outbox WHERE read_at IS NOT NULL AND read_at < ?"), {timefmt::toSql(cutoff)});
    if (!q)
        return q.error();
    const qint64 removed = q->numRowsAffected();
    q->finish();
    if (Status s = tx.commit(); !s)
        return s.error();
    return removed;
}

} // namespace fieldops::field
