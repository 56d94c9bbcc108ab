#pragma once
// The checks that look across rows, files and the database, after every cell has been
// typed: unique keys, references, end after start, and double bookings of technicians.
// Reads the database, never writes it.
#include "interchange/ParsedFile.h"
#include "util/Result.h"

#include <QStringList>

namespace fieldops {
class Database;
}

namespace fieldops::interchange {

class ImportValidator {
public:
    ImportValidator(Database &db, IssueSink &issues) : m_db(db), m_issues(issues) {}

    // `files` in import order. A failure to read the database is returned; problems with
    // the input go to the IssueSink.
    Status validate(const QVector<ParsedFile> &files);

    // Appointments already in the database that this import moves or cancels. SQLite's
    // double-booking trigger checks row by row, so their old slots are released first
    // (PostgreSQL defers its constraint to the commit instead).
    const QStringList &appointmentsToRelease() const { return m_release; }

private:
    void checkUniqueKeys(const ParsedFile &file);
    void checkOrder(const ParsedFile &file);
    void checkReferences(const ParsedFile &file, class ReferenceIndex &refs);
    Status checkOverlaps(const ParsedFile &appointments);
    // A work order is no return visit of itself, nor of one that follows it (a loop).
    void checkFollowUps(const ParsedFile &workOrders);

    Database &m_db;
    IssueSink &m_issues;
    QStringList m_release;
};

} // namespace fieldops::interchange
