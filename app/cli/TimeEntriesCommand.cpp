// `fieldops-cli time-entries`: the review of the technicians' time before billing.
//   time-entries --from D --to D [--technician T] [--json]   the entries with state and flags
//   time-entries approve ID…                                  pending entries approved as entered
//   time-entries correct ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]
#include "CliContext.h"
#include "CliPeriod.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "billing/TimeEntryLoader.h"
#include "billing/TimeEntryReview.h"
#include "util/TimeFormat.h"

#include <utility>

namespace fieldops::cli {

namespace {

std::optional<qint64> entryId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.trimmed().toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

// A refused review: an unknown entry or a stale version is the caller's input (exit 2).
int refused(CliContext &ctx, const Error &e)
{
    if (e.kind == Error::Kind::NotFound || e.kind == Error::Kind::StaleVersion)
        return ctx.invalid(e.message);
    return ctx.fail(e);
}

QString listJson(const billing::TimeEntryListing &l)
{
    QStringList rows;
    for (const billing::TimeEntry &e : l.entries) {
        QStringList codes, reasons;
        if (auto f = l.flags.find(e.id); f != l.flags.end()) {
            for (const billing::Flag &flag : f->second) {
                if (!codes.contains(jsonString(billing::flagCode(flag.kind))))
                    codes << jsonString(billing::flagCode(flag.kind));
                reasons << jsonString(billing::flagText(flag));
            }
        }
        rows << QStringLiteral("{\"id\":%1,\"technician_id\":%2,\"work_order_id\":%3,\"start\":%4,\"end\":%5,\"hours\":%6,"
                               "\"activity\":%7,\"billable\":%8,\"comment\":%9,")
                        .arg(QString::number(e.id), jsonString(e.technicianId), jsonString(e.workOrderId), jsonString(timefmt::toIsoUtc(e.start)),
                             jsonString(timefmt::toIsoUtc(e.end)), jsonNumber(e.hours()), jsonString(e.activity),
                             e.billable ? QStringLiteral("true") : QStringLiteral("false"), jsonString(e.comment))
                    + QStringLiteral("\"review_state\":%1,\"version\":%2,\"flags\":[%3],\"reasons\":[%4]}")
                          .arg(jsonString(e.reviewState))
                          .arg(e.version)
                          .arg(codes.join(QLatin1Char(',')), reasons.join(QLatin1Char(',')));
    }
    return QStringLiteral("{\"entries\":[%1]}\n").arg(rows.join(QLatin1Char(',')));
}

QString listText(const billing::TimeEntryListing &l)
{
    QString out;
    int flagged = 0;
    for (const billing::TimeEntry &e : l.entries) {
        QStringList reasons;
        if (auto f = l.flags.find(e.id); f != l.flags.end()) {
            ++flagged;
            for (const billing::Flag &flag : f->second)
                reasons << billing::flagText(flag);
        }
        out += QStringLiteral("%1  %2  %3  %4 – %5  %6 h  %7  %8  %9  v%10\n")
                   .arg(QString::number(e.id).rightJustified(6), e.technicianId, e.workOrderId, timefmt::toIsoUtc(e.start),
                        timefmt::toIsoUtc(e.end), QString::number(e.hours(), 'f', 2), e.activity,
                        e.billable ? CliText::tr("billable") : CliText::tr("not billable"), e.reviewState)
                   .arg(e.version);
        if (!e.comment.isEmpty())
            out += QStringLiteral("        %1\n").arg(e.comment);
        for (const QString &r : reasons)
            out += QStringLiteral("        ! %1\n").arg(r);
    }
    out += CliText::tr("Entries: %1, flagged: %2.\n").arg(l.entries.size()).arg(flagged);
    return out;
}

int runList(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOpt(QStringLiteral("from"), CliText::tr("First day (YYYY-MM-DD, UTC) of the entries' starts."), QStringLiteral("D"));
    const QCommandLineOption toOpt(QStringLiteral("to"), CliText::tr("Last day (YYYY-MM-DD, UTC)."), QStringLiteral("D"));
    const QCommandLineOption techOpt(QStringLiteral("technician"), CliText::tr("Only this technician's entries."), QStringLiteral("T"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the entries as one JSON object."));
    parser.addOptions({fromOpt, toOpt, techOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("time-entries"),
                   CliText::tr("List the time entries of a period with their review state and flags (overlap, outside_visit,\n"
                      "gps_mismatch, no_comment). `time-entries approve ID…` approves pending entries as entered; `time-entries correct\n"
                      "ID [--start T] [--end T] [--billable 0|1] [--comment C] [--version V]` corrects one (the audit log\n"
                      "keeps the values it replaces)."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("time-entries: unknown action \"%1\" (approve or correct)").arg(parser.positionalArguments().first()));
    if (!parser.isSet(fromOpt) || !parser.isSet(toOpt))
        return ctx.invalid(CliText::tr("time-entries needs --from and --to, e.g. fieldops-cli time-entries --from 2026-03-01 --to 2026-03-31"));
    QDate from, to;
    if (!readPeriod(ctx, parser, fromOpt, toOpt, from, to, code))
        return code;
    const QString technician = parser.value(techOpt).trimmed();
    if (parser.isSet(techOpt) && technician.isEmpty())
        return ctx.invalid(CliText::tr("--technician needs a technician id"));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    if (!technician.isEmpty()) {
        auto known = db->scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = ?"), {technician});
        if (!known)
            return ctx.fail(known.error());
        if (known->toInt() == 0)
            return ctx.invalid(CliText::tr("--technician: no technician %1").arg(technician));
    }
    auto listing = billing::TimeEntryLoader(*db).load(from, to, technician);
    if (!listing)
        return ctx.fail(listing.error());
    ctx.out() << (parser.isSet(jsonOpt) ? listJson(*listing) : listText(*listing));
    ctx.out().flush();
    return ExitOk;
}

int runApprove(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), CliText::tr("Time entries to approve."), QStringLiteral("ID…"));
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("time-entries approve"),
                   CliText::tr("Approve pending time entries as they were entered, in one transaction. Entries already reviewed\n"
                      "are left as they are."),
                   code))
        return code;
    if (parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("time-entries approve needs at least one entry id"));
    QList<qint64> ids;
    for (const QString &a : parser.positionalArguments()) {
        const auto id = entryId(a);
        if (!id)
            return ctx.invalid(CliText::tr("\"%1\" is not a time entry id").arg(a));
        ids << *id;
    }
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto done = billing::TimeEntryReview(*db, QDateTime::currentDateTimeUtc()).approve(ids);
    if (!done)
        return refused(ctx, done.error());
    auto join = [](const QList<qint64> &l) {
        QStringList s;
        for (qint64 id : l)
            s << QString::number(id);
        return s.join(QStringLiteral(", "));
    };
    ctx.out() << CliText::tr("Approved: %1.").arg(done->approved.isEmpty() ? CliText::tr("none") : join(done->approved)) << '\n';
    if (!done->alreadyReviewed.isEmpty())
        ctx.out() << CliText::tr("Already reviewed, left as they are: %1.").arg(join(done->alreadyReviewed)) << '\n';
    ctx.out().flush();
    return ExitOk;
}

int runCorrect(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), CliText::tr("The time entry to correct."));
    const QCommandLineOption startOpt(QStringLiteral("start"), CliText::tr("New start (ISO 8601 with offset or Z)."), QStringLiteral("T"));
    const QCommandLineOption endOpt(QStringLiteral("end"), CliText::tr("New end (ISO 8601 with offset or Z)."), QStringLiteral("T"));
    const QCommandLineOption billableOpt(QStringLiteral("billable"), CliText::tr("1 billable, 0 not."), QStringLiteral("0|1"));
    const QCommandLineOption commentOpt(QStringLiteral("comment"), CliText::tr("What was done."), QStringLiteral("C"));
    const QCommandLineOption versionOpt(QStringLiteral("version"), CliText::tr("The version the entry was read at; refused if it moved on."),
                                        QStringLiteral("V"));
    parser.addOptions({startOpt, endOpt, billableOpt, commentOpt, versionOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("time-entries correct"),
                   CliText::tr("Correct a time entry: it becomes corrected and is billed as corrected; the audit log keeps the\n"
                      "values it replaces. With --version, an entry changed since that version is refused."),
                   code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.invalid(CliText::tr("time-entries correct needs exactly one entry id"));
    const auto id = entryId(parser.positionalArguments().first());
    if (!id)
        return ctx.invalid(CliText::tr("\"%1\" is not a time entry id").arg(parser.positionalArguments().first()));
    billing::Correction c;
    c.id = *id;
    for (const auto &[opt, target] : {std::pair{&startOpt, &c.start}, std::pair{&endOpt, &c.end}}) {
        if (!parser.isSet(*opt))
            continue;
        const QDateTime t = timefmt::parseIsoWithOffset(parser.value(*opt).trimmed());
        if (!t.isValid())
            return ctx.invalid(CliText::tr("--%1: \"%2\" is not a time with an offset, e.g. 2026-03-02T09:00:00Z").arg(opt->names().first(), parser.value(*opt)));
        *target = t.toUTC();
    }
    if (parser.isSet(billableOpt)) {
        const QString b = parser.value(billableOpt).trimmed();
        if (b != QLatin1String("0") && b != QLatin1String("1"))
            return ctx.invalid(CliText::tr("--billable: \"%1\" is not 0 or 1").arg(parser.value(billableOpt)));
        c.billable = b == QLatin1String("1");
    }
    if (parser.isSet(commentOpt))
        c.comment = parser.value(commentOpt);
    if (parser.isSet(versionOpt)) {
        bool ok = false;
        const int v = parser.value(versionOpt).trimmed().toInt(&ok);
        if (!ok || v < 1)
            return ctx.invalid(CliText::tr("--version: \"%1\" is not a version number").arg(parser.value(versionOpt)));
        c.expectedVersion = v;
    }
    if (!c.start && !c.end && !c.billable && !c.comment)
        return ctx.invalid(CliText::tr("time-entries correct needs at least one of --start, --end, --billable, --comment"));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto version = billing::TimeEntryReview(*db, QDateTime::currentDateTimeUtc()).correct(c);
    if (!version)
        return refused(ctx, version.error());
    ctx.out() << CliText::tr("Corrected time entry %1; now at version %2.").arg(c.id).arg(*version) << Qt::endl;
    return ExitOk;
}

} // namespace

int runTimeEntries(CliContext &ctx, const QStringList &args)
{
    if (!args.isEmpty() && args.first() == QLatin1String("approve"))
        return runApprove(ctx, args.mid(1));
    if (!args.isEmpty() && args.first() == QLatin1String("correct"))
        return runCorrect(ctx, args.mid(1));
    return runList(ctx, args);
}

} // namespace fieldops::cli
