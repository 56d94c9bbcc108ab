#include "records/RecordRows.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>
#include <QSqlQuery>

namespace fieldops::records {

namespace {

QVariant asBound(const RecordSpec &spec, const QString &column, QVariant v)
{
    if (v.isNull())
        return spec.numberColumns.contains(column) ? QVariant(QMetaType::fromType<double>()) : QVariant(QMetaType::fromType<QString>());
    if (spec.booleanColumns.contains(column))
        return v.metaType().id() == QMetaType::Bool ? v.toBool() : v.toInt() != 0;
    if (spec.numberColumns.contains(column))
        return v.toDouble();
    if (v.metaType().id() == QMetaType::QDate)
        return timefmt::toSql(v.toDate());
    return v.toString();
}

} // namespace

Result<QVector<RecordRow>> readRecordRows(Database &db, const RecordSpec &spec, const QString &where, const QVariantList &binds,
                                          const QString &orderBy)
{
    QStringList qualified{QStringLiteral("x.") + spec.keyColumn, QStringLiteral("x.version")};
    for (const QString &c : spec.columns)
        qualified << QStringLiteral("x.") + c;
    auto q = db.run(QStringLiteral("SELECT %1 FROM %2 x %3 ORDER BY %4").arg(qualified.join(QStringLiteral(", ")), spec.table, where, orderBy),
                    binds);
    if (!q)
        return q.error();
    QVector<RecordRow> rows;
    QHash<QString, qsizetype> byId;
    while (q->next()) {
        RecordRow r;
        r.id = q->value(0).toString();
        r.version = q->value(1).toInt();
        for (int i = 0; i < spec.columns.size(); ++i)
            r.values.insert(spec.columns[i], asBound(spec, spec.columns[i], q->value(i + 2)));
        for (const ChildList &child : spec.children)
            r.values.insert(child.field, QStringList());
        byId.insert(r.id, rows.size());
        rows.push_back(std::move(r));
    }
    // Each list in one query for the whole set, not one per record.
    for (const ChildList &child : spec.children) {
        QString extras;
        for (const QString &column : child.extraColumns)
            extras += QStringLiteral(", c.") + column;
        auto c = db.run(QStringLiteral("SELECT c.%1, c.%2%7 FROM %3 c JOIN %4 x ON x.%5 = c.%1 %6 ORDER BY c.%2")
                            .arg(child.ownerColumn, child.valueColumn, child.table, spec.table, spec.keyColumn, where, extras),
                        binds);
        if (!c)
            return c.error();
        while (c->next()) {
            const auto at = byId.constFind(c->value(0).toString());
            if (at == byId.constEnd())
                continue;
            RecordValues &values = rows[*at].values;
            QStringList list = values.value(child.field).toStringList();
            list << child.itemFrom(*c, 1);
            values.insert(child.field, list);
        }
    }
    return rows;
}

} // namespace fieldops::records
