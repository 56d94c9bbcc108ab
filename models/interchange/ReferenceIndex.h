#pragma once
// Answers "does this technician / site / skill … exist?" from the directory being
// imported first and the database second. Each table's ids are loaded from the database
// once, on the first miss, so reference checks stay in memory however big the import.
#include "interchange/InterchangeSchema.h"
#include "util/Result.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace fieldops {
class Database;
}

namespace fieldops::interchange {

class ReferenceIndex {
public:
    explicit ReferenceIndex(Database &db) : m_db(db) {}
    void addFromDirectory(RefKind kind, const QString &id) { m_directory[kind].insert(id); }
    // A database failure is remembered in error() and answers true (no false reports).
    bool knows(RefKind kind, const QString &id);
    const std::optional<Error> &error() const { return m_error; }

private:
    Database &m_db;
    QHash<RefKind, QSet<QString>> m_directory;
    QHash<RefKind, QSet<QString>> m_database;
    std::optional<Error> m_error;
};

} // namespace fieldops::interchange
