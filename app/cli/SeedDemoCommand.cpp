#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"

#include "demo/DemoSeeder.h"
#include "storage/Migrator.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace fieldops::cli {

namespace {

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(fileno(stderr));
#else
    return false;
#endif
}

// Strict whole numbers: "12abc" or "" is an error, not 12 or 0.
bool parseCount(const QString &text, int &out)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (ok)
        out = v;
    return ok;
}

QString summaryParagraph(const DemoSummary &s, const DemoOptions &o, double seconds)
{
    const QLocale c = QLocale::c();
    auto n = [&](qint64 v) { return c.toString(v); };
    return CliText::tr("Seeded a demo field-service operation in São Paulo (America/Sao_Paulo) for %1 at %2 with seed %3: "
              "%4 technicians in 6 territories with %5 absences; %6 customers with %7 sites, %8 assets, "
              "%9 maintenance contracts and %10 preventive plans; %11 days of history and %12 days ahead with "
              "%13 work orders (%14 open in the dispatch queue), %15 appointments, %16 ratings and %17 time "
              "entries; %18 technician positions today. %19 rows written in %20 s.")
        .arg(s.today.toString(Qt::ISODate), o.nowLocal.toString(QStringLiteral("HH:mm")), QString::number(o.seed),
             n(s.technicians), n(s.absences), n(s.customers), n(s.sites), n(s.assets), n(s.contracts))
        .arg(n(s.plans), QString::number(o.days), QString::number(o.futureDays), n(s.workOrders), n(s.openWorkOrders),
             n(s.appointments), n(s.ratings), n(s.timeEntries), n(s.positions))
        .arg(n(s.rows), QString::number(seconds, 'f', 1));
}

} // namespace

int runSeedDemo(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const DemoOptions defaults;
    const QCommandLineOption technicians(QStringLiteral("technicians"),
                                         CliText::tr("number of technicians, 1–5000 (default %1)").arg(defaults.technicians),
                                         QStringLiteral("N"));
    const QCommandLineOption days(QStringLiteral("days"),
                                  CliText::tr("days of history before today, 0–3650 (default %1)").arg(defaults.days),
                                  QStringLiteral("D"));
    const QCommandLineOption futureDays(QStringLiteral("future-days"),
                                        CliText::tr("days of planned schedule and queue after today, 0–60 (default %1)").arg(defaults.futureDays),
                                        QStringLiteral("F"));
    const QCommandLineOption customers(QStringLiteral("customers"),
                                       CliText::tr("number of customers, 1–200000 (default %1)").arg(defaults.customers),
                                       QStringLiteral("C"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  CliText::tr("random seed, 0–4294967295 (default %1): the same seed and --today give the same data").arg(defaults.seed),
                                  QStringLiteral("S"));
    const QCommandLineOption today(QStringLiteral("today"), CliText::tr("the demo's today (default: the current date)"),
                                   QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption now(QStringLiteral("now"),
                                 CliText::tr("the demo's current time on that day, São Paulo time (default 10:00)"),
                                 QStringLiteral("HH:MM"));
    parser.addOptions({technicians, days, futureDays, customers, seed, today, now});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("seed-demo"),
                   CliText::tr("Fill an empty database with a deterministic demo operation in São Paulo: technicians, customers, "
                      "sites, assets, contracts and preventive plans, the history of visits (so every KPI has values), "
                      "today's and the next days' schedule and queue, and today's technician positions. One transaction: "
                      "all or nothing.\n\nThe schema is created first if the database has none. A database that already "
                      "holds technicians, customers or work orders is refused (exit 1): there is no --force, start from "
                      "an empty database instead.\nExit status: 0 seeded, 2 invalid option, 1 database not empty or "
                      "other failure."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("seed-demo takes no arguments (see fieldops-cli seed-demo --help)"));

    DemoOptions options;
    if (parser.isSet(technicians) && !parseCount(parser.value(technicians), options.technicians))
        return ctx.invalid(CliText::tr("--technicians needs a whole number, not \"%1\"").arg(parser.value(technicians)));
    if (parser.isSet(days) && !parseCount(parser.value(days), options.days))
        return ctx.invalid(CliText::tr("--days needs a whole number, not \"%1\"").arg(parser.value(days)));
    if (parser.isSet(futureDays) && !parseCount(parser.value(futureDays), options.futureDays))
        return ctx.invalid(CliText::tr("--future-days needs a whole number, not \"%1\"").arg(parser.value(futureDays)));
    if (parser.isSet(customers) && !parseCount(parser.value(customers), options.customers))
        return ctx.invalid(CliText::tr("--customers needs a whole number, not \"%1\"").arg(parser.value(customers)));
    if (parser.isSet(seed)) {
        bool ok = false;
        options.seed = parser.value(seed).toUInt(&ok);
        if (!ok)
            return ctx.invalid(CliText::tr("--seed needs a whole number from 0 to 4294967295, not \"%1\"").arg(parser.value(seed)));
    }
    if (parser.isSet(today)) {
        options.today = timefmt::parseDate(parser.value(today));
        if (!options.today.isValid())
            return ctx.invalid(CliText::tr("--today needs a date as YYYY-MM-DD, not \"%1\"").arg(parser.value(today)));
    }
    if (parser.isSet(now)) {
        const auto clock = timefmt::parseClock(parser.value(now));
        if (!clock)
            return ctx.invalid(CliText::tr("--now needs a clock time as HH:MM, not \"%1\"").arg(parser.value(now)));
        options.nowLocal = QTime(clock->hour(), clock->minute());
    }
    if (Status s = DemoSeeder::validate(options); !s)
        return ctx.fail(s.error());
    if (!options.today.isValid())
        options.today = QDate::currentDate();

    auto db = ctx.openDatabase(code, /*allowEmpty=*/true);
    if (!db)
        return code;
    if (auto v = Migrator(*db).migrate(); !v)
        return ctx.fail(v.error());

    const bool showProgress = stderrIsTerminal();
    QString lastStage;
    QElapsedTimer timer;
    timer.start();
    DemoSeeder seeder(*db);
    auto summary = seeder.seed(options, [&](int percent, const QString &stage) {
        if (showProgress && (stage != lastStage || percent % 10 == 0)) {
            ctx.err() << QStringLiteral("\r%1 %2%").arg(stage).arg(percent, 3) << Qt::flush;
            lastStage = stage;
        }
        return true;
    });
    if (showProgress)
        ctx.err() << '\n' << Qt::flush;
    if (!summary)
        return ctx.fail(summary.error());
    ctx.out() << summaryParagraph(*summary, options, timer.elapsed() / 1000.0) << Qt::endl;
    return ExitOk;
}

} // namespace fieldops::cli
