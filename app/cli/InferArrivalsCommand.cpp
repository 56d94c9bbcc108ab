// `fieldops-cli infer-arrivals --date D [--radius M] [--dwell MIN] [--max-gap MIN]
// [--tolerance MIN] [--technician ID]… [--dry-run] [--json]`: infers each visit's arrival
// and departure from the technicians' positions of that day (models/field/ArrivalInference),
// keeps them beside the status taps, and lists where taps and positions disagree or a
// status was never sent. Cron runs it in the evening; a dispatcher may run it any time.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "field/ArrivalInferenceWriter.h"
#include "field/StatusDiscrepancies.h"
#include "util/TimeFormat.h"

#include <QRegularExpression>

namespace fieldops::cli {

namespace {

constexpr double kMinRadiusM = 10;
constexpr double kMaxRadiusM = 5000;
constexpr int kMaxDwellMin = 240;
constexpr int kMaxGapMin = 720;
constexpr int kMaxToleranceMin = 1440;

// A whole number of minutes in [min, max] given with `option`; nullopt after saying what is wrong.
std::optional<int> minutesOption(CliContext &ctx, const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max,
                                 int fallback, int &code)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int value = parser.value(option).trimmed().toInt(&ok);
    if (!ok || value < min || value > max) {
        code = ctx.invalid(CliText::tr("--%1: \"%2\" is not a whole number of minutes from %3 to %4")
                               .arg(option.names().constFirst(), parser.value(option))
                               .arg(min)
                               .arg(max));
        return std::nullopt;
    }
    return value;
}

QString jsonInstant(const QDateTime &t) { return t.isValid() ? jsonString(timefmt::toIsoUtc(t)) : QStringLiteral("null"); }

QString toJson(const QDate &date, const field::InferenceRun &run, const std::vector<field::StatusDiscrepancy> &found, bool dryRun)
{
    QStringList items;
    for (const field::StatusDiscrepancy &d : found)
        items << QStringLiteral("{\"appointment_id\":%1,\"technician_id\":%2,\"kind\":%3,\"tapped\":%4,\"inferred\":%5,\"explanation\":%6}")
                     .arg(jsonString(d.appointmentId), jsonString(d.technicianId), jsonString(field::discrepancyKindName(d.kind)),
                          jsonInstant(d.tapped), jsonInstant(d.inferred), jsonString(d.explanation));
    return QStringLiteral("{\"date\":%1,\"visits\":%2,\"arrived\":%3,\"departed\":%4,\"changed\":%5,\"dry_run\":%6,\"discrepancies\":[%7]}")
        .arg(jsonString(date.toString(Qt::ISODate)))
        .arg(run.visits.size())
        .arg(run.withArrival)
        .arg(run.withDeparture)
        .arg(run.changed)
        .arg(dryRun ? QStringLiteral("true") : QStringLiteral("false"), items.join(QLatin1Char(',')));
}

QString toText(const QDate &date, const field::InferenceRun &run, const std::vector<field::StatusDiscrepancy> &found, bool dryRun)
{
    QString out = CliText::tr("%1: %2 visits; inferred arrival for %3, departure for %4; %5 changed")
                      .arg(date.toString(Qt::ISODate))
                      .arg(run.visits.size())
                      .arg(run.withArrival)
                      .arg(run.withDeparture)
                      .arg(run.changed);
    out += dryRun ? CliText::tr(" (dry run: nothing written)") : QString();
    out += QLatin1Char('\n');
    if (found.empty()) {
        out += CliText::tr("No discrepancies between the status taps and the positions.\n");
        return out;
    }
    out += CliText::tr("Discrepancies (%1):\n").arg(found.size());
    for (const field::StatusDiscrepancy &d : found)
        out += QStringLiteral("  %1  %2  %3: %4\n").arg(d.appointmentId, d.technicianId, field::discrepancyKindName(d.kind), d.explanation);
    return out;
}

} // namespace

int runInferArrivals(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const field::InferenceOptions defaults;
    const QCommandLineOption dateOpt(QStringLiteral("date"), CliText::tr("The day (YYYY-MM-DD, in each technician's time zone)."), QStringLiteral("D"));
    const QCommandLineOption radiusOpt(QStringLiteral("radius"),
                                       CliText::tr("The geofence around each site, in metres (default %1; a fix's accuracy widens it).").arg(defaults.radiusM),
                                       QStringLiteral("M"));
    const QCommandLineOption dwellOpt(QStringLiteral("dwell"),
                                      CliText::tr("Minutes inside the fence that make a stay, and outside that end one (default %1).").arg(defaults.dwellSecs / 60),
                                      QStringLiteral("MIN"));
    const QCommandLineOption gapOpt(QStringLiteral("max-gap"),
                                    CliText::tr("Minutes without a fix that still continue a stay (default %1).").arg(defaults.maxGapSecs / 60),
                                    QStringLiteral("MIN"));
    const QCommandLineOption toleranceOpt(QStringLiteral("tolerance"),
                                          CliText::tr("Minutes a tap may differ from the positions before it is listed (default 10)."),
                                          QStringLiteral("MIN"));
    const QCommandLineOption technicianOpt(QStringLiteral("technician"), CliText::tr("Only this technician (may be repeated)."), QStringLiteral("ID"));
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"), CliText::tr("Infer and list; write nothing."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the result as one JSON object."));
    parser.addOptions({dateOpt, radiusOpt, dwellOpt, gapOpt, toleranceOpt, technicianOpt, dryRunOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("infer-arrivals"),
                   CliText::tr("Infer each visit's arrival and departure from the technicians' positions: the first fix of a\n"
                               "stay inside the site's geofence lasting the dwell, and the last fix inside before leaving for\n"
                               "longer. Keep them beside the status taps, and list the visits where the two disagree by more\n"
                               "than the tolerance or a status was never sent."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("infer-arrivals takes no arguments besides its options (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    if (!parser.isSet(dateOpt))
        return ctx.invalid(CliText::tr("infer-arrivals needs --date, e.g. fieldops-cli infer-arrivals --date 2026-03-02"));
    static const QRegularExpression dateShape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString dateText = parser.value(dateOpt).trimmed();
    const QDate date = QDate::fromString(dateText, Qt::ISODate);
    if (!dateShape.match(dateText).hasMatch() || !date.isValid())
        return ctx.invalid(CliText::tr("--date: \"%1\" is not a date YYYY-MM-DD").arg(parser.value(dateOpt)));

    field::InferenceOptions options;
    if (parser.isSet(radiusOpt)) {
        bool ok = false;
        options.radiusM = parser.value(radiusOpt).trimmed().toDouble(&ok);
        if (!ok || !(options.radiusM >= kMinRadiusM) || options.radiusM > kMaxRadiusM)
            return ctx.invalid(CliText::tr("--radius: \"%1\" is not a number of metres from %2 to %3").arg(parser.value(radiusOpt)).arg(kMinRadiusM).arg(kMaxRadiusM));
    }
    const auto dwell = minutesOption(ctx, parser, dwellOpt, 1, kMaxDwellMin, int(defaults.dwellSecs / 60), code);
    if (!dwell)
        return code;
    const auto gap = minutesOption(ctx, parser, gapOpt, 1, kMaxGapMin, int(defaults.maxGapSecs / 60), code);
    if (!gap)
        return code;
    const auto tolerance = minutesOption(ctx, parser, toleranceOpt, 0, kMaxToleranceMin, 10, code);
    if (!tolerance)
        return code;
    options.dwellSecs = qint64(*dwell) * 60;
    options.maxGapSecs = qint64(*gap) * 60;
    QStringList technicians;
    for (const QString &t : parser.values(technicianOpt)) {
        if (t.trimmed().isEmpty())
            return ctx.invalid(CliText::tr("--technician needs a technician id"));
        technicians << t.trimmed();
    }

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    const bool dryRun = parser.isSet(dryRunOpt);
    auto run = field::ArrivalInferenceWriter(*db).run(date, technicians, options, dryRun);
    if (!run)
        return ctx.fail(run.error());
    const auto found = field::findDiscrepancies(run->visits, *tolerance, options.maxGapSecs);
    ctx.out() << (parser.isSet(jsonOpt) ? toJson(date, *run, found, dryRun) + QLatin1Char('\n') : toText(date, *run, found, dryRun));
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
