// `fieldops-cli durations --holdout-month YYYY-MM [--json]`: how well the duration model
// (models/scheduling/DurationModel) predicts a month it never saw. It learns from the
// completed visits that began before the month (UTC), predicts each completed visit that
// began in it, and prints the mean absolute error and the share of actuals inside the
// interval, beside the plain estimate (duration_min). Reads only.
#include "CliContext.h"
#include "TextTable.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "scheduling/DurationEvaluation.h"
#include "scheduling/DurationHistory.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace fieldops::cli {

namespace {

// The first day of a "YYYY-MM" month; null when the text is not one.
QDate monthStart(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch())
        return {};
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1);
}

QString minutesText(double v) { return QLocale::c().toString(v, 'f', 1); }
QString percentText(double share) { return QLocale::c().toString(100.0 * share, 'f', 1) + QStringLiteral(" %"); }

QString scoreJson(const scheduling::DurationScore &s, int visits)
{
    if (visits == 0)
        return QStringLiteral("{\"mae_min\":null,\"inside_interval\":null,\"mean_width_min\":null}");
    return QStringLiteral("{\"mae_min\":%1,\"inside_interval\":%2,\"mean_width_min\":%3}")
        .arg(jsonNumber(s.maeMin), QString::number(std::round(s.insideShare * 10000.0) / 10000.0, 'g', 15), jsonNumber(s.meanWidthMin));
}

} // namespace

int runDurations(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption monthOpt(QStringLiteral("holdout-month"),
                                      CliText::tr("The month to predict (UTC); the model learns from the visits before it."),
                                      QStringLiteral("YYYY-MM"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the report as one JSON object."));
    parser.addOptions({monthOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("durations"),
                   CliText::tr("How well the predicted durations of visits would have done: learns from the completed visits\n"
                               "before the month, predicts each completed visit of the month (time on site, arrival to\n"
                               "completion) and prints the mean absolute error in minutes and the share of actual\n"
                               "durations inside the predicted interval, beside the work orders' own estimates."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("durations takes no arguments besides its options (got \"%1\")")
                               .arg(parser.positionalArguments().join(QLatin1Char(' '))));
    if (!parser.isSet(monthOpt))
        return ctx.invalid(CliText::tr("--holdout-month is required (a month such as 2026-05)"));
    const QDate first = monthStart(parser.value(monthOpt).trimmed());
    if (!first.isValid())
        return ctx.invalid(CliText::tr("--holdout-month needs a month YYYY-MM such as 2026-05 (got \"%1\")").arg(parser.value(monthOpt)));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    const QDateTime from(first, QTime(0, 0), QTimeZone::utc());
    const QDateTime to(first.addMonths(1), QTime(0, 0), QTimeZone::utc());
    auto training = scheduling::loadDurationHistory(*db, {}, from);
    if (!training)
        return ctx.fail(training.error());
    auto test = scheduling::loadDurationHistory(*db, from, to);
    if (!test)
        return ctx.fail(test.error());
    const scheduling::DurationEvaluation e = scheduling::evaluateDurations(*training, *test);
    const QString month = first.toString(QStringLiteral("yyyy-MM"));
    if (parser.isSet(jsonOpt)) {
        ctx.out() << QStringLiteral("{\"month\":%1,\"training_visits\":%2,\"test_visits\":%3,\"predicted\":%4,\"fallbacks\":%5,"
                                    "\"prediction\":%6,\"estimate\":%7}")
                         .arg(jsonString(month))
                         .arg(e.trainingVisits)
                         .arg(e.testVisits)
                         .arg(e.predicted)
                         .arg(e.fallbacks)
                         .arg(scoreJson(e.model, e.testVisits), scoreJson(e.estimate, e.testVisits))
                  << '\n';
        ctx.out().flush();
        return ExitOk;
    }
    ctx.out() << CliText::tr("Held-out month %1 (UTC). Completed visits before it, learnt from: %2; in it, predicted: %3.")
                     .arg(month)
                     .arg(e.trainingVisits)
                     .arg(e.testVisits)
              << '\n';
    if (e.testVisits == 0) {
        ctx.out() << CliText::tr("No completed visit began in %1: nothing to measure.").arg(month) << '\n';
        ctx.out().flush();
        return ExitOk;
    }
    const QStringList head{CliText::tr("DURATION"), CliText::tr("MAE (MIN)"), CliText::tr("INSIDE INTERVAL"), CliText::tr("MEAN WIDTH (MIN)")};
    const std::vector<QStringList> rows{
        head,
        {CliText::tr("predicted"), minutesText(e.model.maeMin), percentText(e.model.insideShare), minutesText(e.model.meanWidthMin)},
        {CliText::tr("estimate"), minutesText(e.estimate.maeMin), percentText(e.estimate.insideShare), minutesText(e.estimate.meanWidthMin)},
    };
    ctx.out() << textTable(rows);
    ctx.out() << CliText::tr("Predicted from history: %1; took the estimate (fewer than %3 earlier visits of their type): %2.")
                     .arg(e.predicted)
                     .arg(e.fallbacks)
                     .arg(scheduling::DurationModel::kMinTypeVisits)
              << '\n';
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
