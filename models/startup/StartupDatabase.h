#pragma once
// Which database the console opens at start, decided without widgets so it is tested on its
// own: --db, then FIELDOPS_DB, then --demo (the demo file in the data folder), then what the
// user chose at the first run; with none of these the console asks (FirstRunDialog).
#include "startup/StartupChoice.h"
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

namespace fieldops {

struct StartupRequest {
    QString dbOption;      // --db, empty when not given
    QString environmentDb; // FIELDOPS_DB, empty when not set
    bool demo = false;     // --demo
};

struct StartupTarget {
    enum class Source { CommandLine, Environment, DemoOption, Remembered, FirstRun, Ask };
    Source source = Source::Ask;
    DatabaseUrl url; // meaningless when source is Ask
    StartupKind kind = StartupKind::None;
    bool seedDemo = false; // fill the database with the demo operation when it is empty
};

// demo.db in the user's data folder (~/.local/share/FieldOps/fieldops/), beside the default file.
QString demoDatabasePath();
DatabaseUrl demoDatabaseUrl();

// A bad --db or FIELDOPS_DB is an error; a remembered choice that no longer makes sense (a
// file since removed, a URL that no longer parses) means asking again.
Result<StartupTarget> resolveStartupDatabase(const StartupRequest &request, const StartupChoice &remembered);

// What a choice made at the first run opens (a Server choice's URL carries no password).
Result<StartupTarget> targetForChoice(const StartupChoice &choice);

// "Create a new database file": creates the file (or opens an existing FieldOps file) and
// runs the schema's migrations in it. A folder that is missing or not writable, or a file
// that is not a SQLite database, is refused with a sentence saying which.
Result<DatabaseUrl> prepareDatabaseFile(const QString &path);

} // namespace fieldops
