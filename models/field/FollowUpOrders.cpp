#include "field/FollowUpOrders.h"

#include "parts/Reservations.h"
#include "records/RecordSpec.h"
#include "records/RecordWriter.h"
#include "storage/Database.h"
#include "storage/SequentialIds.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>

namespace fieldops::field {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FollowUpOrders)
};

// A chain of follow-ups is a handful long; this only stops a loop a hand-edited database
// might hold.
constexpr int kMaxChain = 100;
} // namespace

bool FollowUpOrders::opensFollowUp(bool resolved, const QString &reason) { return !resolved && reason == QLatin1String("needs_parts"); }

QString FollowUpOrders::followUpSummary(const QString &originalSummary) { return Text::tr("Return visit: %1").arg(originalSummary); }

Result<FollowUpResult> FollowUpOrders::create(const QString &originalId, const QString &technicianId,
                                              const std::vector<parts::PartNeed> &parts, const QDateTime &now)
{
    auto planned = plan(originalId, technicianId, parts, now);
    if (!planned || planned->edits.isEmpty())
        return planned;
    if (Status s = records::applyEdits(m_db, planned->edits, true); !s)
        return s.error();
    return planned;
}

Result<FollowUpResult> FollowUpOrders::checkParts(const std::vector<parts::PartNeed> &parts)
{
    FollowUpResult result;
    QSet<QString> seen;
    for (const parts::PartNeed &p : parts) {
        if (!std::isfinite(p.quantity) || p.quantity <= 0) {
            result.refusedKey = QStringLiteral("parts");
            result.refusedReason = Text::tr("%1: the quantity must be greater than 0").arg(p.sku);
            return result;
        }
        if (seen.contains(p.sku)) {
            result.refusedKey = QStringLiteral("parts");
            result.refusedReason = Text::tr("%1 is listed twice").arg(p.sku);
            return result;
        }
        seen.insert(p.sku);
        auto known = m_db.scalar(QStringLiteral("SELECT count(*) FROM parts WHERE sku = ?"), {p.sku});
        if (!known)
            return known.error();
        if (known->toLongLong() == 0) {
            result.refusedKey = QStringLiteral("parts");
            result.refusedReason = Text::tr("no part %1").arg(p.sku);
            return result;
        }
    }

    return result;
}

Result<QStringList> FollowUpOrders::placeParts(const std::vector<parts::PartNeed> &parts, const QString &technicianId,
                                               const QString &ignoringWorkOrder, std::vector<ReservedPart> *placed)
{
    // Each part where it is free now. Each SKU is listed once, so one part's reservation
    // never changes where the next one fits. In SKU order, so two transactions lock the
    // parts' stock rows in the same order.
    std::vector<parts::PartNeed> ordered = parts;
    std::sort(ordered.begin(), ordered.end(), [](const parts::PartNeed &a, const parts::PartNeed &b) { return a.sku < b.sku; });
    const records::ChildList *list = records::followUpWorkOrderSpec().child(QStringLiteral("parts_needed"));
    QStringList items;
    parts::Reservations reservations(m_db);
    for (const parts::PartNeed &p : ordered) {
        auto place = reservations.placeFor(p.sku, p.quantity, technicianId, ignoringWorkOrder);
        if (!place)
            return place.error();
        items << list->joinItem({p.sku, QString::number(p.quantity, 'g', QLocale::FloatingPointShortest), *place});
        placed->push_back({p.sku, p.quantity, *place});
    }
    return items;
}

Result<std::optional<FollowUpOrders::Pending>> FollowUpOrders::pendingFollowUp(const QString &originalId)
{
    auto q = m_db.run(QStringLiteral("SELECT id, version FROM work_orders WHERE follow_up_of = ? AND status = 'open' ORDER BY id"), {originalId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Pending>();
    Pending p;
    p.id = q->value(0).toString();
    p.version = q->value(1).toInt();
    q->finish();
    auto rows = m_db.run(QStringLiteral("SELECT sku, quantity FROM work_order_parts WHERE work_order_id = ? ORDER BY sku"), {p.id});
    if (!rows)
        return rows.error();
    while (rows->next())
        p.parts.push_back({rows->value(0).toString(), QString(), rows->value(1).toDouble()});
    return std::optional<Pending>(p);
}

Result<FollowUpResult> FollowUpOrders::replanParts(const Pending &pending, const QString &technicianId, const std::vector<parts::PartNeed> &parts)
{
    auto checked = checkParts(parts);
    if (!checked || checked->refused())
        return checked;
    FollowUpResult result;
    result.followUpId = pending.id;
    auto before = records::RecordWriter(m_db).read(records::workOrderSpec(), pending.id, {QStringLiteral("parts_needed")});
    if (!before)
        return before.error();
    auto items = placeParts(parts, technicianId, pending.id, &result.parts);
    if (!items)
        return items.error();
    result.edits = records::updateEdit(records::workOrderSpec(), pending.id, pending.version, *before,
                                       {{QStringLiteral("parts_needed"), *items}});
    return result;
}

records::RecordEdits FollowUpOrders::callOff(const Pending &pending, const QString &appointmentId)
{
    return records::updateEdit(records::workOrderSpec(), pending.id, pending.version,
                               {{QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("cancel_reason"), QStringLiteral("")}},
                               {{QStringLiteral("status"), QStringLiteral("cancelled")},
                                {QStringLiteral("cancel_reason"), Text::tr("Not needed: the outcome of visit %1 was corrected").arg(appointmentId)}});
}

bool FollowUpOrders::correctionCallsOff(bool wasCompleted, bool wasResolved, const QString &wasReason, bool resolved, const QString &reason)
{
    return wasCompleted && opensFollowUp(wasResolved, wasReason) && !opensFollowUp(resolved, reason);
}

Result<FollowUpResult> FollowUpOrders::plan(const QString &originalId, const QString &technicianId,
                                            const std::vector<parts::PartNeed> &parts, const QDateTime &now)
{
    auto checked = checkParts(parts);
    if (!checked || checked->refused())
        return checked;
    FollowUpResult result;
    static const QStringList copied{QStringLiteral("site_id"), QStringLiteral("asset_id"), QStringLiteral("contract_id"),
                                    QStringLiteral("type"), QStringLiteral("priority"), QStringLiteral("duration_min"),
                                    QStringLiteral("sla_due"), QStringLiteral("description"), QStringLiteral("summary"),
                                    QStringLiteral("status"), QStringLiteral("required_skills")};
    auto original = records::RecordWriter(m_db).read(records::workOrderSpec(), originalId, copied);
    if (!original)
        return original.error();
    const QString status = original->value(QStringLiteral("status")).toString();
    if (status == QLatin1String("done") || status == QLatin1String("cancelled"))
        return result;
    auto open = m_db.scalar(QStringLiteral("SELECT min(id) FROM work_orders WHERE follow_up_of = ? AND status IN ('open', 'scheduled', 'in_progress')"),
                            {originalId});
    if (!open)
        return open.error();
    if (!open->isNull() && !open->toString().isEmpty()) {
        result.followUpId = open->toString(); // the return visit is on its way already (a corrected outcome)
        return result;
    }

    auto id = nextSequentialId(m_db, QStringLiteral("work_orders"), QStringLiteral("WO"));
    if (!id)
        return id.error();
    records::RecordValues values = *original;
    values.insert(QStringLiteral("created_at"), timefmt::toSql(now.toUTC()));
    values.insert(QStringLiteral("status"), QStringLiteral("open"));
    values.insert(QStringLiteral("summary"), followUpSummary(original->value(QStringLiteral("summary")).toString()));
    values.insert(QStringLiteral("follow_up_of"), originalId);

    auto items = placeParts(parts, technicianId, {}, &result.parts);
    if (!items)
        return items.error();
    values.insert(QStringLiteral("parts_needed"), *items);
    result.edits = records::createEdit(records::followUpWorkOrderSpec(), *id, values);
    result.followUpId = *id;
    result.created = true;
    return result;
}

Result<std::vector<OriginalToClose>> FollowUpOrders::originalsClosedBy(const QString &resolvedId)
{
    std::vector<OriginalToClose> out;
    QString current = resolvedId;
    for (int i = 0; i < kMaxChain; ++i) {
        auto q = m_db.run(QStringLiteral("SELECT o.id, o.status, o.version FROM work_orders f JOIN work_orders o ON o.id = f.follow_up_of "
                                         "WHERE f.id = ?"),
                          {current});
        if (!q)
            return q.error();
        if (!q->next() || q->value(1).toString() != QLatin1String("in_progress"))
            break;
        out.push_back({q->value(0).toString(), q->value(2).toInt()});
        current = out.back().id;
    }
    return out;
}

Result<QStringList> FollowUpOrders::closeOriginals(const QString &resolvedId)
{
    auto originals = originalsClosedBy(resolvedId);
    if (!originals)
        return originals.error();
    QStringList closed;
    for (const OriginalToClose &o : *originals) {
        auto q = m_db.run(QStringLiteral("UPDATE work_orders SET status = 'done', version = version + 1 WHERE id = ? AND status = 'in_progress'"),
                          {o.id});
        if (!q)
            return q.error();
        closed << o.id;
    }
    return closed;
}

} // namespace fieldops::field
