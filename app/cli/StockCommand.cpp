// `fieldops-cli stock [--location L] [--json]`, `fieldops-cli reorder [--json]` and
// `fieldops-cli transfer --sku S --from L --to L --quantity Q [--json]`: the parts on hand
// per warehouse and van, the parts below their reorder point, and a move of stock between
// two locations (models/parts/StockRepository: both ends and the record in one transaction,
// refused with nothing written when the source lacks the quantity).
#include "CliContext.h"
#include "TextTable.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "parts/StockRepository.h"

#include <cmath>

namespace fieldops::cli {

namespace {

bool noArguments(CliContext &ctx, const QCommandLineParser &parser, const QString &command, int &code)
{
    if (parser.positionalArguments().isEmpty())
        return true;
    code = ctx.invalid(CliText::tr("%1 takes no arguments besides its options (got \"%2\")").arg(command, parser.positionalArguments().join(QLatin1Char(' '))));
    return false;
}

} // namespace

int runStock(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption locationOpt(QStringLiteral("location"), CliText::tr("Only this location (warehouse:NAME or van:TECHNICIAN)."),
                                         QStringLiteral("L"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the stock as one JSON object."));
    parser.addOptions({locationOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("stock"),
                   CliText::tr("The parts on hand at every warehouse and technician's van (van:TECHNICIAN), what of them is\n"
                               "reserved for work orders still to be done, what is available, and each part's reorder point there."),
                   code))
        return code;
    if (!noArguments(ctx, parser, QStringLiteral("stock"), code))
        return code;
    const QString location = parser.value(locationOpt).trimmed();
    if (parser.isSet(locationOpt) && !parts::isLocationText(location))
        return ctx.invalid(CliText::tr("--location: \"%1\" is no location: write warehouse:NAME or van:TECHNICIAN").arg(parser.value(locationOpt)));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto levels = parts::StockRepository(*db).stock(location);
    if (!levels)
        return ctx.fail(levels.error());
    if (parser.isSet(jsonOpt)) {
        QStringList rows;
        for (const parts::StockLevel &l : *levels)
            rows << QStringLiteral("{\"location\":%1,\"sku\":%2,\"name\":%3,\"quantity\":%4,\"reserved\":%5,\"available\":%6,\"min_quantity\":%7}")
                        .arg(jsonString(l.location), jsonString(l.sku), jsonString(l.name), jsonNumber(l.quantity), jsonNumber(l.reserved),
                             jsonNumber(l.available()), jsonNumber(l.minQuantity));
        ctx.out() << QStringLiteral("{\"stock\":[%1]}").arg(rows.join(QLatin1Char(','))) << '\n';
    } else if (levels->empty()) {
        ctx.out() << (location.isEmpty() ? CliText::tr("No stock anywhere.") : CliText::tr("No stock at %1.").arg(location)) << '\n';
    } else {
        std::vector<QStringList> rows{{CliText::tr("LOCATION"), CliText::tr("SKU"), CliText::tr("QUANTITY"), CliText::tr("RESERVED"),
                                       CliText::tr("AVAILABLE"), CliText::tr("MINIMUM"), CliText::tr("NAME")}};
        for (const parts::StockLevel &l : *levels)
            rows.push_back({l.location, l.sku, parts::quantityText(l.quantity), parts::quantityText(l.reserved), parts::quantityText(l.available()),
                            parts::quantityText(l.minQuantity), l.name});
        ctx.out() << textTable(rows);
    }
    ctx.out().flush();
    return ExitOk;
}

int runReorder(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the list as one JSON object."));
    parser.addOptions({jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("reorder"),
                   CliText::tr("The parts whose available quantity (on hand less reserved) is below their reorder point at each\n"
                               "location, with how many are missing to reach it."),
                   code))
        return code;
    if (!noArguments(ctx, parser, QStringLiteral("reorder"), code))
        return code;
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto lines = parts::StockRepository(*db).reorderList();
    if (!lines)
        return ctx.fail(lines.error());
    if (parser.isSet(jsonOpt)) {
        QStringList rows;
        for (const parts::ReorderLine &l : *lines)
            rows << QStringLiteral("{\"location\":%1,\"sku\":%2,\"name\":%3,\"quantity\":%4,\"reserved\":%5,\"available\":%6,"
                                   "\"min_quantity\":%7,\"shortfall\":%8}")
                        .arg(jsonString(l.location), jsonString(l.sku), jsonString(l.name), jsonNumber(l.quantity), jsonNumber(l.reserved),
                             jsonNumber(l.available()), jsonNumber(l.minQuantity), jsonNumber(l.shortfall()));
        ctx.out() << QStringLiteral("{\"reorder\":[%1]}").arg(rows.join(QLatin1Char(','))) << '\n';
    } else if (lines->empty()) {
        ctx.out() << CliText::tr("Nothing is below its reorder point.") << '\n';
    } else {
        std::vector<QStringList> rows{{CliText::tr("LOCATION"), CliText::tr("SKU"), CliText::tr("QUANTITY"), CliText::tr("RESERVED"),
                                       CliText::tr("AVAILABLE"), CliText::tr("MINIMUM"), CliText::tr("SHORT"), CliText::tr("NAME")}};
        for (const parts::ReorderLine &l : *lines)
            rows.push_back({l.location, l.sku, parts::quantityText(l.quantity), parts::quantityText(l.reserved), parts::quantityText(l.available()),
                            parts::quantityText(l.minQuantity), parts::quantityText(l.shortfall()), l.name});
        ctx.out() << textTable(rows);
    }
    ctx.out().flush();
    return ExitOk;
}

int runTransfer(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption skuOpt(QStringLiteral("sku"), CliText::tr("The part to move."), QStringLiteral("S"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), CliText::tr("Where it is taken from (warehouse:NAME or van:TECHNICIAN)."), QStringLiteral("L"));
    const QCommandLineOption toOpt(QStringLiteral("to"), CliText::tr("Where it goes (warehouse:NAME or van:TECHNICIAN)."), QStringLiteral("L"));
    const QCommandLineOption quantityOpt(QStringLiteral("quantity"), CliText::tr("How many (more than 0)."), QStringLiteral("Q"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the transfer as one JSON object."));
    parser.addOptions({skuOpt, fromOpt, toOpt, quantityOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("transfer"),
                   CliText::tr("Move stock of a part from one location to another: both locations and the transfer's record\n"
                               "are written together, or nothing when the source holds fewer than the quantity."),
                   code))
        return code;
    if (!noArguments(ctx, parser, QStringLiteral("transfer"), code))
        return code;
    for (const QCommandLineOption *required : {&skuOpt, &fromOpt, &toOpt, &quantityOpt}) {
        if (!parser.isSet(*required) || parser.value(*required).trimmed().isEmpty())
            return ctx.invalid(CliText::tr("transfer needs --%1, e.g. fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2")
                                   .arg(required->names().constFirst()));
    }
    bool ok = false;
    const double quantity = parser.value(quantityOpt).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(quantity) || quantity <= 0)
        return ctx.invalid(CliText::tr("--quantity: \"%1\" is not a number greater than 0").arg(parser.value(quantityOpt)));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    const parts::TransferRequest request{parser.value(skuOpt).trimmed(), parser.value(fromOpt).trimmed(), parser.value(toOpt).trimmed(), quantity};
    auto done = parts::StockRepository(*db).transfer(request);
    if (!done)
        return ctx.fail(done.error());
    if (parser.isSet(jsonOpt)) {
        ctx.out() << QStringLiteral("{\"id\":%1,\"sku\":%2,\"from\":%3,\"to\":%4,\"quantity\":%5,\"from_quantity\":%6,\"to_quantity\":%7}")
                         .arg(done->id)
                         .arg(jsonString(request.sku), jsonString(request.from), jsonString(request.to), jsonNumber(quantity),
                              jsonNumber(done->fromQuantity), jsonNumber(done->toQuantity))
                  << '\n';
    } else {
        ctx.out() << CliText::tr("Moved %1 × %2 from %3 to %4: %5 left there, %6 now at %4.")
                         .arg(parts::quantityText(quantity), request.sku, request.from, request.to, parts::quantityText(done->fromQuantity),
                              parts::quantityText(done->toQuantity))
                  << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
