// `fieldops-cli ingest FILE|- [--json]`: the field gateway's intake. One JSON event per
// line (the README's event format), read and checked by models/field and written by its
// FieldEventWriter in one transaction: the first bad line stops the batch, names itself
// as FILE:LINE: key: reason, and nothing is written. The next lines are parsed on a
// worker thread while the current ones are written (EventLineReader).
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "field/EventLineReader.h"
#include "field/FieldEvent.h"
#include "field/FieldEventWriter.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QFile>

#include <array>

namespace fieldops::cli {

namespace {

using namespace fieldops::field;


struct Tally {
    std::array<int, kEventKindCount> byKind{};
    int total = 0;
    QStringList warnings;
};

void printSummary(CliContext &ctx, const Tally &tally, bool json)
{
    if (json) {
        QStringList kinds, warnings;
        for (int k = 0; k < kEventKindCount; ++k)
            kinds << jsonString(kindName(EventKind(k))) + QLatin1Char(':') + QString::number(tally.byKind[size_t(k)]);
        for (const QString &w : tally.warnings)
            warnings << jsonString(w);
        ctx.out() << QStringLiteral("{\"ingested\":%1,\"by_kind\":{%2},\"warnings\":[%3]}")
                         .arg(tally.total)
                         .arg(kinds.join(QLatin1Char(',')), warnings.join(QLatin1Char(',')))
                  << Qt::endl;
        return;
    }
    QStringList parts;
    for (int k = 0; k < kEventKindCount; ++k)
        if (tally.byKind[size_t(k)] > 0)
            parts << QStringLiteral("%1 %2").arg(tally.byKind[size_t(k)]).arg(kindName(EventKind(k)));
    QString line = tally.total == 1 ? CliText::tr("ingested 1 event") : CliText::tr("ingested %1 events").arg(tally.total);
    if (!parts.isEmpty())
        line += QStringLiteral(": ") + parts.join(QStringLiteral(", "));
    ctx.out() << line << Qt::endl;
}

} // namespace

int runIngest(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), CliText::tr("File of events, one JSON object per line; - reads standard input."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print {\"ingested\":N,\"by_kind\":{…},\"warnings\":[…]}."));
    parser.addOption(jsonOpt);
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("ingest"),
                   CliText::tr("Take in the field gateway's events (position, status, outcome, time_entry, part_used, rating, reading, "
                      "delivered, read), "
                      "one JSON object per line, all or none. The first bad line is reported as FILE:LINE: key: reason "
                      "and nothing is written."),
                   code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.invalid(CliText::tr("ingest needs exactly one file, or - for standard input"));
    const QString name = parser.positionalArguments().first();

    QFile in;
    const bool opened = name == QLatin1String("-") ? in.open(stdin, QIODevice::ReadOnly) : (in.setFileName(name), in.open(QIODevice::ReadOnly));
    if (!opened)
        return ctx.invalid(CliText::tr("%1: cannot read: %2").arg(name, in.errorString()));

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    // One clock for the whole batch: what "the future" means for readings, and the time
    // of parts used.
    QDateTime now = QDateTime::currentDateTimeUtc();
    now = now.addMSecs(-now.time().msec());
    FieldEventWriter writer(*db, now);
    if (Status s = writer.begin(); !s)
        return ctx.fail(s.error());

    Tally tally;
    EventLineReader reader(in, now);
    for (std::vector<EventLine> chunk = reader.next(); !chunk.empty(); chunk = reader.next()) {
        for (const EventLine &line : chunk) {
            const QString where = QStringLiteral("%1:%2").arg(name).arg(line.lineNo);
            if (const EventIssue *issue = std::get_if<EventIssue>(&line.parsed))
                return ctx.refusedLine(where + QStringLiteral(": ") + issue->text());
            const ParsedLine &event = std::get<ParsedLine>(line.parsed);
            auto result = writer.write(event.event);
            if (!result) {
                Error e = result.error();
                e.message = where + QStringLiteral(": ") + e.message;
                return ctx.fail(e);
            }
            if (const auto &issue = *result)
                return ctx.refusedLine(where + QStringLiteral(": ") + issue->text());
            for (const QString &key : event.unknownKeys)
                tally.warnings << CliText::tr("%1: %2: unknown key, ignored").arg(where, key);
            ++tally.byKind[size_t(kindOf(event.event))];
            ++tally.total;
        }
    }
    if (in.error() != QFileDevice::NoError)
        return ctx.fail(Error::other(CliText::tr("%1: cannot read: %2").arg(name, in.errorString())));
    if (Status s = writer.commit(); !s)
        return ctx.fail(s.error());
    // Warnings only once the batch stands: a refused batch says one thing, its reason.
    for (const QString &w : tally.warnings)
        ctx.err() << CliText::tr("warning: %1").arg(w) << Qt::endl;
    printSummary(ctx, tally, parser.isSet(jsonOpt));
    return ExitOk;
}

} // namespace fieldops::cli
