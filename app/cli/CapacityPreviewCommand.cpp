// `fieldops-cli capacity-preview --horizon-days N [--today YYYY-MM-DD] [--level] [--json]`:
// per ISO week and territory, the hours the preventive work generate-pm would create adds
// against the free hours of the technicians able to do it (models/planning/CapacityPreview.h
// defines the figures). With --level, the levelled table and the occurrences it moved.
// Reads only: nothing is written.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "planning/CapacityLeveller.h"
#include "planning/CapacityReader.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::cli {

namespace {

// A year of weeks is as much as a preview table can usefully show.
constexpr int kMaxHorizonDays = 366;

QString toJson(const planning::CapacityPreview &table, const QVector<planning::CapacityMove> *moved)
{
    QStringList weeks;
    for (int w = 0; w < table.weeks.size(); ++w) {
        for (int t = 0; t < table.territoryIds.size(); ++t) {
            const planning::CapacityCell &c = table.cell(t, w);
            weeks << QStringLiteral("{\"week\":%1,\"territory_id\":%2,\"demand_hours\":%3,\"available_hours\":%4,\"booked_hours\":%5,\"overloaded\":%6}")
                         .arg(jsonString(table.weeks[w]), jsonString(table.territoryIds[t]), jsonNumber(c.demandHours),
                              jsonNumber(c.availableHours), jsonNumber(c.bookedHours),
                              c.overloaded ? QStringLiteral("true") : QStringLiteral("false"));
        }
    }
    QString json = QStringLiteral("{\"weeks\":[%1]").arg(weeks.join(QLatin1Char(',')));
    if (moved) {
        QStringList moves;
        for (const planning::CapacityMove &m : *moved)
            moves << QStringLiteral("{\"plan_id\":%1,\"from\":%2,\"to\":%3}")
                         .arg(jsonString(m.planId), jsonString(m.from.toString(Qt::ISODate)), jsonString(m.to.toString(Qt::ISODate)));
        json += QStringLiteral(",\"moved\":[%1]").arg(moves.join(QLatin1Char(',')));
    }
    return json + QLatin1Char('}');
}

QString hours(double h) { return QString::number(h, 'f', 1); }

void printTable(CliContext &ctx, const planning::CapacityPreview &table)
{
    if (table.isEmpty()) {
        ctx.out() << CliText::tr("No preventive work falls in this horizon.") << '\n';
        return;
    }
    QStringList names;
    for (const QString &name : table.territoryNames)
        names << (name.isEmpty() ? CliText::tr("(no territory)") : name);
    int nameWidth = int(CliText::tr("Total").size());
    for (const QString &name : names)
        nameWidth = std::max(nameWidth, int(name.size()));
    ctx.out() << CliText::tr("Week").leftJustified(10) << CliText::tr("Territory").leftJustified(nameWidth + 2) << CliText::tr("Demand h").rightJustified(10)
              << CliText::tr("Available h").rightJustified(13) << CliText::tr("Booked h").rightJustified(10) << '\n';
    const auto line = [&](const QString &week, const QString &where, const planning::CapacityCell &c) {
        ctx.out() << week.leftJustified(10) << where.leftJustified(nameWidth + 2) << hours(c.demandHours).rightJustified(10)
                  << hours(c.availableHours).rightJustified(13) << hours(c.bookedHours).rightJustified(10)
                  << (c.overloaded ? QStringLiteral("  ") + CliText::tr("OVERLOADED") : QString()) << '\n';
    };
    for (int w = 0; w < table.weeks.size(); ++w) {
        for (int t = 0; t < table.territoryIds.size(); ++t)
            line(table.weeks[w], names[t], table.cell(t, w));
        line(table.weeks[w], CliText::tr("Total"), table.totals[w]);
    }
}

void printMoves(CliContext &ctx, const QVector<planning::CapacityMove> &moved)
{
    ctx.out() << '\n' << CliText::tr("Levelling moved %n occurrence(s):", nullptr, count(moved.size())) << '\n';
    for (const planning::CapacityMove &m : moved)
        ctx.out() << "  " << CliText::tr("plan %1: %2 → %3").arg(m.planId, m.from.toString(Qt::ISODate), m.to.toString(Qt::ISODate)) << '\n';
}

} // namespace

int runCapacityPreview(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption horizonOpt(QStringLiteral("horizon-days"), CliText::tr("Preview the occurrences due in the next N days (0 … %1).").arg(kMaxHorizonDays),
                                        QStringLiteral("N"));
    const QCommandLineOption todayOpt(QStringLiteral("today"), CliText::tr("The horizon's first day (default: today, UTC)."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption levelOpt(QStringLiteral("level"), CliText::tr("Move occurrences within their allowed window to flatten overloaded weeks; "
                                                                  "show the levelled table and the moves."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the result as one JSON object."));
    parser.addOptions({horizonOpt, todayOpt, levelOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("capacity-preview"),
                   CliText::tr("Per ISO week and territory: the hours of the preventive work generate-pm would create against the\n"
                      "free hours of the technicians holding the skills (shifts less absences and bookings). Writes nothing."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("capacity-preview takes no arguments besides its options (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    const std::optional<int> days = ctx.requiredDays(parser, horizonOpt, kMaxHorizonDays, 91, code);
    if (!days)
        return code;
    const int horizon = *days;
    planning::CapacityReadOptions options;
    options.horizonDays = horizon;
    options.today = QDateTime::currentDateTimeUtc().date();
    if (parser.isSet(todayOpt)) {
        options.today = timefmt::parseDate(parser.value(todayOpt));
        if (!options.today.isValid())
            return ctx.invalid(CliText::tr("--today: \"%1\" is not a date (YYYY-MM-DD)").arg(parser.value(todayOpt)));
    }

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    const auto input = planning::readCapacityInput(*db, options);
    if (!input)
        return ctx.fail(input.error());
    const bool level = parser.isSet(levelOpt);
    const planning::CapacityLevelling result = level ? planning::levelCapacity(*input)
                                                     : planning::CapacityLevelling{planning::computeCapacity(*input), {}, {}};
    const planning::CapacityPreview &table = level ? result.after : result.before;
    if (parser.isSet(jsonOpt)) {
        ctx.out() << toJson(table, level ? &result.moved : nullptr) << '\n';
    } else {
        printTable(ctx, table);
        if (level)
            printMoves(ctx, result.moved);
    }
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
