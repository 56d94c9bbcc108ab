#pragma once
// The field gateway's events (`fieldops-cli ingest`, the README's event format): one JSON
// object per line, read into typed events. Everything that can be checked without the
// database is checked here (types, ranges, closed vocabularies, times, units of the
// standard reading kinds); references are checked by FieldEventWriter beside the writes.
#include "parts/Stock.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <vector>

namespace fieldops::field {

// The kinds in the order the README lists them (the summary and --json count them so).
enum class EventKind { Position, Status, Outcome, TimeEntry, PartUsed, Rating, Reading, Delivered, Read };
inline constexpr int kEventKindCount = 9;
QString kindName(EventKind kind);

struct PositionEvent {
    QString technicianId;
    QDateTime at;
    double lat = 0;
    double lon = 0;
    std::optional<double> speedKmh, headingDeg, accuracyM;
};

struct StatusEvent {
    QString appointmentId;
    QString status; // vocabulary::fieldStatuses()
    QDateTime at;
    std::optional<double> lat, lon; // both or neither
};

struct OutcomeEvent {
    QString appointmentId;
    bool resolved = false;
    QString reason; // vocabulary::outcomeReasons(), or empty
    QString notes;
    QString signedBy;
    QDateTime arrivedAt, departedAt, completedAt; // null when not given
    // needs_parts only: what the return visit must bring (`parts`: [{"sku":…,"quantity":n}]),
    // listed and reserved on the follow-up work order (FollowUpOrders).
    std::vector<parts::PartNeed> parts;
};

struct TimeEntryEvent {
    QString technicianId;
    QString workOrderId;
    QDateTime start, end;
    bool billable = true;
    QString activity;
    QString comment;
};

struct PartUsedEvent {
    QString appointmentId;
    QString sku;
    double quantity = 0;
    QString from; // "van:<id>" or "warehouse:<id>"; empty: the appointment's technician's van
};

struct RatingEvent {
    QString workOrderId;
    int score = 0;
    QString comment;
    QDateTime ratedAt; // null when not given
};

struct ReadingEvent {
    QString assetId;
    QDateTime at;
    QString kind;
    double value = 0;
    std::optional<QString> unit; // nullopt: the kind's unit (canonical, or the one stored)
    QString source;
};

// The phone's backend reports what became of a notice of the technicians' outbox: it
// reached the phone (delivered), or the technician opened it (read).
struct DeliveredEvent {
    qint64 outboxId = 0;
    QDateTime at;
};

struct ReadEvent {
    qint64 outboxId = 0;
    QDateTime at;
};

// In EventKind's order: kindOf() is the index.
using FieldEvent = std::variant<PositionEvent, StatusEvent, OutcomeEvent, TimeEntryEvent, PartUsedEvent, RatingEvent, ReadingEvent,
                                DeliveredEvent, ReadEvent>;
static_assert(std::variant_size_v<FieldEvent> == kEventKindCount, "one alternative per EventKind, in its order");
EventKind kindOf(const FieldEvent &event);

// What is wrong with a line: the key it concerns (empty when the line as a whole is bad)
// and the reason in words. text() is "key: reason".
struct EventIssue {
    QString key;
    QString reason;
    QString text() const { return key.isEmpty() ? reason : key + QStringLiteral(": ") + reason; }
};

struct ParsedLine {
    FieldEvent event;
    QStringList unknownKeys; // ignored, for the caller's warnings
};

// How far ahead of the ingest's clock a reading's time may be (phones' clocks drift).
inline constexpr qint64 kClockSkewSecs = 5 * 60;

// Reads one line (without its newline). `now` bounds reading times from above.
std::variant<ParsedLine, EventIssue> parseFieldEvent(const QByteArray &line, const QDateTime &now);

} // namespace fieldops::field
