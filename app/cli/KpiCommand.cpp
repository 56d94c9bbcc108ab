#include "CliContext.h"
#include "Commands.h"

#include "kpi/KpiCalculator.h"
#include "kpi/KpiLoader.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace fieldops::cli {

namespace {
QString formatValue(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 6) : QStringLiteral("—");
}
} // namespace

int runKpi(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), QCoreApplication::translate("cli", "first day of the period (YYYY-MM-DD)"), QStringLiteral("D"));
    const QCommandLineOption to(QStringLiteral("to"), QCoreApplication::translate("cli", "last day of the period, included (YYYY-MM-DD)"), QStringLiteral("D"));
    const QCommandLineOption tz(QStringLiteral("tz"), QCoreApplication::translate("cli", "time zone the days are counted in (IANA, default UTC)"), QStringLiteral("ZONE"), QStringLiteral("UTC"));
    const QCommandLineOption by(QStringLiteral("by"), QCoreApplication::translate("cli", "break down by: technician"), QStringLiteral("WHAT"));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("cli", "print JSON (INTERCHANGE §4)"));
    parser.addOptions({from, to, tz, by, json});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("kpi"),
                   QCoreApplication::translate("cli", "Key performance indicators for a period, overall or by technician."), code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(QCoreApplication::translate("cli", "kpi takes no positional arguments"));
    kpi::KpiPeriod period;
    period.from = timefmt::parseDate(parser.value(from));
    period.to = timefmt::parseDate(parser.value(to));
    if (!period.from.isValid())
        return ctx.invalid(QCoreApplication::translate("cli", "--from needs a date YYYY-MM-DD (got \"%1\")").arg(parser.value(from)));
    if (!period.to.isValid())
        return ctx.invalid(QCoreApplication::translate("cli", "--to needs a date YYYY-MM-DD (got \"%1\")").arg(parser.value(to)));
    if (period.to < period.from)
        return ctx.invalid(QCoreApplication::translate("cli", "--to is before --from"));
    period.zone = QTimeZone(parser.value(tz).toUtf8());
    if (!period.zone.isValid())
        return ctx.invalid(QCoreApplication::translate("cli", "unknown time zone \"%1\"").arg(parser.value(tz)));
    const bool byTechnician = parser.isSet(by);
    if (byTechnician && parser.value(by) != QLatin1String("technician"))
        return ctx.invalid(QCoreApplication::translate("cli", "--by supports only \"technician\""));

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto inputs = kpi::loadKpiInputs(*db, period);
    if (!inputs)
        return ctx.fail(inputs.error());
    const kpi::KpiReport report = kpi::computeKpis(*inputs);

    if (parser.isSet(json)) {
        QJsonObject root;
        if (byTechnician) {
            root.insert(QStringLiteral("by"), QStringLiteral("technician"));
            QJsonArray rows;
            for (const auto &row : report.byTechnician)
                rows.append(QJsonObject{{QStringLiteral("technician_id"), row.technicianId}, {QStringLiteral("kpis"), row.kpis.toJson()}});
            root.insert(QStringLiteral("rows"), rows);
        } else {
            root.insert(QStringLiteral("from"), period.from.toString(Qt::ISODate));
            root.insert(QStringLiteral("to"), period.to.toString(Qt::ISODate));
            root.insert(QStringLiteral("kpis"), report.overall.toJson());
        }
        ctx.out() << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << Qt::endl;
        return ExitOk;
    }
    ctx.out() << QCoreApplication::translate("cli", "KPIs %1 … %2 (%3)")
                     .arg(period.from.toString(Qt::ISODate), period.to.toString(Qt::ISODate), parser.value(tz))
              << '\n';
    if (byTechnician) {
        ctx.out() << QStringLiteral("technician").leftJustified(14);
        for (const QString &k : kpi::keys())
            ctx.out() << ' ' << k.left(12).rightJustified(12);
        ctx.out() << '\n';
        for (const auto &row : report.byTechnician) {
            ctx.out() << row.technicianId.leftJustified(14);
            for (const QString &k : kpi::keys())
                ctx.out() << ' ' << formatValue(row.kpis.value(k)).rightJustified(12);
            ctx.out() << '\n';
        }
    } else {
        for (const QString &k : kpi::keys())
            ctx.out() << "  " << k.leftJustified(26) << formatValue(report.overall.value(k)) << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
