#pragma once
// Writes a batch of field events in one transaction: all of them or none. Each event's
// references are checked against the database (and what the batch wrote before it) as
// it is written; the first refused event leaves the caller to roll back. The database's
// triggers put every row into the change log the consoles poll, in the same transaction.
// Positions and readings are buffered and written many rows per statement, and the
// readings' hourly sums are merged once, at commit.
#include "field/FieldEvent.h"
#include "field/FieldReferences.h"
#include "field/ReadingHours.h"
#include "field/ReadingPartitions.h"
#include "util/Result.h"

#include <QDateTime>
#include <memory>
#include <optional>

namespace fieldops {
class Database;
class Transaction;
namespace demo {
class BatchInserter;
}
} // namespace fieldops

namespace fieldops::field {

class FieldEventWriter {
public:
    // `now`: the ingest's clock, stamped on parts used and on a completion that names no time.
    FieldEventWriter(Database &db, const QDateTime &now);
    ~FieldEventWriter(); // rolls back unless committed

    // Starts a batch. A writer may run one batch after another (the simulator writes one
    // per step); the ids it found stay known, the appointments' states are read again.
    Status begin();
    // nullopt: written (or buffered); an issue: refused, nothing of it written. An Error
    // is the database failing, not the event.
    Result<std::optional<EventIssue>> write(const FieldEvent &event);
    Status commit();

private:
    using Outcome = Result<std::optional<EventIssue>>;
    Outcome writePosition(const PositionEvent &e);
    Outcome writeStatus(const StatusEvent &e);
    Outcome writeOutcome(const OutcomeEvent &e);
    Outcome writeTimeEntry(const TimeEntryEvent &e);
    Outcome writePartUsed(const PartUsedEvent &e);
    Outcome writeRating(const RatingEvent &e);
    Outcome writeReading(const ReadingEvent &e);
    // delivered and read: a notice of the technicians' outbox (`read` when `reading`).
    Outcome writeNoticeState(qint64 outboxId, const QDateTime &at, bool reading);
    // The appointment an event names, or the issue that it is unknown (or cancelled).
    Result<AppointmentState *> appointmentFor(const QString &id, bool allowCancelled, std::optional<EventIssue> &issue);
    Status addPosition(const QString &technicianId, const QDateTime &at, double lat, double lon, std::optional<double> speed,
                       std::optional<double> heading, std::optional<double> accuracy);
    Status setWorkOrderStatus(const QString &workOrderId, const QString &to, const QString &onlyFromSql);

    Database &m_db;
    QDateTime m_now;
    std::unique_ptr<Transaction> m_tx;
    FieldReferences m_refs;
    ReadingHours m_hours;
    ReadingPartitions m_partitions;
    std::unique_ptr<demo::BatchInserter> m_positions;
    std::unique_ptr<demo::BatchInserter> m_readings;
};

} // namespace fieldops::field
