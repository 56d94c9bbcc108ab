#pragma once
// Any KPI table as CSV, rows in the order the user sees them (pass the sorting proxy):
// machine column names in the header, raw values (roles::SortValue: full-precision
// numbers, instants as ISO 8601 UTC) rather than display text, an empty cell for null.
// One writer (interchange::CsvWriter) for every table the dashboard exports.
#include <QByteArray>
#include <QStringList>

class QAbstractItemModel;

namespace fieldops {

QByteArray kpiTableCsv(const QAbstractItemModel &shown, const QStringList &columnNames);

} // namespace fieldops
