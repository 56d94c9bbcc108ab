#include "field/FollowUpOrders.h"

#include "parts/Reservations.h"
#include "storage/Database.h"
#include "storage/SequentialIds.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
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
    FollowUpResult result;
    // The parts first: an unknown one refuses the whole outcome before anything is written.
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

    auto original = m_db.run(QStringLiteral("SELECT status, summary FROM work_orders WHERE id = ?"), {originalId});
    if (!original)
        return original.error();
    if (!original->next())
        return Error{Error::Kind::NotFound, Text::tr("work order %1 does not exist").arg(originalId), {}};
    const QString status = original->value(0).toString();
    const QString summary = original->value(1).toString();
    original->finish();
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
    auto inserted = m_db.run(
        QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, contract_id, type, priority, duration_min, created_at, sla_due, status, "
                       "summary, description, follow_up_of) "
                       "SELECT ?, site_id, asset_id, contract_id, type, priority, duration_min, ?, sla_due, 'open', ?, description, id "
                       "FROM work_orders WHERE id = ?"),
        {*id, timefmt::toSql(now.toUTC()), followUpSummary(summary), originalId});
    if (!inserted)
        return inserted.error();
    if (auto skills = m_db.run(QStringLiteral("INSERT INTO work_order_skills(work_order_id, skill_code) "
                                              "SELECT ?, skill_code FROM work_order_skills WHERE work_order_id = ?"),
                               {*id, originalId});
        !skills)
        return skills.error();

    // Each part where it is free: placed one after the other, so a part listed here counts
    // against the next (the follow-up is open, its reservations count at once).
    parts::Reservations reservations(m_db);
    for (const parts::PartNeed &p : parts) {
        auto place = reservations.placeFor(p.sku, p.quantity, technicianId);
        if (!place)
            return place.error();
        auto row = m_db.run(QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity, reserved_location) VALUES (?, ?, ?, ?)"),
                            {*id, p.sku, p.quantity, place->isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(*place)});
        if (!row)
            return row.error();
        result.parts.push_back({p.sku, p.quantity, *place});
    }
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

std::vector<parts::PartNeed> FollowUpOrders::parsePartsText(const QString &text, QString *problem)
{
    std::vector<parts::PartNeed> out;
    QSet<QString> seen;
    static const QRegularExpression item(QStringLiteral("^(?:(\\d+(?:[.,]\\d+)?)\\s*[x×*]\\s*)?(\\S+)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QStringList items = text.split(QRegularExpression(QStringLiteral("[,;\\n]")), Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const QRegularExpressionMatch m = item.match(entry);
        if (!m.hasMatch()) {
            if (problem && problem->isEmpty())
                *problem = Text::tr("\"%1\" is not a part: write the SKU, or the quantity × the SKU (2 × FLT-100)").arg(entry);
            continue;
        }
        double quantity = 1;
        if (m.capturedLength(1) > 0)
            quantity = QString(m.captured(1)).replace(QLatin1Char(','), QLatin1Char('.')).toDouble();
        const QString sku = m.captured(2);
        if (quantity <= 0) {
            if (problem && problem->isEmpty())
                *problem = Text::tr("%1: the quantity must be greater than 0").arg(sku);
            continue;
        }
        if (seen.contains(sku)) {
            if (problem && problem->isEmpty())
                *problem = Text::tr("%1 is listed twice").arg(sku);
            continue;
        }
        seen.insert(sku);
        out.push_back({sku, QString(), quantity});
    }
    return out;
}

QString FollowUpOrders::partsText(const std::vector<parts::PartNeed> &parts)
{
    QStringList items;
    for (const parts::PartNeed &p : parts)
        items << parts::quantityText(p.quantity) + QStringLiteral(" × ") + p.sku;
    return items.join(QStringLiteral(", "));
}

} // namespace fieldops::field
