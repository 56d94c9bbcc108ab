#pragma once
// Records read back as a form binds them: every writable column of a spec (dates as
// YYYY-MM-DD text, yes/no columns as bool, amount columns as double, the rest as text or
// NULL) and every join-table list as a QStringList, with the record's version. Pages
// (a customer's, a contract's) read their records through here so a form loaded from
// them compares equal to what it would save.
#include "records/RecordEdit.h"

#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::records {

struct RecordRow {
    QString id;
    RecordValues values;
    int version = 1;
};

// Rows of `spec` (aliased `x`) selected by `where` (e.g. "WHERE x.customer_id = ?", or a
// JOIN before it) with `binds`, in `orderBy` order.
Result<QVector<RecordRow>> readRecordRows(Database &db, const RecordSpec &spec, const QString &where, const QVariantList &binds,
                                          const QString &orderBy);

} // namespace fieldops::records
