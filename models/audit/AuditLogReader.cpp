#include "audit/AuditLogReader.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace fieldops {

namespace {

// jsonb arrives as text from QPSQL, json text from SQLite; NULL (insert/delete) as empty.
QJsonObject jsonObject(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return {};
    const QByteArray bytes = v.metaType().id() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
    return QJsonDocument::fromJson(bytes).object();
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

} // namespace

Result<AuditEntries> AuditLogReader::read(const QString &where, const QVariantList &binds, int limit)
{
    // `where` is built from constants and placeholders only; every value is bound.
    QVariantList all = binds;
    all << limit;
    auto q = m_db.run(QStringLiteral("SELECT id, at, actor, entity, entity_id, op, old_values, new_values FROM audit_log "
                                     "WHERE %1 ORDER BY id DESC LIMIT ?")
                          .arg(where),
                      all);
    if (!q)
        return q.error();
    AuditEntries out;
    while (q->next()) {
        AuditEntry e;
        e.id = q->value(0).toLongLong();
        e.at = timefmt::fromSql(q->value(1));
        e.actor = q->value(2).toString();
        e.entity = q->value(3).toString();
        e.entityId = q->value(4).toString();
        e.op = q->value(5).toString();
        e.oldValues = jsonObject(q->value(6));
        e.newValues = jsonObject(q->value(7));
        out.push_back(std::move(e));
    }
    return out;
}

Result<AuditEntries> AuditLogReader::history(const QString &entity, const QString &entityId, int limit)
{
    return read(QStringLiteral("entity = ? AND entity_id = ?"), {entity, entityId}, limit);
}

Result<AuditEntries> AuditLogReader::ownedRowHistory(const QString &entity, const QString &rowId, const QString &ownerId, int limit)
{
    auto entries = ownerId.isEmpty() ? read(QStringLiteral("entity = ?"), {entity}, limit)
                                     : read(QStringLiteral("entity = ? AND entity_id = ?"), {entity, ownerId}, limit);
    if (!entries)
        return entries.error();
    const auto idOf = [](const QJsonObject &o) { return o.value(QLatin1String("id")).toVariant().toString(); };
    AuditEntries mine;
    for (AuditEntry &e : *entries)
        if (idOf(e.newValues) == rowId || idOf(e.oldValues) == rowId)
            mine.push_back(std::move(e));
    return mine;
}

Result<AuditEntries> AuditLogReader::workOrderHistory(const QString &workOrderId, int limit)
{
    auto ids = m_db.run(QStringLiteral("SELECT id FROM appointments WHERE work_order_id = ? ORDER BY id"), {workOrderId});
    if (!ids)
        return ids.error();
    QVariantList appointmentIds;
    while (ids->next())
        appointmentIds << ids->value(0);
    QString where = QStringLiteral("(entity IN ('work_orders', 'work_order_skills', 'ratings') AND entity_id = ?)");
    QVariantList binds{workOrderId};
    if (!appointmentIds.isEmpty()) {
        where += QStringLiteral(" OR (entity = 'appointments' AND entity_id IN (%1))").arg(placeholders(appointmentIds.size()));
        binds += appointmentIds;
    }
    return read(where, binds, limit);
}

Result<QHash<QString, QString>> AuditLogReader::technicianNames(const AuditEntries &entries)
{
    QSet<QString> ids;
    for (const AuditEntry &e : entries) {
        for (const QJsonObject *o : {&e.oldValues, &e.newValues}) {
            const QString t = o->value(QLatin1String("technician_id")).toString();
            if (!t.isEmpty())
                ids.insert(t);
        }
    }
    QHash<QString, QString> names;
    if (ids.isEmpty())
        return names;
    QVariantList binds;
    for (const QString &id : ids)
        binds << id;
    auto q = m_db.run(QStringLiteral("SELECT id, name FROM technicians WHERE id IN (%1)").arg(placeholders(binds.size())), binds);
    if (!q)
        return q.error();
    while (q->next())
        names.insert(q->value(0).toString(), q->value(1).toString());
    return names;
}

} // namespace fieldops
