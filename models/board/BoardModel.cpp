#include "board/BoardModel.h"

#include "scheduling/ConflictChecker.h"
#include "scheduling/ShiftCalendar.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <algorithm>

namespace fieldops::board {

Q_LOGGING_CATEGORY(lcBoardLoad, "fieldops.board.load", QtInfoMsg)

namespace {
bool itemLess(const BoardItem &a, const BoardItem &b)
{
    if (a.startMs != b.startMs)
        return a.startMs < b.startMs;
    if (a.endMs != b.endMs)
        return a.endMs < b.endMs;
    return a.appointment.id < b.appointment.id;
}
} // namespace

BoardModel::BoardModel(QObject *parent) : QObject(parent) {}
BoardModel::~BoardModel() = default;

Result<BoardHorizon> BoardModel::readHorizon(Database &db, const QDateTime &from, const QDateTime &to)
{
    QElapsedTimer clock;
    clock.start();
    BoardLoader loader(db);
    auto snap = loader.snapshot(from, to);
    if (!snap)
        return snap.error();
    const qint64 snapMs = clock.restart();
    auto names = loader.territoryNames();
    if (!names)
        return names.error();
    auto rows = loader.itemsFromSnapshot(*snap);
    if (!rows)
        return rows.error();
    const qint64 rowsMs = clock.restart();
    BoardHorizon h;
    h.from = from.toUTC();
    h.to = to.toUTC();
    h.territoryNames = std::move(*names);
    h.items = std::move(*rows);
    // Building the index is pure computation on the data just read: it belongs with the read,
    // off the GUI thread when the read is.
    h.index = std::make_shared<scheduling::ConflictIndex>(*snap);
    qCDebug(lcBoardLoad) << "horizon read: snapshot" << snapMs << "ms, bars" << rowsMs << "ms, index" << clock.elapsed()
                         << "ms," << h.items.size() << "bars";
    h.technicians = std::move(snap->technicians);
    h.absences = std::move(snap->absences);
    return h;
}

Status BoardModel::load(Database &db, const QDateTime &from, const QDateTime &to)
{
    auto h = readHorizon(db, from, to);
    if (!h)
        return h.error();
    QElapsedTimer clock;
    clock.start();
    adopt(std::move(*h));
    qCDebug(lcBoardLoad) << "horizon adopted in" << clock.elapsed() << "ms";
    return {};
}

void BoardModel::adopt(BoardHorizon &&h)
{
    m_from = h.from;
    m_to = h.to;
    m_index = std::move(h.index);
    m_techs.clear();
    m_techById.clear();
    m_techs.reserve(h.technicians.size());
    for (const Technician &t : h.technicians) {
        BoardTechnician bt;
        bt.technician = t;
        bt.territoryName = h.territoryNames.value(t.territoryId);
        bt.scheduleIndex = m_index->schedule().technicianIndex(t.id);
        m_techById.insert(t.id, int(m_techs.size()));
        m_techs.push_back(std::move(bt));
    }
    for (const Absence &a : h.absences) {
        const int t = technicianIndex(a.technicianId);
        if (t >= 0)
            m_techs[size_t(t)].absences.push_back({a.start.toMSecsSinceEpoch(), a.end.toMSecsSinceEpoch(), a.reason});
    }
    m_items.clear();
    m_itemById.clear();
    m_items.reserve(h.items.size());
    for (LoadedItem &r : h.items) {
        const int t = technicianIndex(r.item.appointment.technicianId);
        if (t < 0)
            continue;
        r.item.technician = t;
        m_itemById.insert(r.item.appointment.id, int(m_items.size()));
        m_items.push_back(std::move(r.item));
    }
    for (size_t i = 0; i < m_items.size(); ++i) {
        BoardTechnician &bt = m_techs[size_t(m_items[i].technician)];
        bt.items.push_back(int(i));
        bt.longestMs = std::max(bt.longestMs, m_items[i].endMs - m_items[i].startMs);
    }
    for (int t = 0; t < int(m_techs.size()); ++t) {
        sortRow(t);
        computeLeadIns(t);
    }
    recheck();
    emit reloaded();
}

const BoardItem *BoardModel::item(const QString &appointmentId) const
{
    const int i = itemIndex(appointmentId);
    return i < 0 ? nullptr : &m_items[size_t(i)];
}

void BoardModel::sortRow(int tech)
{
    std::vector<int> &v = m_techs[size_t(tech)].items;
    std::sort(v.begin(), v.end(), [this](int a, int b) { return itemLess(m_items[size_t(a)], m_items[size_t(b)]); });
}

void BoardModel::placeItem(int itemIndex)
{
    BoardItem &it = m_items[size_t(itemIndex)];
    BoardTechnician &bt = m_techs[size_t(it.technician)];
    bt.items.push_back(itemIndex);
    bt.longestMs = std::max(bt.longestMs, it.endMs - it.startMs);
}

void BoardModel::unplaceItem(int itemIndex)
{
    BoardItem &it = m_items[size_t(itemIndex)];
    if (it.technician < 0)
        return;
    std::vector<int> &v = m_techs[size_t(it.technician)].items;
    v.erase(std::remove(v.begin(), v.end(), itemIndex), v.end());
}

void BoardModel::itemsBetween(int tech, qint64 fromMs, qint64 toMs, std::vector<int> &out) const
{
    out.clear();
    if (tech < 0 || tech >= int(m_techs.size()))
        return;
    const BoardTechnician &bt = m_techs[size_t(tech)];
    // Items are sorted by start: anything intersecting starts after fromMs − longest.
    const qint64 lowStart = fromMs - bt.longestMs;
    auto it = std::lower_bound(bt.items.begin(), bt.items.end(), lowStart,
                               [this](int i, qint64 s) { return m_items[size_t(i)].startMs < s; });
    for (; it != bt.items.end(); ++it) {
        const BoardItem &b = m_items[size_t(*it)];
        if (b.startMs >= toMs)
            break;
        if (b.endMs > fromMs)
            out.push_back(*it);
    }
}

const scheduling::ShiftCalendar *BoardModel::shifts(int tech) const
{
    if (!m_index || tech < 0 || tech >= int(m_techs.size()))
        return nullptr;
    const int s = m_techs[size_t(tech)].scheduleIndex;
    return s < 0 ? nullptr : &m_index->schedule().technicians()[size_t(s)].shifts;
}

double BoardModel::utilization(int tech, qint64 fromMs, qint64 toMs) const
{
    const scheduling::ShiftCalendar *cal = shifts(tech);
    if (!cal || toMs <= fromMs)
        return 0;
    qint64 capacity = 0;
    for (const scheduling::ShiftInterval &s : cal->shiftsBetween(fromMs, toMs))
        capacity += std::min(s.endMs, toMs) - std::max(s.startMs, fromMs);
    qint64 busy = 0;
    std::vector<int> inRange;
    itemsBetween(tech, fromMs, toMs, inRange);
    for (const int i : inRange) {
        const BoardItem &b = m_items[size_t(i)];
        if (!b.isCancelled())
            busy += std::min(b.endMs, toMs) - std::max(b.startMs, fromMs);
    }
    if (capacity <= 0)
        return busy > 0 ? 1.0 : 0.0;
    return double(busy) / double(capacity);
}

void BoardModel::computeLeadIns(int tech)
{
    const BoardTechnician &bt = m_techs[size_t(tech)];
    const scheduling::TravelTimeProvider &travel = m_index->schedule().travel();
    const scheduling::ShiftCalendar *cal = shifts(tech);
    const scheduling::GeoPlace home{QString(), bt.technician.homeLat, bt.technician.homeLon};
    const BoardItem *prev = nullptr;
    for (const int i : bt.items) {
        BoardItem &b = m_items[size_t(i)];
        if (b.isCancelled())
            continue;
        const bool sameDay = prev && cal && cal->clock().localDayNumber(prev->startMs) == cal->clock().localDayNumber(b.startMs);
        const scheduling::GeoPlace here{b.siteId, b.siteLat, b.siteLon};
        b.travelLeadMin = sameDay ? travel.minutes({prev->siteId, prev->siteLat, prev->siteLon}, here)
                                  : travel.minutes(home, here);
        prev = &b;
    }
}

void BoardModel::recheck()
{
    m_violations = scheduling::ConflictChecker::check(*m_index, m_from, m_to);
    for (BoardItem &b : m_items)
        b.violationMask = 0;
    for (const scheduling::Violation &v : m_violations) {
        for (const QString &id : v.appointmentIds) {
            const int i = itemIndex(id);
            if (i >= 0)
                m_items[size_t(i)].violationMask |= 1u << unsigned(v.kind);
        }
    }
    emit violationsChanged();
}

Status BoardModel::refreshAppointments(Database &db, const QStringList &appointmentIds)
{
    if (!m_index || appointmentIds.isEmpty())
        return {};
    auto rows = readRows(db, appointmentIds, {}, m_from, m_to);
    if (!rows)
        return rows.error();
    applyRows(std::move(*rows));
    return {};
}

Status BoardModel::refreshWorkOrders(Database &db, const QStringList &workOrderIds)
{
    if (!m_index || workOrderIds.isEmpty())
        return {};
    auto rows = readRows(db, appointmentsOfWorkOrders(workOrderIds), workOrderIds, m_from, m_to);
    if (!rows)
        return rows.error();
    applyRows(std::move(*rows));
    return {};
}

Result<LoadedWorkOrder> BoardModel::prepareWorkOrder(Database &db, const QString &workOrderId)
{
    auto wo = BoardLoader(db).workOrder(workOrderId);
    if (!wo)
        return wo.error();
    knowWorkOrder(*wo);
    return wo;
}

QStringList BoardModel::appointmentsOfWorkOrders(const QStringList &workOrderIds) const
{
    QStringList ids;
    const QSet<QString> wanted(workOrderIds.begin(), workOrderIds.end());
    for (const BoardItem &b : m_items) {
        if (!b.isRemoved() && wanted.contains(b.appointment.workOrderId))
            ids << b.appointment.id;
    }
    return ids;
}

QStringList BoardModel::appointmentsNeedingParts(const QStringList &skus) const
{
    QStringList ids;
    for (const BoardItem &b : m_items) {
        if (b.isRemoved())
            continue;
        for (const QString &sku : skus) {
            if (b.partSkus.contains(sku)) {
                ids << b.appointment.id;
                break;
            }
        }
    }
    return ids;
}

Result<RowRefresh> BoardModel::readRows(Database &db, QStringList appointmentIds, const QStringList &workOrderIds,
                                        const QDateTime &from, const QDateTime &to)
{
    BoardLoader loader(db);
    if (!workOrderIds.isEmpty()) {
        auto ids = loader.appointmentIdsOfWorkOrders(workOrderIds, from, to);
        if (!ids)
            return ids.error();
        appointmentIds << *ids;
        appointmentIds.removeDuplicates();
    }
    RowRefresh refresh;
    if (appointmentIds.isEmpty())
        return refresh;
    auto rows = loader.itemsByIds(appointmentIds);
    if (!rows)
        return rows.error();
    refresh.appointmentIds = std::move(appointmentIds);
    refresh.rows = std::move(*rows);
    return refresh;
}

void BoardModel::applyRows(RowRefresh &&refresh)
{
    if (!m_index || refresh.appointmentIds.isEmpty())
        return;
    QSet<int> touched;
    QSet<QString> found;
    const qint64 from = fromMs(), to = toMs();
    for (LoadedItem &r : refresh.rows) {
        const QString id = r.item.appointment.id;
        found.insert(id);
        const int tech = technicianIndex(r.item.appointment.technicianId);
        m_index->upsertSite(r.site);
        m_index->upsertWorkOrder(r.workOrder);
        m_index->upsertAppointment(r.item.appointment);
        int idx = itemIndex(id);
        if (idx >= 0) {
            touched.insert(m_items[size_t(idx)].technician);
            unplaceItem(idx);
        }
        const bool visible = tech >= 0 && r.item.startMs < to && r.item.endMs > from;
        if (!visible) {
            if (idx >= 0)
                m_items[size_t(idx)].technician = -1;
            continue;
        }
        r.item.technician = tech;
        if (idx < 0) {
            idx = int(m_items.size());
            m_itemById.insert(id, idx);
            m_items.push_back(std::move(r.item));
        } else {
            m_items[size_t(idx)] = std::move(r.item);
        }
        placeItem(idx);
        touched.insert(tech);
    }
    for (const QString &id : refresh.appointmentIds) {
        if (found.contains(id))
            continue;
        m_index->removeAppointment(id);
        const int idx = itemIndex(id);
        if (idx >= 0) {
            touched.insert(m_items[size_t(idx)].technician);
            unplaceItem(idx);
            m_items[size_t(idx)].technician = -1;
        }
    }
    touched.remove(-1);
    QList<int> changed(touched.begin(), touched.end());
    std::sort(changed.begin(), changed.end());
    for (const int t : changed) {
        sortRow(t);
        computeLeadIns(t);
    }
    recheck();
    emit techniciansChanged(changed);
}

void BoardModel::knowWorkOrder(const LoadedWorkOrder &workOrder)
{
    if (!m_index)
        return;
    m_index->upsertSite(workOrder.site);
    m_index->upsertWorkOrder(workOrder.workOrder);
}

scheduling::Verdict BoardModel::verdict(const std::vector<scheduling::ProposedMove> &moves) const
{
    if (!m_index)
        return {};
    return m_index->verdict(moves);
}

} // namespace fieldops::board
