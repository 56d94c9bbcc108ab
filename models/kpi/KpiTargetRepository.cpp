#include "kpi/KpiTargetRepository.h"

#include "audit/LostRaceExplainer.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QSqlQuery>

namespace fieldops::kpi {

namespace {

const QString kColumns = QStringLiteral("id, kpi_key, territory_id, target, amber_threshold, version, updated_by, updated_at");

KpiTarget readTarget(const QSqlQuery &q)
{
    KpiTarget t;
    t.id = q.value(0).toLongLong();
    t.kpiKey = q.value(1).toString();
    t.territoryId = q.value(2).toString();
    t.target = q.value(3).toDouble();
    if (!q.value(4).isNull())
        t.amberThreshold = q.value(4).toDouble();
    t.version = q.value(5).toInt();
    t.updatedBy = q.value(6).toString();
    if (const auto ms = timefmt::msFromSql(q.value(7)))
        t.updatedAt = QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    return t;
}

QVariant nullable(const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); }
QVariant nullable(const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double)); }

} // namespace

Result<std::vector<KpiTarget>> KpiTargetRepository::all()
{
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM kpi_targets ORDER BY kpi_key, territory_id").arg(kColumns));
    if (!q)
        return q.error();
    std::vector<KpiTarget> out;
    while (q->next())
        out.push_back(readTarget(*q));
    return out;
}

Result<std::optional<KpiTarget>> KpiTargetRepository::find(const QString &key, const QString &territoryId)
{
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM kpi_targets WHERE kpi_key = ? AND coalesce(territory_id, '') = coalesce(?, '')").arg(kColumns),
                      {key, territoryId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<KpiTarget>();
    return std::optional<KpiTarget>(readTarget(*q));
}

Error KpiTargetRepository::refused(const Error &e) const
{
    if (e.kind != Error::Kind::PermissionDenied)
        return e;
    return {Error::Kind::PermissionDenied, tr("only managers and administrators may change KPI targets; the server refused"),
            e.detail.isEmpty() ? e.message : e.detail};
}

Result<KpiTarget> KpiTargetRepository::save(const KpiTarget &target)
{
    if (const QString p = KpiTargetRules::problem(target); !p.isEmpty())
        return Error::invalid(p);
    // Fixed fragments per dialect (no user data): who and when, as the server sees them.
    const QString now = m_db.isPostgres() ? QStringLiteral("now()") : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    const bool namedActor = !m_db.actor().isEmpty();
    const QString who = namedActor ? QStringLiteral("?") : m_db.isPostgres() ? QStringLiteral("session_user") : QStringLiteral("''");
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    if (target.id == 0) {
        auto existing = find(target.kpiKey, target.territoryId);
        if (!existing)
            return existing.error();
        if (*existing)
            return Error{Error::Kind::StaleVersion,
                         tr("someone else set a target for %1 in the meantime; it was reloaded").arg(target.kpiKey), {}};
        QVariantList binds{target.kpiKey, nullable(target.territoryId), target.target, nullable(target.amberThreshold)};
        if (namedActor)
            binds << m_db.actor();
        auto q = m_db.run(QStringLiteral("INSERT INTO kpi_targets(kpi_key, territory_id, target, amber_threshold, updated_by, updated_at) "
                                         "VALUES (?, ?, ?, ?, %1, %2)").arg(who, now),
                          binds);
        if (!q)
            return refused(q.error());
    } else {
        QVariantList binds{target.target, nullable(target.amberThreshold)};
        if (namedActor)
            binds << m_db.actor();
        binds << target.id << target.version;
        auto q = m_db.run(QStringLiteral("UPDATE kpi_targets SET target = ?, amber_threshold = ?, updated_by = %1, updated_at = %2, "
                                         "version = version + 1 WHERE id = ? AND version = ?").arg(who, now),
                          binds);
        if (!q)
            return refused(q.error());
        if (q->numRowsAffected() != 1)
            return LostRaceExplainer(m_db).refusal(Error::Kind::StaleVersion, QStringLiteral("kpi_targets"),
                                                   QString::number(target.id), target.version,
                            tr("the target for %1 was changed or removed by someone else in the meantime; it was reloaded")
                                .arg(target.kpiKey));
    }
    auto stored = find(target.kpiKey, target.territoryId);
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error{Error::Kind::NotFound, tr("the target for %1 is gone").arg(target.kpiKey), {}};
    if (Status s = tx.commit(); !s)
        return refused(s.error());
    return **stored;
}

Status KpiTargetRepository::remove(qint64 id, int expectedVersion)
{
    auto q = m_db.run(QStringLiteral("DELETE FROM kpi_targets WHERE id = ? AND version = ?"), {id, expectedVersion});
    if (!q)
        return refused(q.error());
    if (q->numRowsAffected() != 1)
        return LostRaceExplainer(m_db).refusal(Error::Kind::StaleVersion, QStringLiteral("kpi_targets"), QString::number(id),
                                               expectedVersion, tr("the target was changed or removed by someone else in the meantime"));
    return {};
}

} // namespace fieldops::kpi
