#include "board/BoardLoader.h"

#include "parts/Stock.h"
#include "scheduling/ScheduleLoader.h"
#include "storage/AppointmentRows.h"
#include "storage/Database.h"
#include "storage/SiteRows.h"
#include "storage/WorkOrderRows.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace fieldops::board {

namespace {

constexpr qsizetype kBatch = 500; // bound values per statement stay under both drivers' caps

QString placeholders(qsizetype n)
{
    QString s;
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(",?") : QStringLiteral("?");
    return s;
}

// Derived from the shared readers' counts, so a column added there moves these too.
constexpr int kWorkOrderAt = rows::kAppointmentColumnCount;
constexpr int kSiteAt = kWorkOrderAt + rows::kWorkOrderColumnsAfterIdCount;
constexpr int kCustomerNameAt = kSiteAt + rows::kSiteColumnsAfterIdCount;

const QString kItemSelect = QStringLiteral("SELECT ") + rows::appointmentColumns() + QStringLiteral(", ")
    + rows::workOrderColumnsAfterId() + QStringLiteral(", ") + rows::siteColumnsAfterId() + QStringLiteral(", c.name "
    "FROM appointments a JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id "
    "JOIN customers c ON c.id = s.customer_id WHERE ");

LoadedItem readItem(const QSqlQuery &q)
{
    LoadedItem r;
    r.item.appointment = rows::readAppointment(q);
    const Appointment &a = r.item.appointment;
    WorkOrder &w = r.workOrder;
    w.id = a.workOrderId;
    rows::readWorkOrderAfterId(q, kWorkOrderAt, w);
    Site &s = r.site;
    s.id = w.siteId;
    rows::readSiteAfterId(q, kSiteAt, s);
    BoardItem &i = r.item;
    i.startMs = a.start.toMSecsSinceEpoch();
    i.endMs = a.end.toMSecsSinceEpoch();
    i.summary = w.summary;
    i.workOrderType = w.type;
    i.siteId = s.id;
    i.siteName = s.name;
    i.siteAddress = s.address;
    i.customerName = q.value(kCustomerNameAt).toString();
    i.siteLat = s.lat;
    i.siteLon = s.lon;
    i.priority = w.priority;
    i.hasSla = w.slaDue.isValid();
    i.slaDueMs = i.hasSla ? w.slaDue.toMSecsSinceEpoch() : 0;
    return r;
}

} // namespace

Result<scheduling::ScheduleSnapshot> BoardLoader::snapshot(const QDateTime &from, const QDateTime &to)
{
    return scheduling::ScheduleLoader(m_db).load(from, to);
}

Result<QHash<QString, QString>> BoardLoader::territoryNames()
{
    auto q = m_db.run(QStringLiteral("SELECT id, name FROM territories"));
    if (!q)
        return q.error();
    QHash<QString, QString> names;
    while (q->next())
        names.insert(q->value(0).toString(), q->value(1).toString());
    return names;
}

Result<std::vector<LoadedItem>> BoardLoader::readItems(const QString &where, const QVariantList &binds)
{
    auto q = m_db.run(kItemSelect + where, binds);
    if (!q)
        return q.error();
    std::vector<LoadedItem> out;
    while (q->next())
        out.push_back(readItem(*q));
    return out;
}

Result<std::vector<LoadedItem>> BoardLoader::itemsInHorizon(const QDateTime &from, const QDateTime &to)
{
    auto items = readItems(QStringLiteral("a.start_at < ? AND a.end_at > ?"), {timefmt::toSql(to), timefmt::toSql(from)});
    if (!items)
        return items.error();
    if (Status s = readParts(*items); !s)
        return s.error();
    return items;
}

Result<std::vector<LoadedItem>> BoardLoader::itemsFromSnapshot(const scheduling::ScheduleSnapshot &snap)
{
    const QVariant vFrom = timefmt::toSql(snap.from), vTo = timefmt::toSql(snap.to);
    // Cancelled visits are not in the snapshot (they never conflict) but the board can show them.
    auto cancelled = readItems(QStringLiteral("a.status = 'cancelled' AND a.start_at < ? AND a.end_at > ?"), {vTo, vFrom});
    if (!cancelled)
        return cancelled.error();
    auto q = m_db.run(QStringLiteral("SELECT c.id, c.name FROM customers c WHERE c.id IN (SELECT s.customer_id FROM sites s "
                                     "WHERE s.id IN (SELECT w.site_id FROM work_orders w WHERE w.id IN (SELECT a.work_order_id "
                                     "FROM appointments a WHERE a.start_at < ? AND a.end_at > ?)))"),
                      {vTo, vFrom});
    if (!q)
        return q.error();
    QHash<QString, QString> customerNames;
    while (q->next())
        customerNames.insert(q->value(0).toString(), q->value(1).toString());
    QHash<QString, const WorkOrder *> workOrders;
    for (const WorkOrder &w : snap.workOrders)
        workOrders.insert(w.id, &w);
    QHash<QString, const Site *> sites;
    for (const Site &s : snap.sites)
        sites.insert(s.id, &s);

    std::vector<LoadedItem> out;
    out.reserve(snap.appointments.size() + cancelled->size());
    const qint64 fromMs = snap.from.toMSecsSinceEpoch(), toMs = snap.to.toMSecsSinceEpoch();
    for (const Appointment &a : snap.appointments) {
        LoadedItem r;
        r.item.appointment = a;
        r.item.startMs = a.start.toMSecsSinceEpoch();
        r.item.endMs = a.end.toMSecsSinceEpoch();
        // The snapshot also holds the span's overlaps and each technician's neighbours.
        if (r.item.startMs >= toMs || r.item.endMs <= fromMs)
            continue;
        const WorkOrder *w = workOrders.value(a.workOrderId);
        const Site *s = w ? sites.value(w->siteId) : nullptr;
        if (!w || !s)
            continue; // deleted between the reads: the change feed brings it back
        r.workOrder = *w;
        r.workOrder.requiredSkills.clear(); // as itemsInHorizon(): the index has them
        r.site = *s;
        BoardItem &i = r.item;
        i.summary = w->summary;
        i.workOrderType = w->type;
        i.siteId = s->id;
        i.siteName = s->name;
        i.siteAddress = s->address;
        i.customerName = customerNames.value(s->customerId);
        i.siteLat = s->lat;
        i.siteLon = s->lon;
        i.priority = w->priority;
        i.hasSla = w->slaDue.isValid();
        i.slaDueMs = i.hasSla ? w->slaDue.toMSecsSinceEpoch() : 0;
        out.push_back(std::move(r));
    }
    for (LoadedItem &c : *cancelled)
        out.push_back(std::move(c));
    if (Status st = readParts(out); !st)
        return st.error();
    return out;
}

Result<std::vector<LoadedItem>> BoardLoader::itemsByIds(const QStringList &ids)
{
    std::vector<LoadedItem> out;
    for (qsizetype at = 0; at < ids.size(); at += kBatch) {
        const QStringList batch = ids.mid(at, kBatch);
        auto part = readItems(QStringLiteral("a.id IN (%1)").arg(placeholders(batch.size())),
                              QVariantList(batch.begin(), batch.end()));
        if (!part)
            return part.error();
        for (LoadedItem &i : *part)
            out.push_back(std::move(i));
    }
    if (Status s = readSkills(out); !s)
        return s.error();
    if (Status s = readParts(out); !s)
        return s.error();
    return out;
}

Status BoardLoader::readParts(std::vector<LoadedItem> &items)
{
    auto toCome = [](const LoadedItem &i) {
        const QString &status = i.item.appointment.status;
        return status != QLatin1String("cancelled") && status != QLatin1String("completed");
    };
    QStringList workOrderIds;
    for (const LoadedItem &i : items) {
        if (toCome(i))
            workOrderIds << i.item.appointment.workOrderId;
    }
    workOrderIds.removeDuplicates();
    QHash<QString, std::vector<parts::PartNeed>> needs;
    for (qsizetype at = 0; at < workOrderIds.size(); at += kBatch) {
        const QStringList batch = workOrderIds.mid(at, kBatch);
        auto q = m_db.run(QStringLiteral("SELECT work_order_id, sku, quantity FROM work_order_parts WHERE work_order_id IN (%1) "
                                         "ORDER BY work_order_id, sku")
                              .arg(placeholders(batch.size())),
                          QVariantList(batch.begin(), batch.end()));
        if (!q)
            return q.error();
        while (q->next())
            needs[q->value(0).toString()].push_back({q->value(1).toString(), QString(), q->value(2).toDouble()});
    }
    if (needs.isEmpty()) {
        for (LoadedItem &i : items) {
            i.item.partSkus.clear();
            i.item.vanLacks.clear();
        }
        return {};
    }
    QStringList vans;
    for (const LoadedItem &i : items) {
        if (toCome(i) && needs.contains(i.item.appointment.workOrderId))
            vans << parts::vanLocation(i.item.appointment.technicianId);
    }
    vans.removeDuplicates();
    QHash<QString, QHash<QString, double>> stock; // van location → sku → on hand
    for (qsizetype at = 0; at < vans.size(); at += kBatch) {
        const QStringList batch = vans.mid(at, kBatch);
        auto q = m_db.run(QStringLiteral("SELECT location, sku, quantity FROM stock WHERE location IN (%1)").arg(placeholders(batch.size())),
                          QVariantList(batch.begin(), batch.end()));
        if (!q)
            return q.error();
        while (q->next())
            stock[q->value(0).toString()].insert(q->value(1).toString(), q->value(2).toDouble());
    }
    for (LoadedItem &i : items) {
        BoardItem &b = i.item;
        b.partSkus.clear();
        b.vanLacks.clear();
        const auto it = needs.constFind(b.appointment.workOrderId);
        if (!toCome(i) || it == needs.cend())
            continue;
        for (const parts::PartNeed &n : *it)
            b.partSkus << n.sku;
        b.vanLacks = parts::shortageWords(parts::shortages(*it, stock.value(parts::vanLocation(b.appointment.technicianId))));
    }
    return {};
}

Status BoardLoader::readSkills(std::vector<LoadedItem> &items)
{
    QHash<QString, QStringList> skills;
    QStringList ids;
    for (const LoadedItem &i : items)
        ids << i.workOrder.id;
    ids.removeDuplicates();
    for (qsizetype at = 0; at < ids.size(); at += kBatch) {
        const QStringList batch = ids.mid(at, kBatch);
        auto q = m_db.run(QStringLiteral("SELECT work_order_id, skill_code FROM work_order_skills WHERE work_order_id IN (%1) "
                                         "ORDER BY work_order_id, skill_code")
                              .arg(placeholders(batch.size())),
                          QVariantList(batch.begin(), batch.end()));
        if (!q)
            return q.error();
        while (q->next())
            skills[q->value(0).toString()] << q->value(1).toString();
    }
    for (LoadedItem &i : items)
        i.workOrder.requiredSkills = skills.value(i.workOrder.id);
    return {};
}

Result<QStringList> BoardLoader::appointmentIdsOfWorkOrders(const QStringList &workOrderIds, const QDateTime &from,
                                                            const QDateTime &to)
{
    QStringList out;
    for (qsizetype at = 0; at < workOrderIds.size(); at += kBatch) {
        const QStringList batch = workOrderIds.mid(at, kBatch);
        QVariantList binds(batch.begin(), batch.end());
        binds << timefmt::toSql(to) << timefmt::toSql(from);
        auto q = m_db.run(QStringLiteral("SELECT id FROM appointments WHERE work_order_id IN (%1) AND start_at < ? AND end_at > ?")
                              .arg(placeholders(batch.size())),
                          binds);
        if (!q)
            return q.error();
        while (q->next())
            out << q->value(0).toString();
    }
    return out;
}

Result<LoadedWorkOrder> BoardLoader::workOrder(const QString &id)
{
    auto q = m_db.run(QStringLiteral(
                          "SELECT w.id, w.site_id, w.type, w.priority, w.duration_min, w.window_start, w.window_end, "
                          "w.sla_due, w.status, w.summary, w.version, s.customer_id, s.name, s.address, s.lat, s.lon, "
                          "s.time_zone, c.name FROM work_orders w JOIN sites s ON s.id = w.site_id "
                          "JOIN customers c ON c.id = s.customer_id WHERE w.id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, QCoreApplication::translate("BoardLoader", "work order %1 no longer exists").arg(id), {}};
    LoadedWorkOrder r;
    WorkOrder &w = r.workOrder;
    w.id = q->value(0).toString();
    w.siteId = q->value(1).toString();
    w.type = q->value(2).toString();
    w.priority = q->value(3).toInt();
    w.durationMin = q->value(4).toInt();
    w.windowStart = timefmt::fromSql(q->value(5));
    w.windowEnd = timefmt::fromSql(q->value(6));
    w.slaDue = timefmt::fromSql(q->value(7));
    w.status = q->value(8).toString();
    w.summary = q->value(9).toString();
    w.version = q->value(10).toInt();
    r.site.id = w.siteId;
    r.site.customerId = q->value(11).toString();
    r.site.name = q->value(12).toString();
    r.site.address = q->value(13).toString();
    r.site.lat = q->value(14).toDouble();
    r.site.lon = q->value(15).toDouble();
    r.site.timeZone = q->value(16).toString();
    r.customerName = q->value(17).toString();
    auto sk = m_db.run(QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = ? ORDER BY skill_code"), {id});
    if (!sk)
        return sk.error();
    while (sk->next())
        w.requiredSkills << sk->value(0).toString();
    return r;
}

} // namespace fieldops::board
