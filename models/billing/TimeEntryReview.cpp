#include "billing/TimeEntryReview.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::billing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TimeEntryReview)
};

Error notFound(qint64 id) { return Error{Error::Kind::NotFound, Text::tr("no time entry %1").arg(id), {}}; }

// Who reviewed: the console's label for the writer, else the database's own user.
QVariant reviewer(Database &db)
{
    if (!db.actor().isEmpty())
        return db.actor();
    auto who = db.scalar(db.isPostgres() ? QStringLiteral("SELECT session_user") : QStringLiteral("SELECT name FROM session_actor WHERE one = 1"));
    return who && !who->toString().isEmpty() ? who->toString() : QStringLiteral("");
}

} // namespace

Result<TimeEntry> TimeEntryReview::read(qint64 id)
{
    auto q = m_db.run(QStringLiteral("SELECT technician_id, work_order_id, start_at, end_at, CASE WHEN CAST(billable AS integer) = 1 THEN 1 ELSE 0 END, "
                                     "activity, comment, review_state, version FROM time_entries WHERE id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(id);
    TimeEntry e;
    e.id = id;
    e.technicianId = q->value(0).toString();
    e.workOrderId = q->value(1).toString();
    e.start = timefmt::fromSql(q->value(2));
    e.end = timefmt::fromSql(q->value(3));
    e.billable = q->value(4).toInt() == 1;
    e.activity = q->value(5).toString();
    e.comment = q->value(6).toString();
    e.reviewState = q->value(7).toString();
    e.version = q->value(8).toInt();
    return e;
}

Result<ApproveResult> TimeEntryReview::approve(const QList<qint64> &ids)
{
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    const QVariant who = reviewer(m_db);
    ApproveResult result;
    for (qint64 id : ids) {
        if (result.approved.contains(id) || result.alreadyReviewed.contains(id))
            continue; // named twice
        auto e = read(id);
        if (!e)
            return e.error();
        if (e->reviewed()) {
            result.alreadyReviewed << id;
            continue;
        }
        auto q = m_db.run(QStringLiteral("UPDATE time_entries SET review_state = 'approved', reviewed_by = ?, reviewed_at = ?, "
                                         "version = version + 1 WHERE id = ? AND version = ?"),
                          {who, timefmt::toSql(m_now), id, e->version});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return Error{Error::Kind::StaleVersion, Text::tr("time entry %1 changed while it was being approved; read it again").arg(id), {}};
        result.approved << id;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

Result<int> TimeEntryReview::correct(const Correction &c)
{
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    auto e = read(c.id);
    if (!e)
        return e.error();
    const int expected = c.expectedVersion.value_or(e->version);
    if (expected != e->version)
        return Error{Error::Kind::StaleVersion,
                     Text::tr("time entry %1 is at version %2, not version %3: it changed since it was read").arg(c.id).arg(e->version).arg(expected),
                     {}};
    const QDateTime start = c.start.value_or(e->start), end = c.end.value_or(e->end);
    if (!start.isValid() || !end.isValid() || end <= start)
        return Error::invalid(Text::tr("time entry %1 would end (%2) before it starts (%3)").arg(c.id).arg(timefmt::toIsoUtc(end), timefmt::toIsoUtc(start)));
    auto q = m_db.run(QStringLiteral("UPDATE time_entries SET start_at = ?, end_at = ?, billable = ?, comment = ?, review_state = 'corrected', "
                                     "reviewed_by = ?, reviewed_at = ?, version = version + 1 WHERE id = ? AND version = ?"),
                      {timefmt::toSql(start), timefmt::toSql(end), c.billable.value_or(e->billable), c.comment.value_or(e->comment),
                       reviewer(m_db), timefmt::toSql(m_now), c.id, expected});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error{Error::Kind::StaleVersion, Text::tr("time entry %1 changed while it was being corrected; read it again").arg(c.id), {}};
    if (Status s = tx.commit(); !s)
        return s.error();
    return expected + 1;
}

} // namespace fieldops::billing
