#include "scheduling/DurationHistory.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::scheduling {

namespace {

constexpr double kLongestVisitMin = 24 * 60;

} // namespace

Result<std::vector<DurationSample>> loadDurationHistory(Database &db, const QDateTime &from, const QDateTime &before,
                                                         const QString &type)
{
    QString sql = QStringLiteral(
        "SELECT a.id, w.type, coalesce(s.model, ''), a.technician_id, w.duration_min, "
        "  coalesce(a.arrived_at, a.inferred_arrived_at), coalesce(a.completed_at, a.departed_at, a.inferred_departed_at) "
        "FROM appointments a JOIN work_orders w ON w.id = a.work_order_id LEFT JOIN assets s ON s.id = w.asset_id "
        "WHERE a.status = 'completed'");
    QVariantList binds;
    if (!type.isEmpty()) {
        sql += QStringLiteral(" AND w.type = ?");
        binds << type;
    }
    sql += QStringLiteral(" ORDER BY a.id");
    auto q = db.run(sql, binds);
    if (!q)
        return q.error();
    std::vector<DurationSample> out;
    while (q->next()) {
        const QDateTime arrived = timefmt::fromSql(q->value(5));
        const QDateTime ended = timefmt::fromSql(q->value(6));
        if (!arrived.isValid() || !ended.isValid())
            continue;
        if ((from.isValid() && arrived < from) || (before.isValid() && arrived >= before))
            continue;
        const double minutes = arrived.secsTo(ended) / 60.0;
        if (minutes <= 0 || minutes >= kLongestVisitMin)
            continue;
        DurationSample s;
        s.appointmentId = q->value(0).toString();
        s.type = q->value(1).toString();
        s.assetModel = q->value(2).toString().trimmed();
        s.technicianId = q->value(3).toString();
        s.estimateMin = q->value(4).toInt();
        s.actualMin = minutes;
        s.arrivedAt = arrived;
        out.push_back(std::move(s));
    }
    return out;
}

Result<QHash<QString, DurationPrediction>> predictWorkOrderDurations(Database &db, const QString &workOrderId,
                                                                     const QStringList &technicianIds)
{
    auto q = db.run(QStringLiteral("SELECT w.type, w.duration_min, coalesce(s.model, '') FROM work_orders w "
                                   "LEFT JOIN assets s ON s.id = w.asset_id WHERE w.id = ?"),
                    {workOrderId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound,
                     QCoreApplication::translate("DurationHistory", "work order %1 does not exist").arg(workOrderId), {}};
    DurationQuery query;
    query.type = q->value(0).toString();
    query.estimateMin = q->value(1).toInt();
    query.assetModel = q->value(2).toString().trimmed();
    q->finish();
    auto history = loadDurationHistory(db, {}, {}, query.type);
    if (!history)
        return history.error();
    const DurationModel model = DurationModel::fit(*history);
    QHash<QString, DurationPrediction> out;
    out.insert(QString(), model.predict(query));
    for (const QString &t : technicianIds) {
        query.technicianId = t;
        out.insert(t, model.predict(query));
    }
    return out;
}

} // namespace fieldops::scheduling
