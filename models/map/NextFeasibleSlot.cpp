#include "map/NextFeasibleSlot.h"

#include "repositories/AppointmentWriter.h"
#include "scheduling/ScheduleLoader.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QTimeZone>
#include <optional>

namespace fieldops::map {

namespace {
constexpr int kStepMinutes = 15;

QDateTime roundUpToStep(const QDateTime &t)
{
    const qint64 stepMs = kStepMinutes * 60 * 1000LL;
    const qint64 ms = t.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch((ms + stepMs - 1) / stepMs * stepMs, Qt::UTC);
}
} // namespace

Result<SlotProposal> findNextFeasibleSlot(Database &db, const QString &workOrderId, const QString &technicianId,
                                          const QDateTime &now, int searchDays)
{
    auto wo = AppointmentWriter(db).fetchWorkOrder(workOrderId);
    if (!wo)
        return wo.error();
    auto skills = db.run(QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = ? ORDER BY skill_code"),
                         {workOrderId});
    if (!skills)
        return skills.error();
    while (skills->next())
        wo->requiredSkills.append(skills->value(0).toString());
    auto siteQ = db.run(QStringLiteral("SELECT id, lat, lon, time_zone FROM sites WHERE id = ?"), {wo->siteId});
    if (!siteQ)
        return siteQ.error();
    Site site;
    if (siteQ->next()) {
        site.id = siteQ->value(0).toString();
        site.lat = siteQ->value(1).toDouble();
        site.lon = siteQ->value(2).toDouble();
        site.timeZone = siteQ->value(3).toString();
    }

    const QDateTime from = roundUpToStep(now);
    const QDateTime to = from.addDays(searchDays);
    auto snapshot = scheduling::ScheduleLoader(db).load(from, to);
    if (!snapshot)
        return snapshot.error();
    scheduling::ConflictIndex index(*snapshot);
    index.upsertSite(site);
    index.upsertWorkOrder(*wo);

    std::optional<SlotProposal> firstAllowed;
    const qint64 durationSecs = qint64(wo->durationMin) * 60;
    for (QDateTime start = from; start < to; start = start.addSecs(kStepMinutes * 60)) {
        SlotProposal p{workOrderId, technicianId, start, start.addSecs(durationSecs), {}};
        p.verdict = index.verdict(scheduling::ProposedMove{QString(), technicianId, p.start, p.end, workOrderId});
        if (p.verdict.clean())
            return p;
        if (!firstAllowed && p.verdict.allowed())
            firstAllowed = p;
    }
    if (firstAllowed)
        return *firstAllowed;
    return Error{Error::Kind::NotFound,
                 QCoreApplication::translate("MapView", "no free slot for this technician in the next %n day(s)", nullptr, searchDays),
                 {}};
}

} // namespace fieldops::map
