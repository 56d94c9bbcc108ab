#pragma once
// What every fieldops-cli command shares: the output streams, the database URL taken
// from --db or FIELDOPS_DB, and the exit-code convention (0 ok, 2 invalid input, 1 other).
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <memory>
#include <optional>

namespace fieldops::cli {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitInvalid = 2 };

class CliContext {
public:
    CliContext();
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    QString dbUrlText; // from --db, else FIELDOPS_DB, else the default SQLite file
    // --verbose: a failure's driver text (and the SQL it came from) follows its one line.
    bool verbose = false;

    // Parses the command's own arguments; on --help prints and returns ExitOk through
    // `exitCode`, on a parse error prints a one-line reason and returns ExitInvalid.
    bool parse(QCommandLineParser &parser, const QStringList &args, const QString &command,
               const QString &description, int &exitCode);

    // Opens the database (and checks its schema unless `allowEmpty`). On failure prints a
    // one-line reason and sets exitCode.
    std::unique_ptr<Database> openDatabase(int &exitCode, bool allowEmpty = false);

    int fail(const Error &e); // prints "error: …" (and with --verbose its detail) and maps the kind to an exit code
    int invalid(const QString &message);
    // A refused line of an input file, printed as it is ("FILE:LINE: key: what is wrong",
    // the form integrators match), exit 2.
    int refusedLine(const QString &message);
    // A required whole number of days in [0, max] given with `option` (generate-pm's and
    // capacity-preview's horizon); nullopt after saying what is wrong, exitCode set.
    std::optional<int> requiredDays(const QCommandLineParser &parser, const QCommandLineOption &option, int max, int example,
                                    int &exitCode);

private:
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace fieldops::cli
