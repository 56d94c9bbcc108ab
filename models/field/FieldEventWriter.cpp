#include "field/FieldEventWriter.h"

#include "demo/BatchInserter.h"
#include "field/FollowUpOrders.h"
#include "domain/Vocabulary.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::field {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FieldEventWriter)
};

using Outcome = Result<std::optional<EventIssue>>;

Outcome refuse(const QString &key, const QString &reason) { return std::optional<EventIssue>(EventIssue{key, reason}); }
Outcome written() { return std::optional<EventIssue>(); }

QVariant optionalValue(std::optional<double> v) { return v ? QVariant(*v) : QVariant(); }

// Free text columns are NOT NULL DEFAULT '': an event built in code (the simulator's)
// may leave them null, which Qt binds as NULL.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

// A refusal for a reference the database does not hold, or the lookup's own failure.
std::optional<Outcome> checkExists(const Result<bool> &found, const QString &key, const QString &reason)
{
    if (!found)
        return Outcome(found.error());
    if (!*found)
        return refuse(key, reason);
    return std::nullopt;
}

QString number(double d) { return QString::number(d, 'g', 15); }

} // namespace

FieldEventWriter::FieldEventWriter(Database &db, const QDateTime &now) : m_db(db), m_now(now), m_refs(db) {}

FieldEventWriter::~FieldEventWriter() = default;

Status FieldEventWriter::begin()
{
    m_tx.reset(); // a batch left uncommitted is rolled back before the next begins
    m_refs.forgetAppointments();
    m_hours.clear();
    m_tx = std::make_unique<Transaction>(m_db);
    if (!m_tx->status())
        return m_tx->status();
    // First thing in the transaction (ReadingPartitions.h): this week's readings have their
    // partition; older ones go to theirs or to the default partition.
    if (Status s = m_partitions.coverNow(m_db); !s)
        return s;
    m_positions = std::make_unique<demo::BatchInserter>(
        m_db, QStringLiteral("positions"),
        QStringList{QStringLiteral("technician_id"), QStringLiteral("at"), QStringLiteral("lat"), QStringLiteral("lon"),
                    QStringLiteral("speed_kmh"), QStringLiteral("heading_deg"), QStringLiteral("accuracy_m")});
    m_readings = std::make_unique<demo::BatchInserter>(
        m_db, QStringLiteral("asset_readings"),
        QStringList{QStringLiteral("asset_id"), QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("value"), QStringLiteral("unit"),
                    QStringLiteral("source")});
    return {};
}

Status FieldEventWriter::commit()
{
    if (Status s = m_positions->flush(); !s)
        return s;
    if (Status s = m_readings->flush(); !s)
        return s;
    if (Status s = m_hours.flush(m_db); !s)
        return s;
    return m_tx->commit();
}

Outcome FieldEventWriter::write(const FieldEvent &event)
{
    return std::visit(
        [this](const auto &e) -> Outcome {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, PositionEvent>)
                return writePosition(e);
            else if constexpr (std::is_same_v<T, StatusEvent>)
                return writeStatus(e);
            else if constexpr (std::is_same_v<T, OutcomeEvent>)
                return writeOutcome(e);
            else if constexpr (std::is_same_v<T, TimeEntryEvent>)
                return writeTimeEntry(e);
            else if constexpr (std::is_same_v<T, PartUsedEvent>)
                return writePartUsed(e);
            else if constexpr (std::is_same_v<T, RatingEvent>)
                return writeRating(e);
            else if constexpr (std::is_same_v<T, ReadingEvent>)
                return writeReading(e);
            else if constexpr (std::is_same_v<T, DeliveredEvent>)
                return writeNoticeState(e.outboxId, e.at, false);
            else
                return writeNoticeState(e.outboxId, e.at, true);
        },
        event);
}

Status FieldEventWriter::addPosition(const QString &technicianId, const QDateTime &at, double lat, double lon, std::optional<double> speed,
                                     std::optional<double> heading, std::optional<double> accuracy)
{
    return m_positions->add({technicianId, timefmt::toSql(at), lat, lon, optionalValue(speed), optionalValue(heading), optionalValue(accuracy)});
}

Result<AppointmentState *> FieldEventWriter::appointmentFor(const QString &id, bool allowCancelled, std::optional<EventIssue> &issue)
{
    auto a = m_refs.appointment(id);
    if (!a)
        return a.error();
    if (!*a)
        issue = EventIssue{QStringLiteral("appointment_id"), Text::tr("no appointment %1").arg(id)};
    else if (!allowCancelled && (*a)->status == QLatin1String("cancelled"))
        issue = EventIssue{QStringLiteral("appointment_id"), Text::tr("appointment %1 is cancelled").arg(id)};
    return a;
}

// Changes a work order's status the way the console's edits do: with its version bumped,
// so an editor holding the old version learns of it; `onlyFromSql` limits the statuses it
// moves from (a fixed list from the callers below).
Status FieldEventWriter::setWorkOrderStatus(const QString &workOrderId, const QString &to, const QString &onlyFromSql)
{
    auto q = m_db.run(QStringLiteral("UPDATE work_orders SET status = ?, version = version + 1 WHERE id = ? AND status IN (%1)").arg(onlyFromSql),
                      {to, workOrderId});
    return q ? Status() : Status(q.error());
}

Outcome FieldEventWriter::writePosition(const PositionEvent &e)
{
    if (auto refused = checkExists(m_refs.technicianExists(e.technicianId), QStringLiteral("technician_id"),
                                   Text::tr("no technician %1").arg(e.technicianId)))
        return *refused;
    if (Status s = addPosition(e.technicianId, e.at, e.lat, e.lon, e.speedKmh, e.headingDeg, e.accuracyM); !s)
        return s.error();
    return written();
}

Outcome FieldEventWriter::writeStatus(const StatusEvent &e)
{
    std::optional<EventIssue> issue;
    const bool cancelling = e.status == QLatin1String("cancelled");
    auto a = appointmentFor(e.appointmentId, cancelling, issue);
    if (!a)
        return a.error();
    if (issue)
        return issue;
    AppointmentState &appt = **a;
    // A finished visit does not start again; its outcome may still be corrected.
    if (appt.status == QLatin1String("completed") && (e.status == QLatin1String("en_route") || e.status == QLatin1String("on_site")))
        return refuse(QStringLiteral("status"), Text::tr("appointment %1 is already completed").arg(e.appointmentId));

    QString sql = QStringLiteral("UPDATE appointments SET status = ?, version = version + 1");
    QVariantList binds{e.status};
    if (e.status == QLatin1String("on_site")) {
        sql += QStringLiteral(", arrived_at = coalesce(arrived_at, ?)");
        binds << timefmt::toSql(e.at);
    } else if (e.status == QLatin1String("completed")) {
        sql += QStringLiteral(", completed_at = ?");
        binds << timefmt::toSql(e.at);
    }
    sql += QStringLiteral(" WHERE id = ?");
    binds << e.appointmentId;
    if (auto q = m_db.run(sql, binds); !q)
        return q.error();
    appt.status = e.status;

    // The work order follows as the simulator and the board have it: in progress once
    // someone is on site, back in the queue when its last live visit is cancelled.
    if (e.status == QLatin1String("on_site")) {
        if (Status s = setWorkOrderStatus(appt.workOrderId, QStringLiteral("in_progress"), QStringLiteral("'open', 'scheduled'")); !s)
            return s.error();
    } else if (cancelling) {
        auto live = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = ? AND id <> ? "
                                               "AND status IN ('tentative', 'scheduled', 'en_route', 'on_site')"),
                                {appt.workOrderId, e.appointmentId});
        if (!live)
            return live.error();
        if (live->toInt() == 0) {
            if (Status s = setWorkOrderStatus(appt.workOrderId, QStringLiteral("open"), QStringLiteral("'scheduled', 'in_progress'")); !s)
                return s.error();
        }
    }
    // Where the phone was when it said so, on the live map like any position.
    if (e.lat && e.lon) {
        if (Status s = addPosition(appt.technicianId, e.at, *e.lat, *e.lon, {}, {}, {}); !s)
            return s.error();
    }
    return written();
}

Outcome FieldEventWriter::writeOutcome(const OutcomeEvent &e)
{
    std::optional<EventIssue> issue;
    auto a = appointmentFor(e.appointmentId, false, issue);
    if (!a)
        return a.error();
    if (issue)
        return issue;
    AppointmentState &appt = **a;
    auto woStatus = m_db.scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = ?"), {appt.workOrderId});
    if (!woStatus)
        return woStatus.error();
    if (e.resolved && woStatus->toString() == QLatin1String("cancelled"))
        return refuse(QStringLiteral("resolved"), Text::tr("work order %1 of appointment %2 is cancelled; a cancelled job cannot be resolved")
                                                      .arg(appt.workOrderId, e.appointmentId));

    // As the visit stood: a corrected "needs parts" calls its follow-up off below.
    auto was = m_db.run(QStringLiteral("SELECT status, resolved, outcome_reason FROM appointments WHERE id = ?"), {e.appointmentId});
    if (!was)
        return was.error();
    const bool callsOff = was->next()
        && FollowUpOrders::correctionCallsOff(was->value(0).toString() == QLatin1String("completed"), was->value(1).toBool(),
                                              was->value(2).toString(), e.resolved, e.reason);
    was->finish();

    // The visit is over either way. Its completion time is the one given, else the one
    // already known, else the departure, else now: the KPIs close the work order at it.
    auto q = m_db.run(QStringLiteral("UPDATE appointments SET status = 'completed', resolved = ?, outcome_reason = ?, outcome_notes = ?, "
                                     "signed_by = ?, arrived_at = coalesce(?, arrived_at), departed_at = coalesce(?, departed_at), "
                                     "completed_at = coalesce(?, completed_at, ?, ?), version = version + 1 WHERE id = ?"),
                      {e.resolved, e.reason.isEmpty() ? QVariant() : QVariant(e.reason), text(e.notes), text(e.signedBy), timefmt::toSql(e.arrivedAt),
                       timefmt::toSql(e.departedAt), timefmt::toSql(e.completedAt), timefmt::toSql(e.departedAt), timefmt::toSql(m_now),
                       e.appointmentId});
    if (!q)
        return q.error();
    appt.status = QStringLiteral("completed");

    // The follow-up a "needs parts" opened, called off while nobody has booked it, as the
    // console's correction does (VisitOutcomeRecorder) and the gateway's (migration 26).
    if (callsOff) {
        FollowUpOrders followUps(m_db);
        auto pending = followUps.pendingFollowUp(appt.workOrderId);
        if (!pending)
            return pending.error();
        if (*pending) {
            records::RecordEdits edits = FollowUpOrders::callOff(**pending, e.appointmentId);
            if (Status s = records::applyEdits(m_db, edits, true); !s)
                return s.error();
        }
    }

    // Another visit of the work order still booked carries the job: an unresolved outcome
    // leaves the work order as it is, as the console's outcome dialog does
    // (VisitOutcomeRecorder::edits) and the gateway's outcome (migration 26).
    bool otherBooked = false;
    if (!e.resolved) {
        auto others = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = ? AND id <> ? "
                                                 "AND status IN ('tentative', 'scheduled', 'en_route', 'on_site')"),
                                  {appt.workOrderId, e.appointmentId});
        if (!others)
            return others.error();
        otherBooked = others->toLongLong() > 0;
    }
    if (otherBooked)
        return written();

    // Missing parts: the return visit is a follow-up work order with the parts reserved
    // (FollowUpOrders), in this transaction; the original stays in progress until the
    // follow-up is resolved. Only when nothing else is booked for it, as in the console.
    if (FollowUpOrders::opensFollowUp(e.resolved, e.reason)) {
        auto followUp = FollowUpOrders(m_db).create(appt.workOrderId, appt.technicianId, e.parts, m_now);
        if (!followUp)
            return followUp.error();
        if (followUp->refused())
            return refuse(followUp->refusedKey, followUp->refusedReason);
        if (!followUp->followUpId.isEmpty()) {
            if (Status s = setWorkOrderStatus(appt.workOrderId, QStringLiteral("in_progress"), QStringLiteral("'open', 'scheduled'")); !s)
                return s.error();
            return written();
        }
    }

    // A resolved visit closes the job (and the work orders it is the return visit of); an
    // unresolved one with nothing else booked sends it back to the queue for another visit
    // (the simulator's and the KPIs' reading of an unresolved visit).
    Status s = e.resolved
        ? setWorkOrderStatus(appt.workOrderId, QStringLiteral("done"), QStringLiteral("'open', 'scheduled', 'in_progress'"))
        : setWorkOrderStatus(appt.workOrderId, QStringLiteral("open"), QStringLiteral("'scheduled', 'in_progress'"));
    if (!s)
        return s.error();
    if (e.resolved) {
        if (auto closed = FollowUpOrders(m_db).closeOriginals(appt.workOrderId); !closed)
            return closed.error();
    }
    return written();
}

Outcome FieldEventWriter::writeTimeEntry(const TimeEntryEvent &e)
{
    if (auto refused = checkExists(m_refs.technicianExists(e.technicianId), QStringLiteral("technician_id"),
                                   Text::tr("no technician %1").arg(e.technicianId)))
        return *refused;
    if (auto refused = checkExists(m_refs.workOrderExists(e.workOrderId), QStringLiteral("work_order_id"),
                                   Text::tr("no work order %1").arg(e.workOrderId)))
        return *refused;
    auto q = m_db.run(QStringLiteral("INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      {e.technicianId, e.workOrderId, timefmt::toSql(e.start), timefmt::toSql(e.end), e.billable, text(e.activity), text(e.comment)});
    if (!q)
        return q.error();
    return written();
}

Outcome FieldEventWriter::writePartUsed(const PartUsedEvent &e)
{
    std::optional<EventIssue> issue;
    auto a = appointmentFor(e.appointmentId, false, issue);
    if (!a)
        return a.error();
    if (issue)
        return issue;
    if (auto refused = checkExists(m_refs.partExists(e.sku), QStringLiteral("sku"), Text::tr("no part %1").arg(e.sku)))
        return *refused;
    const QString location = e.from.isEmpty() ? QStringLiteral("van:") + (*a)->technicianId : e.from;
    auto stock = m_db.run(QStringLiteral("SELECT quantity FROM stock WHERE sku = ? AND location = ?"), {e.sku, location});
    if (!stock)
        return stock.error();
    if (!stock->next())
        return refuse(QStringLiteral("from"), Text::tr("no stock of %1 at %2").arg(e.sku, location));
    const double onHand = stock->value(0).toDouble();
    stock->finish();
    // Stock never goes below zero: a count that says otherwise is wrong somewhere, and
    // the gateway's batch is the place to find out, not the next stock take.
    if (e.quantity > onHand + 1e-9)
        return refuse(QStringLiteral("quantity"), Text::tr("%1 is more than the %2 of %3 in stock at %4").arg(number(e.quantity), number(onHand), e.sku, location));
    if (auto q = m_db.run(QStringLiteral("UPDATE stock SET quantity = quantity - ? WHERE sku = ? AND location = ?"), {e.quantity, e.sku, location}); !q)
        return q.error();
    auto q = m_db.run(QStringLiteral("INSERT INTO parts_used(appointment_id, sku, quantity, location, at) VALUES (?, ?, ?, ?, ?)"),
                      {e.appointmentId, e.sku, e.quantity, location, timefmt::toSql(m_now)});
    if (!q)
        return q.error();
    return written();
}

Outcome FieldEventWriter::writeRating(const RatingEvent &e)
{
    if (auto refused = checkExists(m_refs.workOrderExists(e.workOrderId), QStringLiteral("work_order_id"),
                                   Text::tr("no work order %1").arg(e.workOrderId)))
        return *refused;
    auto q = m_db.run(QStringLiteral("INSERT INTO ratings(work_order_id, score, comment, rated_at) VALUES (?, ?, ?, ?)"),
                      {e.workOrderId, e.score, text(e.comment), timefmt::toSql(e.ratedAt)});
    if (!q)
        return q.error();
    return written();
}

Outcome FieldEventWriter::writeReading(const ReadingEvent &e)
{
    if (auto refused = checkExists(m_refs.assetExists(e.assetId), QStringLiteral("asset_id"), Text::tr("no asset %1").arg(e.assetId)))
        return *refused;
    // Standard kinds arrive with their canonical unit (FieldEvent); a free kind keeps the
    // unit of the asset's first reading of it, so its numbers stay comparable.
    QString unit = e.unit.value_or(QString());
    const QString canonical = vocabulary::canonicalReadingUnit(e.kind);
    if (!canonical.isNull() && unit.isEmpty())
        unit = canonical; // an event built in code (the simulator's) may leave it out
    if (canonical.isNull()) {
        auto stored = m_refs.readingUnit(e.assetId, e.kind);
        if (!stored)
            return stored.error();
        if (*stored && e.unit && **stored != *e.unit)
            return refuse(QStringLiteral("unit"), Text::tr("%1 readings of asset %2 are in \"%3\", not \"%4\"").arg(e.kind, e.assetId, **stored, *e.unit));
        if (*stored)
            unit = **stored;
        else
            m_refs.rememberReadingUnit(e.assetId, e.kind, unit);
    }
    if (Status s = m_readings->add({e.assetId, timefmt::toSql(e.at), e.kind, e.value, text(unit), text(e.source)}); !s)
        return s.error();
    m_hours.add(e.assetId, e.kind, e.at, e.value);
    return written();
}

// A notice's delivery and reading, as the phone's backend reports them. The notice's row
// is read in the batch's transaction, so a `read` sees a `delivered` earlier in the same
// batch. A state reported again keeps the earlier time (the backend retries).
Outcome FieldEventWriter::writeNoticeState(qint64 outboxId, const QDateTime &at, bool reading)
{
    auto q = m_db.run(QStringLiteral("SELECT created_at, delivered_at, read_at FROM technician_outbox WHERE id = ?"), {outboxId});
    if (!q)
        return q.error();
    if (!q->next())
        return refuse(QStringLiteral("outbox_id"), Text::tr("no notice %1 in the outbox").arg(outboxId));
    const QDateTime created = timefmt::fromSql(q->value(0));
    const QDateTime delivered = timefmt::fromSql(q->value(1));
    const QDateTime read = timefmt::fromSql(q->value(2));
    q->finish();
    if (at < created)
        return refuse(QStringLiteral("at"), Text::tr("%1 is before notice %2 was written (%3)").arg(timefmt::toIsoUtc(at)).arg(outboxId).arg(timefmt::toIsoUtc(created)));
    if (reading) {
        if (!delivered.isValid())
            return refuse(QStringLiteral("outbox_id"), Text::tr("notice %1 is not delivered yet").arg(outboxId));
        if (at < delivered)
            return refuse(QStringLiteral("at"),
                          Text::tr("%1 is before notice %2 was delivered (%3)").arg(timefmt::toIsoUtc(at)).arg(outboxId).arg(timefmt::toIsoUtc(delivered)));
    }
    const QDateTime known = reading ? read : delivered;
    if (known.isValid() && known <= at)
        return written(); // already known, and no later than this report
    const QString sql = reading ? QStringLiteral("UPDATE technician_outbox SET read_at = ?, version = version + 1 WHERE id = ?")
                                : QStringLiteral("UPDATE technician_outbox SET delivered_at = ?, version = version + 1 WHERE id = ?");
    if (auto u = m_db.run(sql, {timefmt::toSql(at), outboxId}); !u)
        return u.error();
    return written();
}

} // namespace fieldops::field
