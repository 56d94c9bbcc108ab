#include "field/TechnicianNotices.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTimeZone>

namespace fieldops::field {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TechnicianNotices)
};

constexpr int kMaxMessage = 1000;

bool live(const VisitState &v)
{
    return v.status != QLatin1String("cancelled") && v.status != QLatin1String("completed");
}

QTimeZone zoneOf(const VisitState &v)
{
    const QTimeZone z(v.technicianZone.toUtf8());
    return z.isValid() ? z : QTimeZone::utc();
}

bool onTechniciansToday(const VisitState &v, const QDateTime &now)
{
    const QTimeZone z = zoneOf(v);
    return v.start.toTimeZone(z).date() == now.toTimeZone(z).date();
}

QString clock(const VisitState &v, const QDateTime &t) { return t.toTimeZone(zoneOf(v)).toString(QStringLiteral("HH:mm")); }

QString what(const VisitState &v)
{
    return v.summary.isEmpty() ? Text::tr("%1 at %2").arg(v.workOrderId, v.siteName)
                               : Text::tr("%1 (%2) at %3").arg(v.workOrderId, v.summary, v.siteName);
}
} // namespace

Result<VisitStates> readVisitStates(Database &db, const QStringList &appointmentIds)
{
    VisitStates out;
    if (appointmentIds.isEmpty())
        return out;
    const QString marks = QStringList(appointmentIds.size(), QStringLiteral("?")).join(QLatin1Char(','));
    QVariantList binds;
    for (const QString &id : appointmentIds)
        binds << id;
    auto q = db.run(QStringLiteral("SELECT a.id, a.work_order_id, a.technician_id, t.time_zone, a.status, a.start_at, a.end_at, w.summary, s.name "
                                   "FROM appointments a JOIN technicians t ON t.id = a.technician_id "
                                   "JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id WHERE a.id IN (%1)")
                        .arg(marks),
                    binds);
    if (!q)
        return q.error();
    while (q->next()) {
        VisitState v;
        v.id = q->value(0).toString();
        v.workOrderId = q->value(1).toString();
        v.technicianId = q->value(2).toString();
        v.technicianZone = q->value(3).toString();
        v.status = q->value(4).toString();
        v.start = timefmt::fromSql(q->value(5));
        v.end = timefmt::fromSql(q->value(6));
        v.summary = q->value(7).toString();
        v.siteName = q->value(8).toString();
        out.insert(v.id, v);
    }
    return out;
}

std::vector<Notice> scheduleNotices(const VisitStates &before, const VisitStates &after, const QDateTime &now)
{
    std::vector<Notice> out;
    const auto add = [&](const VisitState &v, const QString &body) { out.push_back({v.technicianId, v.id, v.workOrderId, body}); };
    QStringList ids = before.keys();
    for (const QString &id : after.keys())
        if (!ids.contains(id))
            ids << id;
    ids.sort();
    for (const QString &id : ids) {
        const auto b = before.constFind(id);
        const auto a = after.constFind(id);
        const bool wasLive = b != before.cend() && live(*b) && onTechniciansToday(*b, now);
        const bool isLive = a != after.cend() && live(*a) && onTechniciansToday(*a, now);
        // Finishing a visit is the technician's own news: no notice for it.
        if (wasLive && a != after.cend() && a->status == QLatin1String("completed"))
            continue;
        if (wasLive && (!isLive || a->technicianId != b->technicianId))
            add(*b, Text::tr("Visit %1 at %2 is no longer yours today: %3").arg(b->id, clock(*b, b->start), what(*b)));
        if (isLive && (!wasLive || a->technicianId != b->technicianId)) {
            add(*a, Text::tr("New visit today %1–%2: %3").arg(clock(*a, a->start), clock(*a, a->end), what(*a)));
        } else if (isLive && (a->start != b->start || a->end != b->end)) {
            add(*a, Text::tr("Visit moved: %1–%2, was %3–%4: %5")
                        .arg(clock(*a, a->start), clock(*a, a->end), clock(*b, b->start), clock(*b, b->end), what(*a)));
        }
    }
    return out;
}

Status writeNotices(Database &db, const std::vector<Notice> &notices, const QDateTime &now)
{
    for (const Notice &n : notices) {
        auto q = db.run(QStringLiteral("INSERT INTO technician_outbox(technician_id, kind, appointment_id, work_order_id, body, created_at) "
                                       "VALUES (?, 'schedule_change', ?, ?, ?, ?)"),
                        {n.technicianId, n.appointmentId, n.workOrderId, n.body, timefmt::toSql(now)});
        if (!q)
            return q.error();
    }
    return {};
}

Status writeWithNotices(Database &db, const std::function<QStringList()> &visits, const std::function<Status()> &write,
                        const QDateTime &now)
{
    const QStringList touchedBefore = visits();
    auto before = readVisitStates(db, touchedBefore);
    if (!before)
        return before.error();
    if (Status s = write(); !s)
        return s;
    QStringList touched = visits();
    for (const QString &id : touchedBefore)
        if (!touched.contains(id))
            touched << id;
    auto after = readVisitStates(db, touched);
    if (!after)
        return after.error();
    return writeNotices(db, scheduleNotices(*before, *after, now), now);
}

Status sendMessage(Database &db, const QStringList &technicianIds, const QString &text, const QDateTime &now)
{
    const QString body = text.trimmed();
    if (technicianIds.isEmpty())
        return Error::invalid(Text::tr("technician_id: choose at least one technician"));
    if (body.isEmpty())
        return Error::invalid(Text::tr("body: the message is empty"));
    if (body.size() > kMaxMessage)
        return Error::invalid(Text::tr("body: the message is longer than %1 characters").arg(kMaxMessage));
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    for (const QString &id : technicianIds) {
        auto exists = db.scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = ?"), {id});
        if (!exists)
            return exists.error();
        if (exists->toInt() == 0)
            return Error::invalid(Text::tr("technician_id: no technician %1").arg(id));
        auto q = db.run(QStringLiteral("INSERT INTO technician_outbox(technician_id, kind, body, created_at) VALUES (?, 'message', ?, ?)"),
                        {id, body, timefmt::toSql(now)});
        if (!q)
            return q.error();
    }
    return tx.commit();
}

} // namespace fieldops::field
