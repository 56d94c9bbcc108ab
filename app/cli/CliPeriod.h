#pragma once
// --from D --to D as the period commands read them (days, YYYY-MM-DD, to not before from).
#include "CliContext.h"
#include "CliText.h"
#include "util/TimeFormat.h"

#include <QCommandLineParser>
#include <QDate>

namespace fieldops::cli {

// False after printing the one-line reason (exitCode set to ExitInvalid).
inline bool readPeriod(CliContext &ctx, const QCommandLineParser &parser, const QCommandLineOption &fromOpt,
                       const QCommandLineOption &toOpt, QDate &from, QDate &to, int &exitCode)
{
    from = timefmt::parseDate(parser.value(fromOpt).trimmed());
    to = timefmt::parseDate(parser.value(toOpt).trimmed());
    exitCode = ExitInvalid;
    if (!from.isValid()) {
        ctx.invalid(CliText::tr("--from needs a date YYYY-MM-DD (got \"%1\")").arg(parser.value(fromOpt)));
        return false;
    }
    if (!to.isValid()) {
        ctx.invalid(CliText::tr("--to needs a date YYYY-MM-DD (got \"%1\")").arg(parser.value(toOpt)));
        return false;
    }
    if (to < from) {
        ctx.invalid(CliText::tr("--to (%1) is before --from (%2)").arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
        return false;
    }
    exitCode = ExitOk;
    return true;
}

} // namespace fieldops::cli
