#include "demo/DemoWriter.h"

#include "conditions/ConditionRuleStore.h"
#include "demo/BatchInserter.h"
#include "demo/BulkChangeLog.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoGeography.h"
#include "demo/DemoSensors.h"
#include "field/ReadingHours.h"
#include "field/ReadingPartitions.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>

namespace fieldops::demo {

namespace {

QVariant nullText() { return QVariant(QMetaType::fromType<QString>()); }
QVariant nullInt() { return QVariant(QMetaType::fromType<int>()); }
QVariant nullReal() { return QVariant(QMetaType::fromType<double>()); }
QVariant instant(Instant t) { return t == kNoInstant ? nullText() : QVariant(isoUtc(t)); }
// Qt binds a null QString as SQL NULL; NOT NULL DEFAULT '' text columns want ''.
QVariant text(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }
QVariant day(const QDate &d) { return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : nullText(); }
QString clockText(int minuteOfDay)
{
    return QStringLiteral("%1:%2").arg(minuteOfDay / 60, 2, 10, QLatin1Char('0')).arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}
QString workDays(quint8 mask)
{
    static const char *const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    QStringList days;
    for (int d = 0; d < 7; ++d) {
        if (mask >> d & 1)
            days << QString::fromLatin1(names[d]);
    }
    return days.join(QLatin1Char(';'));
}
QString skillCode(int skill) { return QString::fromLatin1(skills()[skill].code); }

// Counts rows as they go and reports progress every few thousand.
class Progress {
public:
    Progress(qint64 total, const std::function<bool(int)> &tick) : m_total(std::max<qint64>(1, total)), m_tick(tick) {}
    Status step()
    {
        if (++m_done % 5000 != 0 || !m_tick)
            return {};
        if (!m_tick(int(100 * m_done / m_total)))
            return Error{Error::Kind::Cancelled, QCoreApplication::translate("demo", "Seeding cancelled; nothing was written."), {}};
        return {};
    }

private:
    qint64 m_total;
    qint64 m_done = 0;
    const std::function<bool(int)> &m_tick;
};

#define FIELDOPS_TRY(expr)                                                                                             \
    do {                                                                                                               \
        if (Status s_ = (expr); !s_)                                                                                   \
            return s_;                                                                                                 \
    } while (false)

} // namespace

qint64 rowCount(const DemoDataSet &data)
{
    qint64 skillRows = 0;
    for (const TechnicianRow &t : data.technicians)
        skillRows += qint64(t.skills.size());
    for (const WorkOrderRow &w : data.workOrders)
        skillRows += w.secondSkill >= 0 ? 2 : 1;
    for (const conditions::ConditionRule &r : data.conditionRules)
        skillRows += qint64(r.skills.size());
    return qint64(skills().size() + territoryAreas().size() + parts().size()) + qint64(data.technicians.size())
        + skillRows + qint64(data.absences.size() + data.customers.size() + data.contacts.size() + data.sites.size() + data.assets.size()
                             + data.contracts.size() + 2 * data.plans.size() + data.workOrders.size()
                             + data.appointments.size() + data.ratings.size() + data.timeEntries.size()
                             + data.stock.size() + data.workOrderParts.size() + data.positions.size() + data.conditionRules.size()
                             + data.readings.size());
}

Status writeDataSet(Database &db, const DemoDataSet &data, const std::function<bool(int)> &tick, const WriteOptions &options)
{
    Progress progress(rowCount(data), tick);
    const QString zone = QString::fromLatin1(kTimeZone);
    if (!data.readings.empty()) {
        // The weekly partitions of the readings first (field/ReadingPartitions.h says why).
        const auto [first, last] = std::minmax_element(data.readings.begin(), data.readings.end(),
                                                       [](const ReadingRow &a, const ReadingRow &b) { return a.at < b.at; });
        FIELDOPS_TRY(field::ReadingPartitions().cover(db, QDateTime::fromSecsSinceEpoch(first->at, Qt::UTC),
                                                      QDateTime::fromSecsSinceEpoch(last->at, Qt::UTC)));
    }
    // Skills, territories, parts and stock may hold rows already (shared catalogues):
    // they keep their triggers.
    BulkChangeLog bulk(db);
    if (options.bulkChangeLog) {
        FIELDOPS_TRY(bulk.suspend({QStringLiteral("technicians"), QStringLiteral("technician_skills"),
                                   QStringLiteral("absences"), QStringLiteral("customers"), QStringLiteral("sites"),
                                   QStringLiteral("assets"), QStringLiteral("contracts"),
                                   QStringLiteral("maintenance_plans"), QStringLiteral("maintenance_plan_skills"),
                                   QStringLiteral("work_orders"), QStringLiteral("work_order_skills"),
                                   QStringLiteral("appointments"), QStringLiteral("ratings"),
                                   QStringLiteral("time_entries"), QStringLiteral("positions")}));
    }

    {
        BatchInserter ins(db, QStringLiteral("skills"), {QStringLiteral("code"), QStringLiteral("name")},
                          QStringLiteral("ON CONFLICT (code) DO NOTHING"));
        for (const SkillInfo &s : skills())
            FIELDOPS_TRY(ins.add({QString::fromLatin1(s.code), QString::fromLatin1(s.name)}));
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("territories"), {QStringLiteral("id"), QStringLiteral("name")},
                          QStringLiteral("ON CONFLICT (id) DO NOTHING"));
        for (const TerritoryArea &a : territoryAreas())
            FIELDOPS_TRY(ins.add({QString::fromLatin1(a.id), QString::fromUtf8(a.name)}));
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("technicians"),
                          {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("employment"),
                           QStringLiteral("territory_id"), QStringLiteral("home_lat"), QStringLiteral("home_lon"),
                           QStringLiteral("time_zone"), QStringLiteral("shift_start"), QStringLiteral("shift_end"),
                           QStringLiteral("work_days"), QStringLiteral("hourly_cost")});
        BatchInserter skillsIns(db, QStringLiteral("technician_skills"),
                                {QStringLiteral("technician_id"), QStringLiteral("skill_code")});
        for (const TechnicianRow &t : data.technicians) {
            FIELDOPS_TRY(ins.add({t.id, t.name, t.employment, QString::fromLatin1(territoryAreas()[t.territory].id),
                                  t.homeLat, t.homeLon, zone, clockText(t.shiftStartMin), clockText(t.shiftEndMin),
                                  workDays(t.workDayMask), t.hourlyCost}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
        for (const TechnicianRow &t : data.technicians) {
            for (int s : t.skills) {
                FIELDOPS_TRY(skillsIns.add({t.id, skillCode(s)}));
                FIELDOPS_TRY(progress.step());
            }
        }
        FIELDOPS_TRY(skillsIns.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("absences"),
                          {QStringLiteral("technician_id"), QStringLiteral("start_at"), QStringLiteral("end_at"),
                           QStringLiteral("reason")});
        for (const AbsenceRow &a : data.absences) {
            FIELDOPS_TRY(ins.add({data.technicians[a.technician].id, instant(a.start), instant(a.end), text(a.reason)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("customers"),
                          {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email")});
        for (const CustomerRow &c : data.customers) {
            FIELDOPS_TRY(ins.add({c.id, c.name, text(c.phone), text(c.email)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("customer_contacts"),
                          {QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("phone"),
                           QStringLiteral("email")});
        for (const ContactRow &c : data.contacts) {
            FIELDOPS_TRY(ins.add({data.customers[size_t(c.customer)].id, c.name, c.role, c.phone, c.email}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("sites"),
                          {QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("name"),
                           QStringLiteral("address"), QStringLiteral("lat"), QStringLiteral("lon"),
                           QStringLiteral("time_zone"), QStringLiteral("territory_id")});
        // Each site in its neighbourhood's territory: the travel speeds are learned per
        // territory of the site a drive ends at, and optimize --territory keeps its sites.
        for (const SiteRow &s : data.sites) {
            FIELDOPS_TRY(ins.add({s.id, data.customers[s.customer].id, s.name, s.address, s.lat, s.lon, zone,
                                  QString::fromLatin1(territoryAreas()[size_t(s.territory)].id)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("assets"),
                          {QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("serial"),
                           QStringLiteral("model"), QStringLiteral("installed_on"), QStringLiteral("warranty_until")});
        for (const AssetRow &a : data.assets) {
            FIELDOPS_TRY(ins.add({a.id, data.sites[a.site].id, a.serial, a.model, day(a.installedOn), day(a.warrantyUntil)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("contracts"),
                          {QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("name"),
                           QStringLiteral("starts_on"), QStringLiteral("ends_on"), QStringLiteral("response_hours"),
                           QStringLiteral("coverage"), QStringLiteral("fixed_fee"), QStringLiteral("fee_period"),
                           QStringLiteral("included_hours"), QStringLiteral("hourly_rate")});
        for (const ContractRow &c : data.contracts) {
            FIELDOPS_TRY(ins.add({c.id, data.customers[c.customer].id, c.name, day(c.startsOn), day(c.endsOn),
                                  c.responseHours > 0 ? QVariant(c.responseHours) : nullInt(),
                                  c.allHours ? QStringLiteral("24x7") : QStringLiteral("business_hours"), c.monthlyFee,
                                  QStringLiteral("month"), c.includedHours, c.hourlyRate}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("maintenance_plans"),
                          {QStringLiteral("id"), QStringLiteral("contract_id"), QStringLiteral("asset_id"),
                           QStringLiteral("task"), QStringLiteral("interval_days"), QStringLiteral("duration_min"),
                           QStringLiteral("next_due")});
        BatchInserter skillsIns(db, QStringLiteral("maintenance_plan_skills"),
                                {QStringLiteral("plan_id"), QStringLiteral("skill_code")});
        for (const PlanRow &p : data.plans) {
            FIELDOPS_TRY(ins.add({p.id, data.contracts[p.contract].id, data.assets[p.asset].id,
                                  QString::fromUtf8(preventiveTasks()[p.task].task), p.intervalDays, p.durationMin,
                                  day(p.nextDue)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
        for (const PlanRow &p : data.plans) {
            FIELDOPS_TRY(skillsIns.add({p.id, skillCode(p.skill)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(skillsIns.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("work_orders"),
                          {QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("asset_id"),
                           QStringLiteral("contract_id"), QStringLiteral("type"), QStringLiteral("priority"),
                           QStringLiteral("duration_min"), QStringLiteral("window_start"), QStringLiteral("window_end"),
                           QStringLiteral("created_at"), QStringLiteral("sla_due"), QStringLiteral("status"),
                           QStringLiteral("summary")});
        BatchInserter skillsIns(db, QStringLiteral("work_order_skills"),
                                {QStringLiteral("work_order_id"), QStringLiteral("skill_code")});
        for (const WorkOrderRow &w : data.workOrders) {
            FIELDOPS_TRY(ins.add({w.id, data.sites[w.site].id, w.asset >= 0 ? QVariant(data.assets[w.asset].id) : nullText(),
                                  w.contract >= 0 ? QVariant(data.contracts[w.contract].id) : nullText(), w.type,
                                  w.priority, w.durationMin, instant(w.windowStart), instant(w.windowEnd),
                                  instant(w.createdAt), instant(w.slaDue), w.status, text(w.summary)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
        for (const WorkOrderRow &w : data.workOrders) {
            FIELDOPS_TRY(skillsIns.add({w.id, skillCode(w.skill)}));
            FIELDOPS_TRY(progress.step());
            if (w.secondSkill >= 0) {
                FIELDOPS_TRY(skillsIns.add({w.id, skillCode(w.secondSkill)}));
                FIELDOPS_TRY(progress.step());
            }
        }
        FIELDOPS_TRY(skillsIns.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("appointments"),
                          {QStringLiteral("id"), QStringLiteral("work_order_id"), QStringLiteral("technician_id"),
                           QStringLiteral("start_at"), QStringLiteral("end_at"), QStringLiteral("status"),
                           QStringLiteral("arrived_at"), QStringLiteral("completed_at"), QStringLiteral("resolved"),
                           QStringLiteral("departed_at")});
        for (const AppointmentRow &a : data.appointments) {
            FIELDOPS_TRY(ins.add({a.id, data.workOrders[a.workOrder].id, data.technicians[a.technician].id,
                                  instant(a.start), instant(a.end), a.status, instant(a.arrivedAt), instant(a.completedAt),
                                  a.resolved, instant(a.departedAt)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("ratings"),
                          {QStringLiteral("work_order_id"), QStringLiteral("score"), QStringLiteral("comment"),
                           QStringLiteral("rated_at")});
        for (const RatingRow &r : data.ratings) {
            FIELDOPS_TRY(ins.add({data.workOrders[r.workOrder].id, r.score, text(r.comment), instant(r.ratedAt)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("time_entries"),
                          {QStringLiteral("technician_id"), QStringLiteral("work_order_id"), QStringLiteral("start_at"),
                           QStringLiteral("end_at"), QStringLiteral("billable"), QStringLiteral("activity"),
                           QStringLiteral("comment")});
        for (const TimeEntryRow &e : data.timeEntries) {
            FIELDOPS_TRY(ins.add({data.technicians[e.technician].id, data.workOrders[e.workOrder].id, instant(e.start),
                                  instant(e.end), e.billable, e.activity, text(e.comment)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("parts"),
                          {QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("unit_cost")},
                          QStringLiteral("ON CONFLICT (sku) DO NOTHING"));
        for (const PartInfo &p : parts())
            FIELDOPS_TRY(ins.add({QString::fromLatin1(p.sku), QString::fromUtf8(p.name), p.unitCost}));
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("stock"),
                          {QStringLiteral("sku"), QStringLiteral("location"), QStringLiteral("quantity"), QStringLiteral("min_quantity")},
                          QStringLiteral("ON CONFLICT (sku, location) DO NOTHING"));
        for (const StockRow &s : data.stock) {
            FIELDOPS_TRY(ins.add({QString::fromLatin1(parts()[s.part].sku), s.location, s.quantity, s.minQuantity}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("work_order_parts"),
                          {QStringLiteral("work_order_id"), QStringLiteral("sku"), QStringLiteral("quantity")});
        for (const WorkOrderPartRow &n : data.workOrderParts) {
            FIELDOPS_TRY(ins.add({data.workOrders[size_t(n.workOrder)].id, QString::fromLatin1(parts()[n.part].sku), n.quantity}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        BatchInserter ins(db, QStringLiteral("positions"),
                          {QStringLiteral("technician_id"), QStringLiteral("at"), QStringLiteral("lat"),
                           QStringLiteral("lon"), QStringLiteral("speed_kmh"), QStringLiteral("heading_deg")});
        for (const PositionRow &p : data.positions) {
            FIELDOPS_TRY(ins.add({data.technicians[p.technician].id, instant(p.at), p.lat, p.lon, p.speedKmh,
                                  p.headingDeg < 0 ? nullReal() : QVariant(p.headingDeg)}));
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
    }
    {
        // Few rules: through the store, with their triggers (change feed, audit) like a planner's.
        conditions::ConditionRuleStore rules(db);
        for (const conditions::ConditionRule &r : data.conditionRules) {
            FIELDOPS_TRY(rules.insert(r));
            FIELDOPS_TRY(progress.step());
        }
    }
    {
        // Readings are telemetry (no change feed); their hourly sums are added up as the
        // ingest does.
        BatchInserter ins(db, QStringLiteral("asset_readings"),
                          {QStringLiteral("asset_id"), QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("value"),
                           QStringLiteral("unit"), QStringLiteral("source")});
        field::ReadingHours hours;
        const QString source = QStringLiteral("demo");
        std::vector<QString> kinds, units;
        for (const SensorProfile &p : sensorProfiles()) {
            kinds.push_back(QString::fromLatin1(p.readingKind));
            units.push_back(QString::fromUtf8(p.unit));
        }
        for (const ReadingRow &r : data.readings) {
            const QString &assetId = data.assets[size_t(r.asset)].id;
            FIELDOPS_TRY(ins.add({assetId, isoUtc(r.at), kinds[size_t(r.profile)], r.value, units[size_t(r.profile)], source}));
            hours.add(assetId, kinds[size_t(r.profile)], QDateTime::fromSecsSinceEpoch(r.at, Qt::UTC), r.value);
            FIELDOPS_TRY(progress.step());
        }
        FIELDOPS_TRY(ins.flush());
        FIELDOPS_TRY(hours.flush(db));
    }
    return bulk.logAndRestore();
}

#undef FIELDOPS_TRY

} // namespace fieldops::demo
