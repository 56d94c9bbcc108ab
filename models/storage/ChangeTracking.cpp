#include "storage/ChangeTracking.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace fieldops {

const std::vector<TrackedTable> &trackedTables()
{
    static const std::vector<TrackedTable> tables{
        {QStringLiteral("skills"), QStringLiteral("code")},
        {QStringLiteral("territories"), QStringLiteral("id")},
        {QStringLiteral("technicians"), QStringLiteral("id")},
        {QStringLiteral("technician_skills"), QStringLiteral("technician_id")},
        {QStringLiteral("absences"), QStringLiteral("technician_id")},
        {QStringLiteral("customers"), QStringLiteral("id")},
        {QStringLiteral("sites"), QStringLiteral("id")},
        {QStringLiteral("assets"), QStringLiteral("id")},
        {QStringLiteral("contracts"), QStringLiteral("id")},
        {QStringLiteral("maintenance_plans"), QStringLiteral("id")},
        {QStringLiteral("maintenance_plan_skills"), QStringLiteral("plan_id")},
        {QStringLiteral("work_orders"), QStringLiteral("id")},
        {QStringLiteral("work_order_skills"), QStringLiteral("work_order_id")},
        {QStringLiteral("appointments"), QStringLiteral("id")},
        {QStringLiteral("ratings"), QStringLiteral("work_order_id")},
        {QStringLiteral("time_entries"), QStringLiteral("technician_id")},
        {QStringLiteral("parts"), QStringLiteral("sku")},
        {QStringLiteral("stock"), QStringLiteral("sku")},
        // Telemetry from the phones: in the change feed, but not worth an audit row each.
        {QStringLiteral("positions"), QStringLiteral("technician_id"), false},
    };
    return tables;
}

namespace {

Status installPostgres(Database &db)
{
    const QString fn = QStringLiteral(R"SQL(
CREATE OR REPLACE FUNCTION fieldops_track_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  who text := coalesce(nullif(current_setting('fieldops.actor', true), ''), session_user);
  old_j jsonb;
  new_j jsonb;
  rid text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_j := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_j := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' AND old_j = new_j THEN RETURN NULL; END IF;
  rid := coalesce(new_j ->> TG_ARGV[0], old_j ->> TG_ARGV[0]);
  INSERT INTO change_log(entity, entity_id, op, actor)
       VALUES (TG_TABLE_NAME, rid, lower(TG_OP), who);
  IF TG_ARGV[1] = 'audit' THEN
    INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values)
         VALUES (who, TG_TABLE_NAME, rid, lower(TG_OP), old_j, new_j);
  END IF;
  -- Same payload within a transaction is delivered once: one wake-up per table per commit.
  PERFORM pg_notify('fieldops_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$)SQL");
    if (Status s = db.execDirect(fn); !s)
        return s;
    for (const TrackedTable &t : trackedTables()) {
        const QString sql = QStringLiteral(
            "CREATE TRIGGER %1_track AFTER INSERT OR UPDATE OR DELETE ON %1 "
            "FOR EACH ROW EXECUTE FUNCTION fieldops_track_change('%2', '%3')")
            .arg(t.table, t.ownerColumn, t.audited ? QStringLiteral("audit") : QStringLiteral("noaudit"));
        if (Status s = db.execDirect(sql); !s)
            return s;
    }
    return {};
}

Result<QStringList> sqliteColumns(Database &db, const QString &table)
{
    auto q = db.run(QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"), {table});
    if (!q)
        return q.error();
    QStringList cols;
    while (q->next())
        cols << q->value(0).toString();
    return cols;
}

Status installSqlite(Database &db)
{
    const QString actor = QStringLiteral("(SELECT name FROM session_actor WHERE one = 1)");
    for (const TrackedTable &t : trackedTables()) {
        auto cols = sqliteColumns(db, t.table);
        if (!cols)
            return cols.error();
        auto json = [&](const QString &rowAlias) {
            QStringList parts;
            for (const QString &c : *cols)
                parts << QStringLiteral("'%1', %2.%1").arg(c, rowAlias);
            return QStringLiteral("json_object(%1)").arg(parts.join(QStringLiteral(", ")));
        };
        struct Op { const char *event; const char *op; const char *row; bool hasOld; bool hasNew; };
        const Op ops[] = {{"INSERT", "insert", "NEW", false, true},
                          {"UPDATE", "update", "NEW", true, true},
                          {"DELETE", "delete", "OLD", true, false}};
        for (const Op &op : ops) {
            const QString row = QString::fromLatin1(op.row);
            QString body = QStringLiteral(
                "  INSERT INTO change_log(entity, entity_id, op, actor) VALUES ('%1', %2.%3, '%4', %5);\n")
                .arg(t.table, row, t.ownerColumn, QString::fromLatin1(op.op), actor);
            if (t.audited) {
                body += QStringLiteral(
                    "  INSERT INTO audit_log(actor, entity, entity_id, op, old_values, new_values) "
                    "VALUES (%1, '%2', %3.%4, '%5', %6, %7);\n")
                    .arg(actor, t.table, row, t.ownerColumn, QString::fromLatin1(op.op),
                         op.hasOld ? json(QStringLiteral("OLD")) : QStringLiteral("NULL"),
                         op.hasNew ? json(QStringLiteral("NEW")) : QStringLiteral("NULL"));
            }
            const QString sql = QStringLiteral("CREATE TRIGGER %1_track_%2 AFTER %3 ON %1 BEGIN\n%4END")
                .arg(t.table, QString::fromLatin1(op.op), QString::fromLatin1(op.event), body);
            if (Status s = db.execDirect(sql); !s)
                return s;
        }
    }
    return {};
}

} // namespace

Status installStatementTracking(Database &db)
{
    if (!db.isPostgres())
        return {};
    // Transition tables need one trigger per event; identifiers come from the list above.
    for (const TrackedTable &t : trackedTables()) {
        const QString args = QStringLiteral("'%1', '%2'").arg(t.ownerColumn, t.audited ? QStringLiteral("audit") : QStringLiteral("noaudit"));
        const QStringList statements{
            QStringLiteral("DROP TRIGGER IF EXISTS %1_track ON %1").arg(t.table),
            QStringLiteral("CREATE TRIGGER %1_track AFTER UPDATE ON %1 FOR EACH ROW EXECUTE FUNCTION fieldops_track_change(%2)")
                .arg(t.table, args),
            QStringLiteral("CREATE TRIGGER %1_track_insert AFTER INSERT ON %1 REFERENCING NEW TABLE AS new_rows "
                           "FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows(%2)")
                .arg(t.table, args),
            QStringLiteral("CREATE TRIGGER %1_track_delete AFTER DELETE ON %1 REFERENCING OLD TABLE AS old_rows "
                           "FOR EACH STATEMENT EXECUTE FUNCTION fieldops_track_rows(%2)")
                .arg(t.table, args),
        };
        for (const QString &sql : statements) {
            if (Status s = db.execDirect(sql); !s)
                return s;
        }
    }
    return {};
}

Status installChangeTracking(Database &db)
{
    return db.isPostgres() ? installPostgres(db) : installSqlite(db);
}

Status refreshChangeTracking(Database &db)
{
    // PostgreSQL's trigger serialises the whole row (to_jsonb), so new columns appear by
    // themselves; SQLite's triggers name each column and are written again.
    if (db.isPostgres())
        return {};
    for (const TrackedTable &t : trackedTables()) {
        for (const char *op : {"insert", "update", "delete"}) {
            if (Status s = db.execDirect(QStringLiteral("DROP TRIGGER IF EXISTS %1_track_%2").arg(t.table, QString::fromLatin1(op))); !s)
                return s;
        }
    }
    return installSqlite(db);
}

} // namespace fieldops
