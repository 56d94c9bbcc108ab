#include "technicians/AbsenceRules.h"

#include "records/RecordSpec.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <algorithm>
#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace fieldops::technicians {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AbsenceRules)
};

constexpr int kMaxReason = 200;

QString when(const QDateTime &t) { return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")); }

AbsenceDraft readAbsence(const QSqlQuery &q)
{
    AbsenceDraft a;
    a.id = QString::number(q.value(0).toLongLong());
    a.technicianId = q.value(1).toString();
    a.start = timefmt::fromSql(q.value(2));
    a.end = timefmt::fromSql(q.value(3));
    a.reason = q.value(4).toString();
    a.version = q.value(5).toInt();
    return a;
}

const QString kAbsenceColumns = QStringLiteral("id, technician_id, start_at, end_at, reason, version");

} // namespace

const QStringList &AbsenceRules::reasons()
{
    static const QStringList v{QStringLiteral("vacation"), QStringLiteral("sick"), QStringLiteral("training"), QStringLiteral("other")};
    return v;
}

QString AbsenceRules::reasonText(const QString &reason)
{
    if (reason == QLatin1String("vacation"))
        return Text::tr("Vacation");
    if (reason == QLatin1String("sick"))
        return Text::tr("Sick");
    if (reason == QLatin1String("training"))
        return Text::tr("Training");
    if (reason == QLatin1String("other"))
        return Text::tr("Other");
    return reason;
}

FieldIssues AbsenceRules::checkValues(const AbsenceDraft &d, const QVector<AbsenceDraft> &others)
{
    FieldIssues issues;
    if (d.technicianId.isEmpty())
        issues.push_back({QStringLiteral("technician_id"), Text::tr("the absence belongs to a technician")});
    if (!d.start.isValid())
        issues.push_back({QStringLiteral("start"), Text::tr("when does the absence start?")});
    if (!d.end.isValid())
        issues.push_back({QStringLiteral("end"), Text::tr("when does the absence end?")});
    else if (d.start.isValid() && d.end <= d.start)
        issues.push_back({QStringLiteral("end"), Text::tr("the absence must end after it starts (%1)").arg(when(d.start))});
    if (d.reason.size() > kMaxReason)
        issues.push_back({QStringLiteral("reason"), Text::tr("keep the reason to %1 characters (it has %2)").arg(kMaxReason).arg(d.reason.size())});
    if (d.start.isValid() && d.end.isValid() && d.end > d.start) {
        for (const AbsenceDraft &o : others) {
            if ((!d.id.isEmpty() && o.id == d.id) || o.technicianId != d.technicianId)
                continue;
            if (o.start < d.end && o.end > d.start) {
                const QString reason = o.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reasonText(o.reason));
                issues.push_back({QStringLiteral("start"),
                                  Text::tr("overlaps the absence from %1 to %2%3").arg(when(o.start), when(o.end), reason)});
                break;
            }
        }
    }
    return issues;
}

Result<FieldIssues> AbsenceRules::check(const AbsenceDraft &d)
{
    FieldIssues issues;
    if (!d.technicianId.isEmpty()) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = ?"), {d.technicianId});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            issues.push_back({QStringLiteral("technician_id"), Text::tr("unknown technician \"%1\"").arg(d.technicianId)});
    }
    QVector<AbsenceDraft> others;
    if (d.start.isValid() && d.end.isValid()) {
        // Only the absences that can overlap: the index on (technician_id, start_at) answers.
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM absences WHERE technician_id = ? AND start_at < ? AND end_at > ? ORDER BY start_at")
                              .arg(kAbsenceColumns),
                          {d.technicianId, timefmt::toSql(d.end), timefmt::toSql(d.start)});
        if (!q)
            return q.error();
        while (q->next())
            others.push_back(readAbsence(*q));
    }
    issues += checkValues(d, others);
    return issues;
}

Result<QVector<AbsenceDraft>> AbsenceRules::absences(const QString &technicianId)
{
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM absences WHERE technician_id = ? ORDER BY start_at, id").arg(kAbsenceColumns),
                      {technicianId});
    if (!q)
        return q.error();
    QVector<AbsenceDraft> list;
    while (q->next())
        list.push_back(readAbsence(*q));
    return list;
}

Result<AbsenceDraft> AbsenceRules::load(const QString &absenceId)
{
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM absences WHERE id = ?").arg(kAbsenceColumns), {absenceId.toLongLong()});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, Text::tr("absence %1 no longer exists").arg(absenceId), {}};
    return readAbsence(*q);
}

Result<CoveredVisits> AbsenceRules::coveredVisits(const QString &technicianId, const QDateTime &start, const QDateTime &end)
{
    CoveredVisits visits;
    if (!start.isValid() || !end.isValid() || end <= start)
        return visits;
    auto q = m_db.run(QStringLiteral("SELECT a.id, a.work_order_id, w.summary, a.start_at, a.end_at, a.status, a.version "
                                     "FROM appointments a JOIN work_orders w ON w.id = a.work_order_id "
                                     "WHERE a.technician_id = ? AND a.start_at < ? AND a.end_at > ? "
                                     "AND a.status NOT IN ('completed', 'cancelled') ORDER BY a.start_at, a.id"),
                      {technicianId, timefmt::toSql(end), timefmt::toSql(start)});
    if (!q)
        return q.error();
    while (q->next()) {
        CoveredVisit v;
        v.id = q->value(0).toString();
        v.workOrderId = q->value(1).toString();
        v.summary = q->value(2).toString();
        v.start = timefmt::fromSql(q->value(3));
        v.end = timefmt::fromSql(q->value(4));
        v.status = q->value(5).toString();
        v.version = q->value(6).toInt();
        visits.push_back(v);
    }
    return visits;
}

records::RecordValues AbsenceRules::values(const AbsenceDraft &d)
{
    return {
        {QStringLiteral("technician_id"), d.technicianId},
        {QStringLiteral("start_at"), timefmt::toSql(d.start)},
        {QStringLiteral("end_at"), timefmt::toSql(d.end)},
        {QStringLiteral("reason"), d.reason.isNull() ? QStringLiteral("") : d.reason.trimmed()},
    };
}

Result<records::RecordEdits> AbsenceRules::saveEdits(const AbsenceDraft &d, const AbsenceDraft &before, const CoveredVisits &visits)
{
    records::RecordEdits edits;
    records::RecordEdit e;
    e.spec = &records::absenceSpec();
    if (d.id.isEmpty()) {
        e.kind = records::RecordEdit::Kind::Create; // the database gives it its id
        e.after = values(d);
        edits.push_back(e);
    } else {
        e.kind = records::RecordEdit::Kind::Update;
        e.id = d.id;
        e.version = before.version;
        const records::RecordValues a = values(before);
        const records::RecordValues b = values(d);
        for (auto it = a.begin(); it != a.end(); ++it)
            if (*it != b.value(it.key())) {
                e.before.insert(it.key(), *it);
                e.after.insert(it.key(), b.value(it.key()));
            }
        if (!e.after.isEmpty())
            edits.push_back(e);
    }
    // Back to the queue as the board's Unassign does: the visit is cancelled, and its work
    // order reopens when no other visit of it is left to do.
    QSet<QString> returned;
    QStringList orders;
    for (const CoveredVisit &v : visits) {
        records::RecordEdit c;
        c.spec = &records::appointmentStatusSpec();
        c.id = v.id;
        c.version = v.version;
        c.before.insert(QStringLiteral("status"), v.status);
        c.after.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
        edits.push_back(c);
        returned.insert(v.id);
        if (!orders.contains(v.workOrderId))
            orders << v.workOrderId;
    }
    for (const QString &order : orders) {
        auto q = m_db.run(QStringLiteral("SELECT id FROM appointments WHERE work_order_id = ? AND status NOT IN ('completed', 'cancelled')"),
                          {order});
        if (!q)
            return q.error();
        bool othersLeft = false;
        while (q->next())
            othersLeft = othersLeft || !returned.contains(q->value(0).toString());
        q->finish();
        if (othersLeft)
            continue;
        auto w = m_db.run(QStringLiteral("SELECT status, version FROM work_orders WHERE id = ?"), {order});
        if (!w)
            return w.error();
        if (!w->next() || w->value(0).toString() != QLatin1String("scheduled"))
            continue;
        records::RecordEdit o;
        o.spec = &records::workOrderSpec();
        o.id = order;
        o.version = w->value(1).toInt();
        o.before.insert(QStringLiteral("status"), QStringLiteral("scheduled"));
        o.after.insert(QStringLiteral("status"), QStringLiteral("open"));
        edits.push_back(o);
    }
    return edits;
}

records::RecordEdits AbsenceRules::removeEdits(const AbsenceDraft &a)
{
    records::RecordEdit e;
    e.spec = &records::absenceSpec();
    e.kind = records::RecordEdit::Kind::Delete;
    e.id = a.id;
    e.version = a.version;
    e.before = values(a);
    return {e};
}

Result<SavedAbsence> AbsenceRules::save(Database &db, const AbsenceDraft &draft, const AbsenceDraft &before, const QStringList &returnVisitIds)
{
    SavedAbsence saved;
    saved.draft = draft;
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    AbsenceRules rules(db);
    auto issues = rules.check(draft);
    if (!issues)
        return issues.error();
    if (!issues->isEmpty()) {
        saved.issues = *issues;
        return saved;
    }
    CoveredVisits toReturn;
    if (!returnVisitIds.isEmpty()) {
        auto covered = rules.coveredVisits(draft.technicianId, draft.start, draft.end);
        if (!covered)
            return covered.error();
        for (const QString &id : returnVisitIds) {
            auto it = std::find_if(covered->begin(), covered->end(), [&](const CoveredVisit &v) { return v.id == id; });
            if (it == covered->end())
                return Error{Error::Kind::StaleVersion,
                             Text::tr("visit %1 is no longer booked during this absence; look at the list again").arg(id), {}};
            toReturn.push_back(*it);
        }
    }
    auto edits = rules.saveEdits(draft, before, toReturn);
    if (!edits)
        return edits.error();
    saved.edits = *edits;
    if (saved.edits.isEmpty())
        return saved;
    if (Status s = records::applyEdits(db, saved.edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (saved.edits.front().spec == &records::absenceSpec()) {
        saved.draft.id = saved.edits.front().id;
        saved.draft.version = saved.edits.front().version;
    }
    return saved;
}

Result<SavedAbsence> AbsenceRules::remove(Database &db, const QString &absenceId, int seenVersion)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    auto loaded = AbsenceRules(db).load(absenceId);
    if (!loaded)
        return loaded.error();
    AbsenceDraft seen = *loaded;
    seen.version = seenVersion;
    SavedAbsence saved;
    saved.draft = *loaded;
    saved.edits = removeEdits(seen);
    if (Status s = records::applyEdits(db, saved.edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return saved;
}

} // namespace fieldops::technicians
