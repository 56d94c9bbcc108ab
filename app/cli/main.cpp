// fieldops-cli: init, seed-demo, import, export, conflicts, kpi … against the same
// models the console uses. `fieldops-cli [--db URL] COMMAND [options]`.
#include "CliContext.h"
#include "Commands.h"
#include "util/Translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <memory>

using namespace fieldops::cli;

namespace fieldops::cli {
const Command *commands(int &count)
{
    static const Command list[] = {
        {"init", QT_TRANSLATE_NOOP("cli", "create or migrate the schema"), runInit},
        {"seed-demo", QT_TRANSLATE_NOOP("cli", "fill the database with a deterministic demo operation"), runSeedDemo},
        {"import", QT_TRANSLATE_NOOP("cli", "import a directory of CSV files (all or nothing)"), runImport},
        {"export", QT_TRANSLATE_NOOP("cli", "export every entity as CSV files into a directory"), runExport},
        {"conflicts", QT_TRANSLATE_NOOP("cli", "check the schedule's rules (overlap, travel, shift, absence, skill, window, SLA)"), runConflicts},
        {"kpi", QT_TRANSLATE_NOOP("cli", "key performance indicators for a period (--from D --to D [--by technician] [--json])"), runKpi},
        {"work-order", QT_TRANSLATE_NOOP("cli", "open, change or cancel a work order (create | update ID | cancel ID --reason TEXT; JSON on stdin)"), runWorkOrder},
        {"generate-pm", QT_TRANSLATE_NOOP("cli", "create the preventive work orders the maintenance plans call for (--horizon-days N [--dry-run] [--json])"), runGeneratePm},
        {"capacity-preview", QT_TRANSLATE_NOOP("cli", "hours of the preventive work to come against the technicians' free hours, per week and territory (--horizon-days N [--level] [--json])"), runCapacityPreview},
        {"suggest", QT_TRANSLATE_NOOP("cli", "rank feasible technicians and start times for a work order (WORK_ORDER_ID [--top K] [--from T] [--days N] [--json])"), runSuggest},
        {"optimize", QT_TRANSLATE_NOOP("cli", "plan a day's unassigned work orders around the booked visits, every new visit checked by the rules (--date D [--territory T] [--time-limit S] [--json] [--apply])"), runOptimize},
        {"durations", QT_TRANSLATE_NOOP("cli", "how well predicted visit durations do on a month they never saw, beside the plain estimates (--holdout-month YYYY-MM [--json])"), runDurations},
        {"repair", QT_TRANSLATE_NOOP("cli", "absorb a change of the day with the fewest moves, options with their cost (--date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M | --urgent WO) [--json] [--apply [--option N]])"), runRepair},
        {"travel-speeds", QT_TRANSLATE_NOOP("cli", "the travel speed factor each territory's recorded drives teach, and whether planning uses it ([--date D] [--json])"), runTravelSpeeds},
        {"time-entries", QT_TRANSLATE_NOOP("cli", "review the technicians' time: list with flags, approve, correct (--from D --to D [--technician T] [--json] | approve ID… | correct ID --start T --end T [--billable 0|1] [--comment C] [--version V])"), runTimeEntries},
        {"billing", QT_TRANSLATE_NOOP("cli", "approved time and parts per customer and contract with the contracts' terms, as CSV and PDF (--from D --to D --out DIR [--json])"), runBilling},
        {"stock", QT_TRANSLATE_NOOP("cli", "the parts on hand per warehouse and technician's van, with their reorder points ([--location L] [--json])"), runStock},
        {"reorder", QT_TRANSLATE_NOOP("cli", "the parts below their reorder point at each location, and by how much ([--json])"), runReorder},
        {"transfer", QT_TRANSLATE_NOOP("cli", "move stock of a part between warehouses and vans, refused when the source lacks it (--sku S --from L --to L --quantity Q [--json])"), runTransfer},
        {"ingest", QT_TRANSLATE_NOOP("cli", "take in the field gateway's events, one JSON object per line, all or nothing (FILE|- [--json])"), runIngest},
        {"infer-arrivals", QT_TRANSLATE_NOOP("cli", "infer the visits' arrival and departure from the technicians' positions and list where the status taps disagree (--date D [--radius M] [--dwell MIN] [--tolerance MIN] [--dry-run] [--json])"), runInferArrivals},
        {"prune-readings", QT_TRANSLATE_NOOP("cli", "remove raw asset readings older than the retention, keeping their hourly sums ([--keep-days N] [--dry-run] [--json])"), runPruneReadings},
        {"prune-outbox", QT_TRANSLATE_NOOP("cli", "remove the technicians' outbox notices read more than N days ago (--older-than-days N [--json])"), runPruneOutbox},
        {"evaluate-conditions", QT_TRANSLATE_NOOP("cli", "evaluate the condition rules on the assets' readings: open, continue or clear episodes and open their work orders ([--dry-run] [--json] [--at ISO-TIME])"), runEvaluateConditions},
        {"condition-rule", QT_TRANSLATE_NOOP("cli", "condition rules on asset readings: create (one JSON object on stdin), update ID [FILE], deactivate ID, activate ID, list [--json]"), runConditionRule},
        {"simulate", QT_TRANSLATE_NOOP("cli", "play the technicians' phones live (--speed X --duration S --seed N)"), runSimulate},
        {"user", QT_TRANSLATE_NOOP("cli", "PostgreSQL logins in FieldOps roles (admins): add, list, set-role, set-territories, disable, enable"), runUser},
    };
    count = int(sizeof(list) / sizeof(list[0]));
    return list;
}
} // namespace fieldops::cli

static void printUsage(CliContext &ctx)
{
    ctx.out() << "Usage: fieldops-cli [--db URL] [--verbose] COMMAND [options]\n\n"
              << QCoreApplication::translate("cli", "Database URL: sqlite:///abs/path.db or postgresql://user[:password]@host:port/db[?sslmode=…]\n"
                                                    "(default: FIELDOPS_DB, else the console's own SQLite file).\n")
              << QCoreApplication::translate("cli", "--verbose: after an error's one line, the database driver's own text.\n\nCommands:\n");
    int n = 0;
    const Command *cmds = commands(n);
    for (int i = 0; i < n; ++i)
        ctx.out() << "  " << QString::fromLatin1(cmds[i].name).leftJustified(16) << ' '
                  << QCoreApplication::translate("cli", cmds[i].summary) << '\n';
    ctx.out() << '\n' << QCoreApplication::translate("cli", "`fieldops-cli COMMAND --help` describes each command.") << Qt::endl;
}

// The command named on the line, past --db and its URL (and --verbose).
static QByteArray commandName(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--db")
            ++i;
        else if (!a.startsWith("--db=") && a != "--verbose")
            return a;
    }
    return {};
}

int main(int argc, char **argv)
{
    // billing lays its PDF out with QTextDocument, whose fonts need a QGuiApplication:
    // offscreen, as the CLI runs without a display.
    std::unique_ptr<QCoreApplication> application;
    if (commandName(argc, argv) == "billing") {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Its start-up notices (no XDG_RUNTIME_DIR on a server) are no problem of the
        // command's and stay off standard error, which carries one line per problem.
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
        application = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(previous);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("fieldops"));
    QCoreApplication::setOrganizationName(QStringLiteral("FieldOps"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIELDOPS_VERSION));
    fieldops::installTranslations(app);
    CliContext ctx;

    QStringList args = app.arguments().mid(1);
    ctx.dbUrlText = qEnvironmentVariable("FIELDOPS_DB");
    // --db and --verbose may stand anywhere on the line.
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--verbose")) {
            ctx.verbose = true;
            args.remove(i);
            --i;
        } else if (args[i] == QLatin1String("--db")) {
            if (i + 1 >= args.size())
                return ctx.invalid(QCoreApplication::translate("cli", "--db needs a URL"));
            ctx.dbUrlText = args[i + 1];
            args.remove(i, 2);
            --i;
        } else if (args[i].startsWith(QLatin1String("--db="))) {
            ctx.dbUrlText = args[i].mid(5);
            args.remove(i);
            --i;
        }
    }
    // Standard error is the contract's one line per problem: the models' diagnostic logs
    // (driver text, SQL) stay out of it unless FIELDOPS_LOG asks for them, and so do the
    // SQL drivers' own warnings (a dropped connection makes QPSQL complain about every
    // statement it frees) unless --verbose does.
    if (!qEnvironmentVariableIsEmpty("FIELDOPS_LOG"))
        QLoggingCategory::setFilterRules(qEnvironmentVariable("FIELDOPS_LOG"));
    else if (ctx.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("fieldops.*=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("fieldops.*=false\ndefault.warning=false"));
    if (ctx.dbUrlText.isEmpty())
        ctx.dbUrlText = QStringLiteral("sqlite://") + fieldops::DatabaseUrl::defaultSqlitePath();

    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        printUsage(ctx);
        return args.isEmpty() ? ExitInvalid : ExitOk;
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v")) {
        ctx.out() << "fieldops-cli " << FIELDOPS_VERSION << Qt::endl;
        return ExitOk;
    }
    int n = 0;
    const Command *cmds = commands(n);
    const QString name = args.takeFirst();
    for (int i = 0; i < n; ++i) {
        if (name == QLatin1String(cmds[i].name))
            return cmds[i].run(ctx, args);
    }
    return ctx.invalid(QCoreApplication::translate("cli", "unknown command \"%1\" (see fieldops-cli --help)").arg(name));
}
