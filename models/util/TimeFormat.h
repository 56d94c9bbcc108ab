#pragma once
// The one textual form of instants, dates and clock times used by the database (both
// dialects), CSV files and JSON output.
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QVariant>
#include <optional>

namespace fieldops::timefmt {

// "2026-03-02T11:00:00Z"; a null QDateTime gives a null QString.
QString toIsoUtc(const QDateTime &t);
// Accepts ISO 8601 with an offset or Z (seconds optional). Returns a null QDateTime when
// the text is not such a timestamp (a timestamp without offset is ambiguous: rejected).
QDateTime parseIsoWithOffset(const QString &text);
// YYYY-MM-DD, strictly.
QDate parseDate(const QString &text);
// HH:MM, strictly (00:00–23:59; 24:00 is accepted as end of day and returned as 23:59:59.999).
std::optional<QTime> parseClock(const QString &text);
QString toClock(const QTime &t);

// Reads an instant from a SQL value whichever driver produced it (QPSQL gives QDateTime,
// QSQLITE gives text) and returns it in UTC; NULL gives a null QDateTime.
QDateTime fromSql(const QVariant &v);
QDate dateFromSql(const QVariant &v);
// The same instant as ms since the epoch, without building a QDateTime for the canonical
// text form (bulk reads of hundreds of thousands of rows); nullopt for NULL.
std::optional<qint64> msFromSql(const QVariant &v);
// Binds an instant: text in the canonical form for both dialects, NULL when null.
QVariant toSql(const QDateTime &t);
QVariant toSql(const QDate &d);

} // namespace fieldops::timefmt
