#pragma once
// What an import tells its caller: the problems found (each `file:line: column: what is
// wrong`), warnings that did not stop it (unknown columns), and rows written per file.
#include "util/Result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace fieldops::interchange {

struct ImportIssue {
    QString file;   // "sites.csv"
    int line = 0;   // physical line; 0 when the problem concerns the whole file
    QString column; // may be empty for a malformed record
    QString message;
    QString toString() const;
};

struct ImportOptions {
    // Time zone of technicians and sites whose time_zone cell is empty or absent.
    QString defaultTimeZone = QStringLiteral("UTC");
    // Validation keeps going after a problem so one run lists many of them; it stops
    // collecting after this many.
    int maxIssues = 100;
};

// progress(percent 0–100, stage) now and then; returning false cancels the import (nothing
// is written). Called on the importing thread.
using ImportProgress = std::function<bool(int percent, const QString &stage)>;

struct ImportReport {
    QList<ImportIssue> issues;  // invalid input; non-empty means nothing was written
    QStringList warnings;       // e.g. "sites.csv: column \"colour\" is unknown and was ignored"
    QMap<QString, int> rowsByFile; // rows read per file that was present
    std::optional<Error> failure;  // set whenever the import wrote nothing

    bool ok() const { return !failure.has_value(); }
    // The one-line reason: the first issue, or the failure's message.
    QString summary() const;
};

} // namespace fieldops::interchange
