#pragma once
// `fieldops-cli import DIR` as a library: reads the directory's CSV files (the README's interchange section
// §1), validates everything in memory against the files and the database, then writes it
// all in one transaction, or nothing. Safe to run on a worker thread with its own
// Database; progress and cancel go through the callback.
#include "interchange/ImportReport.h"

#include <QString>

namespace fieldops {
class Database;
}

namespace fieldops::interchange {

class Importer {
public:
    explicit Importer(Database &db, ImportOptions options = {}) : m_db(db), m_options(std::move(options)) {}

    // report.ok() when everything was committed. Otherwise report.failure says why
    // (Invalid with report.issues for bad input, DoubleBooking when the database refused an
    // overlap, Cancelled, ConnectionLost …) and the database is unchanged.
    ImportReport importDirectory(const QString &dir, const ImportProgress &progress = {});

private:
    Database &m_db;
    ImportOptions m_options;
};

} // namespace fieldops::interchange
