#pragma once
// Fresh databases for data-driven tests that run on both backends:
//   void t_data() { fieldops::test::addBackendRows(); }
//   void t() { QFETCH(QString, backend); auto db = fieldops::test::freshDatabase(backend); … }
// In CI nothing is skipped: if PostgreSQL cannot start, the test fails.
#include "storage/Database.h"

#include <QString>
#include <initializer_list>
#include <memory>

namespace fieldops::test {

void addBackendRows(); // adds a QString column "backend" with rows "sqlite" and "postgres"
// A new, empty database URL of the given backend ("sqlite" or "postgres").
QString freshUrl(const QString &backend);
// Opens a new database; with `init` the schema is applied. QFAIL-style: on error returns
// nullptr and writes the reason to lastError().
std::unique_ptr<Database> freshDatabase(const QString &backend, bool init = true, QString *urlOut = nullptr);
std::unique_ptr<Database> openUrl(const QString &url);
QString lastError();
// Dumps every table's rows in a stable order; equal dumps mean unchanged databases.
QString dumpDatabase(Database &db);

// Runs seeding statements in one transaction; the first failure rolls all back.
inline Status runAll(Database &db, std::initializer_list<const char *> statements)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    for (const char *sql : statements) {
        if (auto q = db.run(QString::fromLatin1(sql)); !q)
            return q.error();
    }
    return tx.commit();
}

} // namespace fieldops::test
