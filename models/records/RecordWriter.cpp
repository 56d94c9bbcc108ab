#include "records/RecordWriter.h"

#include "audit/LostRaceExplainer.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace fieldops::records {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RecordWriter)
};
QString noun(const RecordSpec &spec) { return QCoreApplication::translate("RecordWriter", spec.noun); }

// What the drivers return for instants and dates, bound back in the canonical form.
QVariant canonical(const QVariant &v)
{
    if (v.isNull())
        return QVariant();
    if (v.metaType().id() == QMetaType::QDateTime)
        return timefmt::toSql(timefmt::fromSql(v));
    if (v.metaType().id() == QMetaType::QDate)
        return timefmt::toSql(v.toDate());
    return v;
}

} // namespace

Status RecordWriter::checkFields(const RecordSpec &spec, const RecordValues &values) const
{
    for (auto it = values.begin(); it != values.end(); ++it)
        if (!spec.isWritable(it.key()))
            return Error::invalid(Text::tr("%1: not a field of a %2").arg(it.key(), noun(spec)));
    return {};
}

Status RecordWriter::writeChildren(const RecordSpec &spec, const QString &id, const RecordValues &values)
{
    for (const ChildList &c : spec.children) {
        if (!values.contains(c.field))
            continue;
        auto del = m_db.run(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(c.table, c.ownerColumn), {keyValue(spec, id)});
        if (!del)
            return del.error();
        QStringList columns{c.ownerColumn, c.valueColumn};
        columns << c.extraColumns;
        QStringList marks(columns.size(), QStringLiteral("?"));
        const QString insert = QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                                   .arg(c.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
        QStringList seen;
        for (const QString &item : values.value(c.field).toStringList()) {
            const QStringList parts = c.splitItem(item);
            if (seen.contains(parts.front()))
                continue;
            seen << parts.front();
            QVariantList binds{id, parts.front()};
            for (qsizetype i = 0; i < c.extraColumns.size(); ++i) {
                const QString &v = parts.at(i + 1);
                if (v.isEmpty())
                    binds << (c.numberColumns.contains(c.extraColumns[i]) ? QVariant(QMetaType::fromType<double>())
                                                                          : QVariant(QMetaType::fromType<QString>()));
                else if (c.numberColumns.contains(c.extraColumns[i]))
                    binds << v.toDouble();
                else
                    binds << v;
            }
            auto ins = m_db.run(insert, binds);
            if (!ins)
                return ins.error();
        }
    }
    return {};
}

Status RecordWriter::insert(const RecordSpec &spec, const QString &id, const RecordValues &values)
{
    if (Status s = checkFields(spec, values); !s)
        return s;
    auto exists = m_db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?").arg(spec.table, spec.keyColumn),
                              {keyValue(spec, id)});
    if (!exists)
        return exists.error();
    if (exists->toInt() > 0)
        return Error::invalid(Text::tr("%1: a %2 with this id already exists").arg(spec.keyColumn, noun(spec)));
    QStringList columns{spec.keyColumn};
    QVariantList binds{keyValue(spec, id)};
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (spec.child(it.key()))
            continue;
        columns << it.key();
        binds << it.value();
    }
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    auto q = m_db.run(QStringLiteral("INSERT INTO %1(%2, version) VALUES (%3, 1)")
                          .arg(spec.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                      binds);
    if (!q)
        return q.error();
    return writeChildren(spec, id, values);
}

QVariant RecordWriter::keyValue(const RecordSpec &spec, const QString &id)
{
    if (!spec.generatedKey)
        return id;
    bool ok = false;
    const qlonglong n = id.toLongLong(&ok);
    return ok ? QVariant(n) : QVariant(id);
}

Result<QString> RecordWriter::insertGenerated(const RecordSpec &spec, const RecordValues &values)
{
    if (!spec.generatedKey)
        return Error::invalid(Text::tr("%1: a %2 needs an id").arg(spec.keyColumn, noun(spec)));
    if (Status s = checkFields(spec, values); !s)
        return s.error();
    QStringList columns;
    QStringList marks;
    QVariantList binds;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (spec.child(it.key()))
            continue;
        columns << it.key();
        marks << QStringLiteral("?");
        binds << it.value();
    }
    QString sql = QStringLiteral("INSERT INTO %1(%2, version) VALUES (%3, 1)")
                      .arg(spec.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    if (m_db.isPostgres())
        sql += QStringLiteral(" RETURNING ") + spec.keyColumn;
    auto q = m_db.run(sql, binds);
    if (!q)
        return q.error();
    QVariant key;
    if (m_db.isPostgres()) {
        if (!q->next())
            return Error::other(Text::tr("the new %1 got no id").arg(noun(spec)));
        key = q->value(0);
    } else {
        key = q->lastInsertId();
    }
    q->finish();
    if (!key.isValid() || key.isNull())
        return Error::other(Text::tr("the new %1 got no id").arg(noun(spec)));
    const QString id = QString::number(key.toLongLong());
    if (Status s = writeChildren(spec, id, values); !s)
        return s.error();
    return id;
}

Result<int> RecordWriter::update(const RecordSpec &spec, const QString &id, int expectedVersion, const RecordValues &values)
{
    if (Status s = checkFields(spec, values); !s)
        return s.error();
    QStringList sets;
    QVariantList binds;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (spec.child(it.key()))
            continue;
        sets << it.key() + QStringLiteral(" = ?");
        binds << it.value();
    }
    // The version moves even when only a list changed: the record as a whole is newer.
    sets << QStringLiteral("version = version + 1");
    binds << keyValue(spec, id) << expectedVersion;
    auto q = m_db.run(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ? AND version = ?")
                          .arg(spec.table, sets.join(QStringLiteral(", ")), spec.keyColumn),
                      binds);
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return refusal(spec, id, expectedVersion);
    if (Status s = writeChildren(spec, id, values); !s)
        return s.error();
    return expectedVersion + 1;
}

Status RecordWriter::remove(const RecordSpec &spec, const QString &id, int expectedVersion)
{
    for (const ChildList &c : spec.children) {
        auto del = m_db.run(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(c.table, c.ownerColumn), {id});
        if (!del)
            return del.error();
    }
    auto q = m_db.run(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND version = ?").arg(spec.table, spec.keyColumn),
                      {keyValue(spec, id), expectedVersion});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return refusal(spec, id, expectedVersion);
    return {};
}

Result<RecordValues> RecordWriter::read(const RecordSpec &spec, const QString &id, const QStringList &fields, int *version)
{
    QStringList columns{QStringLiteral("version")};
    QStringList plain;
    for (const QString &f : fields) {
        if (!spec.isWritable(f))
            return Error::invalid(Text::tr("%1: not a field of a %2").arg(f, noun(spec)));
        if (!spec.child(f))
            plain << f;
    }
    columns << plain;
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(columns.join(QStringLiteral(", ")), spec.table, spec.keyColumn),
                      {keyValue(spec, id)});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, Text::tr("%1 %2 does not exist").arg(noun(spec), id), {}};
    RecordValues values;
    if (version)
        *version = q->value(0).toInt();
    for (qsizetype i = 0; i < plain.size(); ++i)
        values.insert(plain[i], canonical(q->value(int(i) + 1)));
    q->finish();
    for (const QString &f : fields) {
        const ChildList *c = spec.child(f);
        if (!c)
            continue;
        QStringList selected{c->valueColumn};
        selected << c->extraColumns;
        auto items = m_db.run(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? ORDER BY %4")
                                  .arg(selected.join(QStringLiteral(", ")), c->table, c->ownerColumn, c->valueColumn),
                              {id});
        if (!items)
            return items.error();
        QStringList list;
        while (items->next())
            list << c->itemFrom(*items, 0);
        values.insert(f, list);
    }
    return values;
}

Error RecordWriter::refusal(const RecordSpec &spec, const QString &id, int expectedVersion)
{
    auto exists = m_db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?").arg(spec.table, spec.keyColumn),
                              {keyValue(spec, id)});
    if (!exists)
        return exists.error();
    const bool gone = exists->toInt() == 0;
    const Error::Kind kind = gone ? Error::Kind::NotFound : Error::Kind::StaleVersion;
    const QString generic = gone ? Text::tr("%1 %2 no longer exists").arg(noun(spec), id)
                                 : Text::tr("%1 %2 was changed by someone else; it has been reloaded").arg(noun(spec), id);
    const int seen = gone ? 0 : expectedVersion;
    if (!spec.auditOwnerColumn.isEmpty()) {
        // Logged under its owner: find the owner (unknown once the row is gone).
        QString owner;
        if (!gone) {
            auto o = m_db.scalar(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(spec.auditOwnerColumn, spec.table, spec.keyColumn),
                                 {keyValue(spec, id)});
            if (!o)
                return o.error();
            owner = o->toString();
        }
        return LostRaceExplainer(m_db).refusalOwned(kind, spec.table, id, owner, seen, generic);
    }
    return LostRaceExplainer(m_db).refusal(kind, spec.table, id, seen, generic);
}

} // namespace fieldops::records
