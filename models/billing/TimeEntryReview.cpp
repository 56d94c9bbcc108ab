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

// NULL as the writer binds it: a typed null, so both drivers take it for any column.
QVariant textOrNull(const QVariant &v) { return v.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(v.toString()); }

} // namespace

CorrectionIssues correctionIssues(const QDateTime &start, const QDateTime &end)
{
    CorrectionIssues issues;
    if (!start.isValid())
        issues.push_back({QStringLiteral("start_at"), Text::tr("a start time is needed")});
    if (!end.isValid())
        issues.push_back({QStringLiteral("end_at"), Text::tr("an end time is needed")});
    else if (start.isValid() && end <= start)
        issues.push_back({QStringLiteral("end_at"), Text::tr("the end must be after the start")});
    return issues;
}

Result<TimeEntry> TimeEntryReview::read(qint64 id)
{
    TimeEntry e;
    auto image = reviewImage(id, &e);
    if (!image)
        return image.error();
    return e;
}

Result<records::RecordValues> TimeEntryReview::reviewImage(qint64 id, TimeEntry *entry)
{
    auto q = m_db.run(QStringLiteral("SELECT technician_id, work_order_id, start_at, end_at, CASE WHEN CAST(billable AS integer) = 1 THEN 1 ELSE 0 END, "
                                     "activity, comment, review_state, version, reviewed_by, reviewed_at FROM time_entries WHERE id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(id);
    TimeEntry &e = *entry;
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
    records::RecordValues v;
    v.insert(QStringLiteral("start_at"), timefmt::toSql(e.start));
    v.insert(QStringLiteral("end_at"), timefmt::toSql(e.end));
    v.insert(QStringLiteral("billable"), e.billable);
    v.insert(QStringLiteral("comment"), textOrNull(q->value(6)));
    v.insert(QStringLiteral("review_state"), e.reviewState);
    v.insert(QStringLiteral("reviewed_by"), textOrNull(q->value(9)));
    v.insert(QStringLiteral("reviewed_at"), q->value(10).isNull() ? textOrNull(QVariant()) : QVariant(timefmt::toSql(timefmt::fromSql(q->value(10)))));
    return v;
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
        TimeEntry e;
        auto before = reviewImage(id, &e);
        if (!before)
            return before.error();
        if (e.reviewed()) {
            result.alreadyReviewed << id;
            continue;
        }
        records::RecordValues after = *before;
        after.insert(QStringLiteral("review_state"), QStringLiteral("approved"));
        after.insert(QStringLiteral("reviewed_by"), who);
        after.insert(QStringLiteral("reviewed_at"), timefmt::toSql(m_now));
        result.edits += records::updateEdit(records::timeEntrySpec(), QString::number(id), e.version, *before, after);
        result.approved << id;
    }
    if (Status s = records::applyEdits(m_db, result.edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

Result<records::RecordEdits> TimeEntryReview::writeCorrection(const Correction &c)
{
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    TimeEntry e;
    auto before = reviewImage(c.id, &e);
    if (!before)
        return before.error();
    const int expected = c.expectedVersion.value_or(e.version);
    if (expected != e.version)
        return Error{Error::Kind::StaleVersion,
                     Text::tr("time entry %1 is at version %2, not version %3: it changed since it was read").arg(c.id).arg(e.version).arg(expected),
                     {}};
    const QDateTime start = c.start.value_or(e.start), end = c.end.value_or(e.end);
    if (const workorders::FieldIssues issues = correctionIssues(start, end); !issues.isEmpty())
        return Error::invalid(Text::tr("time entry %1: %2").arg(c.id).arg(issues.first().text()));
    records::RecordValues after = *before;
    after.insert(QStringLiteral("start_at"), timefmt::toSql(start));
    after.insert(QStringLiteral("end_at"), timefmt::toSql(end));
    after.insert(QStringLiteral("billable"), c.billable.value_or(e.billable));
    if (c.comment)
        after.insert(QStringLiteral("comment"), *c.comment);
    after.insert(QStringLiteral("review_state"), QStringLiteral("corrected"));
    after.insert(QStringLiteral("reviewed_by"), reviewer(m_db));
    after.insert(QStringLiteral("reviewed_at"), timefmt::toSql(m_now));
    records::RecordEdits edits = records::updateEdit(records::timeEntrySpec(), QString::number(c.id), e.version, *before, after);
    if (Status s = records::applyEdits(m_db, edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return edits;
}

Result<int> TimeEntryReview::correct(const Correction &c)
{
    auto edits = writeCorrection(c);
    if (!edits)
        return edits.error();
    // Always at least the review state changes, so there is one edit.
    return edits->isEmpty() ? 0 : edits->first().version;
}

} // namespace fieldops::billing
