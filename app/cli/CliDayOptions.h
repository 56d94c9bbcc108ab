#pragma once
// --date D and --time-limit S as the commands that plan a day read them (optimize, repair):
// the same checks and the same words for both.
#include "CliContext.h"
#include "CliText.h"

#include <QCommandLineParser>
#include <QDate>
#include <QRegularExpression>

namespace fieldops::cli {

// False after printing the one-line reason (exitCode set): `missing` says how to give the day.
inline bool readPlanDay(CliContext &ctx, const QCommandLineParser &parser, const QCommandLineOption &dateOpt, const QString &missing,
                        QDate &date, int &exitCode)
{
    if (!parser.isSet(dateOpt)) {
        exitCode = ctx.invalid(missing);
        return false;
    }
    static const QRegularExpression dateShape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = parser.value(dateOpt).trimmed();
    date = QDate::fromString(text, Qt::ISODate);
    if (!dateShape.match(text).hasMatch() || !date.isValid()) {
        exitCode = ctx.invalid(CliText::tr("--date: \"%1\" is not a date YYYY-MM-DD").arg(parser.value(dateOpt)));
        return false;
    }
    return true;
}

// Leaves `seconds` as it is when the option is not given.
inline bool readTimeLimit(CliContext &ctx, const QCommandLineParser &parser, const QCommandLineOption &limitOpt, double maxSeconds,
                          double &seconds, int &exitCode)
{
    if (!parser.isSet(limitOpt))
        return true;
    bool ok = false;
    const double value = parser.value(limitOpt).trimmed().toDouble(&ok);
    if (!ok || !(value > 0) || value > maxSeconds) {
        exitCode = ctx.invalid(CliText::tr("--time-limit: \"%1\" is not a number of seconds in (0, %2]").arg(parser.value(limitOpt)).arg(maxSeconds));
        return false;
    }
    seconds = value;
    return true;
}

} // namespace fieldops::cli
