#pragma once
// Turns one CSV cell into a typed value by its column's spec (with the column's default
// for an empty cell), and a stored value back into a cell for export. The same rules on
// the way in and out are what make export → import round-trip.
#include "interchange/InterchangeSchema.h"

#include <QString>
#include <QVariant>

namespace fieldops::interchange {

// Parsed values: Text/Id/Enum/Clock/TimeZone/WorkDays/StockLocation → QString,
// Integer → qlonglong, Real → double, Boolean → bool, Timestamp → QDateTime (UTC),
// Date → QDate, SkillList → QStringList; an empty optional cell → a null QVariant
// (Text → empty string, as the tables hold '' rather than NULL).
class CellCodec {
public:
    explicit CellCodec(QString defaultTimeZone) : m_defaultTimeZone(std::move(defaultTimeZone)) {}

    // False with a message such as `123 is outside [-90, 90]` when the cell is invalid.
    bool parse(const ColumnSpec &column, const QString &cell, QVariant &value, QString &error) const;

    // A value read from the database (either driver) as the cell export writes.
    static QString format(const ColumnSpec &column, const QVariant &stored);
    // The value as bound in SQL (timestamps and dates in the canonical text form).
    static QVariant toSql(const ColumnSpec &column, const QVariant &value);

    static bool isTimeZoneKnown(const QString &id);

private:
    bool parseText(const ColumnSpec &column, const QString &text, QVariant &value, QString &error) const;
    QString m_defaultTimeZone;
};

} // namespace fieldops::interchange
