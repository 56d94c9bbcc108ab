#include "field/VisitOutcomeRecorder.h"

#include "records/RecordSpec.h"
#include "records/RecordWriter.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <QSqlQuery>

namespace fieldops::field {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(VisitOutcomeRecorder)
};

QVariant text(const QString &s) { return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s); }

const QStringList &outcomeFields() { return records::appointmentOutcomeSpec().columns; }

// The same parts in the same quantities, whatever their order.
bool sameParts(std::vector<parts::PartNeed> a, std::vector<parts::PartNeed> b)
{
    const auto bySku = [](const parts::PartNeed &x, const parts::PartNeed &y) { return x.sku < y.sku; };
    std::sort(a.begin(), a.end(), bySku);
    std::sort(b.begin(), b.end(), bySku);
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const parts::PartNeed &x, const parts::PartNeed &y) {
        return x.sku == y.sku && std::abs(x.quantity - y.quantity) < 1e-9;
    });
}
} // namespace

Result<VisitToRecord> VisitOutcomeRecorder::load(const QString &appointmentId, const QDateTime &now)
{
    auto q = m_db.run(QStringLiteral("SELECT a.work_order_id, a.start_at, a.end_at, a.status, a.version, a.arrived_at, a.completed_at, "
                                     "a.departed_at, a.resolved, a.outcome_reason, a.outcome_notes, a.signed_by, t.name, s.name, w.summary "
                                     "FROM appointments a JOIN technicians t ON t.id = a.technician_id "
                                     "JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id WHERE a.id = ?"),
                      {appointmentId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, Text::tr("visit %1 does not exist").arg(appointmentId), {}};
    VisitToRecord v;
    v.appointmentId = appointmentId;
    v.workOrderId = q->value(0).toString();
    v.plannedStart = timefmt::fromSql(q->value(1));
    v.plannedEnd = timefmt::fromSql(q->value(2));
    v.status = q->value(3).toString();
    v.version = q->value(4).toInt();
    v.hasOutcome = v.status == QLatin1String("completed");
    VisitOutcome &o = v.outcome;
    o.arrivedAt = timefmt::fromSql(q->value(5));
    o.completedAt = timefmt::fromSql(q->value(6));
    o.departedAt = timefmt::fromSql(q->value(7));
    o.resolved = v.hasOutcome ? q->value(8).toBool() : true;
    o.reason = q->value(9).toString();
    o.notes = q->value(10).toString();
    o.signedBy = q->value(11).toString();
    v.technicianName = q->value(12).toString();
    v.siteName = q->value(13).toString();
    v.workOrderSummary = q->value(14).toString();
    q->finish();
    // A "needs parts" outcome shows the parts its follow-up lists while it can still change.
    if (v.hasOutcome && FollowUpOrders::opensFollowUp(o.resolved, o.reason)) {
        auto pending = FollowUpOrders(m_db).pendingFollowUp(v.workOrderId);
        if (!pending)
            return pending.error();
        if (*pending)
            o.parts = (*pending)->parts;
    }
    // Proposals where nothing is known: the plan, but never later than now.
    const QDateTime nowUtc = now.toUTC();
    if (!o.arrivedAt.isValid())
        o.arrivedAt = std::min(v.plannedStart, nowUtc);
    if (!o.completedAt.isValid())
        o.completedAt = std::max(o.arrivedAt, std::min(v.plannedEnd, nowUtc));
    return v;
}

Result<RecordedOutcome> VisitOutcomeRecorder::edits(const QString &appointmentId, int seenVersion, const VisitOutcome &outcome,
                                                    const QDateTime &now)
{
    auto row = m_db.run(QStringLiteral("SELECT a.work_order_id, a.start_at, a.status, w.status, w.version, a.technician_id FROM appointments a "
                                       "JOIN work_orders w ON w.id = a.work_order_id WHERE a.id = ?"),
                        {appointmentId});
    if (!row)
        return row.error();
    if (!row->next())
        return Error{Error::Kind::NotFound, Text::tr("visit %1 does not exist").arg(appointmentId), {}};
    RecordedOutcome r;
    r.workOrderId = row->value(0).toString();
    const QDateTime plannedStart = timefmt::fromSql(row->value(1));
    const QString visitStatus = row->value(2).toString();
    r.workOrderStatusBefore = row->value(3).toString();
    const int workOrderVersion = row->value(4).toInt();
    r.technicianId = row->value(5).toString();
    row->finish();

    if (const workorders::FieldIssues issues = checkOutcome(outcome, plannedStart, now); !issues.isEmpty())
        return Error::invalid(issues.first().text());
    if (visitStatus == QLatin1String("cancelled"))
        return Error::invalid(Text::tr("status: visit %1 is cancelled; a cancelled visit has no outcome").arg(appointmentId));
    if (outcome.resolved && r.workOrderStatusBefore == QLatin1String("cancelled"))
        return Error::invalid(Text::tr("resolved: work order %1 is cancelled; a cancelled job cannot be resolved").arg(r.workOrderId));

    records::RecordWriter reader(m_db);
    auto before = reader.read(records::appointmentOutcomeSpec(), appointmentId, outcomeFields());
    if (!before)
        return before.error();
    // The same yes/no whichever driver read it, so an unchanged flag is not an edit.
    before->insert(QStringLiteral("resolved"), before->value(QStringLiteral("resolved")).toBool());
    records::RecordValues after;
    after.insert(QStringLiteral("status"), QStringLiteral("completed"));
    after.insert(QStringLiteral("arrived_at"), timefmt::toSql(outcome.arrivedAt));
    after.insert(QStringLiteral("completed_at"), timefmt::toSql(outcome.completedAt));
    after.insert(QStringLiteral("departed_at"), timefmt::toSql(outcome.departedAt));
    after.insert(QStringLiteral("resolved"), outcome.resolved);
    after.insert(QStringLiteral("outcome_reason"), outcome.resolved ? QVariant(QMetaType::fromType<QString>()) : text(outcome.reason));
    after.insert(QStringLiteral("outcome_notes"), outcome.notes.trimmed());
    after.insert(QStringLiteral("signed_by"), outcome.signedBy.trimmed());
    r.edits = records::updateEdit(records::appointmentOutcomeSpec(), appointmentId, seenVersion, *before, after);

    // The work order follows: closed by a resolved visit; back in the queue after an
    // unresolved one unless another visit is still booked for it.
    r.workOrderStatusAfter = r.workOrderStatusBefore;
    static const QStringList live{QStringLiteral("open"), QStringLiteral("scheduled"), QStringLiteral("in_progress")};
    if (outcome.resolved) {
        if (live.contains(r.workOrderStatusBefore))
            r.workOrderStatusAfter = QStringLiteral("done");
    } else if (r.workOrderStatusBefore != QLatin1String("cancelled")) {
        auto others = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = ? AND id <> ? "
                                                 "AND status IN ('tentative', 'scheduled', 'en_route', 'on_site')"),
                                  {r.workOrderId, appointmentId});
        if (!others)
            return others.error();
        r.needsFollowUp = others->toInt() == 0;
        if (r.needsFollowUp)
            r.workOrderStatusAfter = QStringLiteral("open");
        // Missing parts: a follow-up work order carries the return visit (unless one is on
        // its way already); the original stays in progress until it is resolved.
        if (r.needsFollowUp && FollowUpOrders::opensFollowUp(outcome.resolved, outcome.reason) && r.workOrderStatusBefore != QLatin1String("done")) {
            auto open = m_db.scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = ? "
                                                   "AND status IN ('open', 'scheduled', 'in_progress')"),
                                    {r.workOrderId});
            if (!open)
                return open.error();
            r.opensFollowUp = open->toLongLong() == 0;
            r.workOrderStatusAfter = QStringLiteral("in_progress");
        }
    }
    // A corrected "needs parts": the follow-up it opened follows the correction while
    // nobody has booked it — its parts listed anew, or called off when no parts are needed.
    const bool wasNeedingParts = visitStatus == QLatin1String("completed")
        && FollowUpOrders::opensFollowUp(before->value(QStringLiteral("resolved")).toBool(),
                                         before->value(QStringLiteral("outcome_reason")).toString());
    if (wasNeedingParts) {
        FollowUpOrders followUps(m_db);
        auto pending = followUps.pendingFollowUp(r.workOrderId);
        if (!pending)
            return pending.error();
        if (*pending && FollowUpOrders::opensFollowUp(outcome.resolved, outcome.reason)) {
            r.followUpId = (*pending)->id;
            if (!sameParts((*pending)->parts, outcome.parts)) {
                auto replanned = followUps.replanParts(**pending, r.technicianId, outcome.parts);
                if (!replanned)
                    return replanned.error();
                if (replanned->refused())
                    return Error::invalid(replanned->refusedKey + QStringLiteral(": ") + replanned->refusedReason);
                r.followUpEdits = replanned->edits;
                r.reservedParts = replanned->parts;
            }
        } else if (*pending) {
            r.followUpEdits = FollowUpOrders::callOff(**pending, appointmentId);
            r.calledOffFollowUp = (*pending)->id;
        }
    }
    if (r.workOrderStatusAfter != r.workOrderStatusBefore)
        r.edits += records::updateEdit(records::workOrderSpec(), r.workOrderId, workOrderVersion,
                                       {{QStringLiteral("status"), r.workOrderStatusBefore}},
                                       {{QStringLiteral("status"), r.workOrderStatusAfter}});
    // A resolved return visit closes the work orders it follows, as edits of their own.
    if (r.workOrderStatusAfter == QLatin1String("done") && r.workOrderStatusBefore != QLatin1String("done")) {
        auto originals = FollowUpOrders(m_db).originalsClosedBy(r.workOrderId);
        if (!originals)
            return originals.error();
        for (const OriginalToClose &o : *originals) {
            r.edits += records::updateEdit(records::workOrderSpec(), o.id, o.version, {{QStringLiteral("status"), QStringLiteral("in_progress")}},
                                           {{QStringLiteral("status"), QStringLiteral("done")}});
            r.closedOriginals << o.id;
        }
    }
    r.edits += r.followUpEdits;
    return r;
}

Result<RecordedOutcome> VisitOutcomeRecorder::record(Database &db, const QString &appointmentId, int seenVersion,
                                                     const VisitOutcome &outcome, const QDateTime &now)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    auto r = VisitOutcomeRecorder(db).edits(appointmentId, seenVersion, outcome, now);
    if (!r)
        return r.error();
    Status s = records::applyEdits(db, r->edits, true);
    if (s && r->opensFollowUp) {
        // In the same transaction: a refused part leaves the visit as it was.
        auto followUp = FollowUpOrders(db).create(r->workOrderId, r->technicianId, outcome.parts, now);
        if (!followUp)
            return followUp.error();
        if (followUp->refused())
            return Error::invalid(followUp->refusedKey + QStringLiteral(": ") + followUp->refusedReason);
        if (followUp->created) {
            r->followUpId = followUp->followUpId;
            r->reservedParts = followUp->parts;
            // One step on the undo stack with the outcome: undoing it removes the follow-up
            // (refused once someone has changed or booked it).
            r->edits += followUp->edits;
        }
    }
    if (s)
        s = tx.commit();
    if (!s)
        return s.error();
    return r;
}

} // namespace fieldops::field
