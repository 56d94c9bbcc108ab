#include "demo/BulkChangeLog.h"

#include "storage/ChangeTracking.h"
#include "storage/Database.h"

#include <QSqlQuery>

namespace fieldops::demo {

namespace {
// Identifiers here come from our own table list and sqlite_master, never from users;
// quoting keeps any odd name a name.
QString quoted(const QString &identifier)
{
    QString q = identifier;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// The SQLite double-booking trigger looks these up on every appointment insert: without
// them each insert would scan the table.
bool keepIndex(const QString &name)
{
    return name == QLatin1String("appointments_technician_start") || name == QLatin1String("appointments_technician_end");
}
} // namespace

Status BulkChangeLog::dropIndexes(const QString &table)
{
    // Only explicit CREATE INDEX statements (sql IS NOT NULL): UNIQUE and PRIMARY KEY
    // constraints' own indexes stay.
    auto q = m_db.run(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                     "AND sql IS NOT NULL ORDER BY name"),
                      {table});
    if (!q)
        return q.error();
    QStringList names;
    while (q->next()) {
        if (keepIndex(q->value(0).toString()))
            continue;
        names << q->value(0).toString();
        m_indexSql.push_back(q->value(1).toString());
    }
    q->finish();
    for (const QString &name : names) {
        if (Status st = m_db.execDirect(QStringLiteral("DROP INDEX %1").arg(quoted(name))); !st)
            return st;
    }
    return {};
}

Status BulkChangeLog::suspend(const QStringList &tables)
{
    if (m_db.isPostgres())
        return {};
    for (const QString &table : tables) {
        const TrackedTable *tracked = nullptr;
        for (const TrackedTable &t : trackedTables()) {
            if (t.table == table)
                tracked = &t;
        }
        if (!tracked)
            continue;
        auto any = m_db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(quoted(table)));
        if (!any)
            return any.error();
        if (any->toBool())
            continue; // rows already there: the triggers keep logging as usual
        auto q = m_db.run(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                                         "AND substr(name, 1, ?) = ? ORDER BY name"),
                          {table, int(table.size()) + 7, table + QStringLiteral("_track_")});
        if (!q)
            return q.error();
        Suspended s{table, tracked->ownerColumn, tracked->audited, {}};
        QStringList names;
        while (q->next()) {
            names << q->value(0).toString();
            s.triggerSql.push_back(q->value(1).toString());
        }
        q->finish();
        for (const QString &name : names) {
            if (Status st = m_db.execDirect(QStringLiteral("DROP TRIGGER %1").arg(quoted(name))); !st)
                return st;
        }
        if (s.triggerSql.empty())
            continue;
        m_suspended.push_back(std::move(s));
        if (Status st = dropIndexes(table); !st)
            return st;
    }
    if (!m_suspended.empty()) {
        for (const char *log : {"change_log", "audit_log"}) {
            if (Status st = dropIndexes(QString::fromLatin1(log)); !st)
                return st;
        }
    }
    return {};
}

Status BulkChangeLog::logAndRestore()
{
    const QString actor = QStringLiteral("(SELECT name FROM session_actor WHERE one = 1)");
    for (const Suspended &s : m_suspended) {
        const QString table = quoted(s.table);
        const QString owner = quoted(s.ownerColumn);
        const QString entity = QLatin1Char('\'') + s.table + QLatin1Char('\'');
        if (Status st = m_db.execDirect(QStringLiteral("INSERT INTO change_log(entity, entity_id, op, actor) "
                                                       "SELECT %1, %2, 'insert', %3 FROM %4 ORDER BY rowid")
                                            .arg(entity, owner, actor, table));
            !st)
            return st;
        if (s.audited) {
            auto cols = m_db.run(QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"), {s.table});
            if (!cols)
                return cols.error();
            QStringList pairs;
            while (cols->next()) {
                const QString c = cols->value(0).toString();
                pairs << QStringLiteral("'%1', %2").arg(c, quoted(c));
            }
            cols->finish();
            if (Status st = m_db.execDirect(
                    QStringLiteral("INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) "
                                   "SELECT %1, %2, %3, 'insert', NULL, json_object(%4) FROM %5 ORDER BY rowid")
                        .arg(actor, entity, owner, pairs.join(QStringLiteral(", ")), table));
                !st)
                return st;
        }
        for (const QString &sql : s.triggerSql) {
            if (Status st = m_db.execDirect(sql); !st)
                return st;
        }
    }
    m_suspended.clear();
    for (const QString &sql : m_indexSql) {
        if (Status st = m_db.execDirect(sql); !st)
            return st;
    }
    m_indexSql.clear();
    return {};
}

QStringList BulkChangeLog::suspendedTables() const
{
    QStringList out;
    for (const Suspended &s : m_suspended)
        out << s.table;
    return out;
}

} // namespace fieldops::demo
