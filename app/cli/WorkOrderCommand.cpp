// `fieldops-cli work-order create|update ID|cancel ID --reason TEXT`: how a CRM or a
// helpdesk opens and follows jobs. The object on standard input has the work_orders.csv
// columns as keys; the checks, the SLA and the writes are the intake form's own
// (models/workorders), so both refuse and accept the same work orders.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"

#include "audit/LostRaceExplainer.h"
#include "records/RecordEdit.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"
#include "workorders/WorkOrderIntake.h"
#include "workorders/WorkOrderJson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fieldops::cli {

namespace {

using namespace fieldops::workorders;


// One line for the caller: the first problem, and how many more there are.
int refuse(CliContext &ctx, const FieldIssues &issues)
{
    QString line = issues.front().text();
    if (issues.size() > 1)
        line += CliText::tr(" (and %1 more)").arg(issues.size() - 1);
    return ctx.invalid(line);
}

bool readObject(CliContext &ctx, QJsonObject &object, WorkOrderDraft &draft, WorkOrderJson &seen, int &code)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        code = ctx.fail(Error::other(CliText::tr("cannot read standard input")));
        return false;
    }
    if (auto issue = parseJsonObject(in.readAll(), object)) {
        code = ctx.invalid(issue->text());
        return false;
    }
    if (auto issue = applyJson(object, draft, seen)) {
        code = ctx.invalid(issue->text());
        return false;
    }
    for (const QString &key : seen.unknown)
        ctx.err() << CliText::tr("warning: %1: not a work-order field; ignored").arg(key) << Qt::endl;
    return true;
}

// An unknown work order is the caller's mistake (exit 2); anything else is a failure.
int refuseLoad(CliContext &ctx, const Error &e)
{
    return e.kind == Error::Kind::NotFound ? ctx.invalid(e.message) : ctx.fail(e);
}

void print(CliContext &ctx, bool json, const QJsonObject &object, const QString &plain)
{
    if (json)
        ctx.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    else
        ctx.out() << plain << '\n';
    ctx.out().flush();
}

int create(CliContext &ctx, bool json)
{
    QJsonObject object;
    WorkOrderDraft draft;
    WorkOrderJson seen;
    int code = ExitOk;
    if (!readObject(ctx, object, draft, seen, code))
        return code;
    if (seen.version)
        return ctx.invalid(CliText::tr("version: a new work order has no version yet; leave it out"));
    // Required as in work_orders.csv; the id and the SLA are filled in when absent, and
    // the creation time is now.
    if (!seen.present.contains(QLatin1String("site_id")))
        return ctx.invalid(CliText::tr("site_id: a value is required (the site where the work is done)"));
    if (!seen.present.contains(QLatin1String("duration_min")))
        return ctx.invalid(CliText::tr("duration_min: a value is required (the estimated minutes of work)"));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto saved = WorkOrderIntake::save(*db, draft, true, WorkOrderDraft(), QDateTime::currentDateTimeUtc());
    if (!saved)
        return ctx.fail(saved.error());
    if (!saved->issues.isEmpty())
        return refuse(ctx, saved->issues);
    const WorkOrderDraft &d = saved->draft;
    print(ctx, json, QJsonObject{{QStringLiteral("id"), d.id}, {QStringLiteral("sla_due"), timefmt::toIsoUtc(d.slaDue)}}, d.id);
    return ExitOk;
}

int update(CliContext &ctx, const QString &id, bool json)
{
    QJsonObject object;
    WorkOrderDraft patch;
    WorkOrderJson seen;
    int code = ExitOk;
    if (!readObject(ctx, object, patch, seen, code))
        return code;
    if (seen.present.contains(QLatin1String("id")) && patch.id != id)
        return ctx.invalid(CliText::tr("id: a work order's id cannot change (%1 in the object, %2 on the command line)").arg(patch.id, id));
    if (seen.present.contains(QLatin1String("status")) && patch.status == QLatin1String("cancelled"))
        return ctx.invalid(CliText::tr("status: cancel with `fieldops-cli work-order cancel %1 --reason TEXT`").arg(id));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    Transaction tx(*db);
    if (!tx.status())
        return ctx.fail(tx.status().error());
    WorkOrderIntake intake(*db);
    auto loaded = intake.load(id);
    if (!loaded)
        return refuseLoad(ctx, loaded.error());
    if (seen.version && *seen.version != loaded->version) {
        const Error e = LostRaceExplainer(*db).refusal(
            Error::Kind::StaleVersion, QStringLiteral("work_orders"), id, *seen.version,
            CliText::tr("work order %1 is at version %2, not %3").arg(id).arg(loaded->version).arg(*seen.version));
        return ctx.invalid(CliText::tr("version: %1 is stale; nothing was changed: %2").arg(*seen.version).arg(e.message));
    }
    WorkOrderDraft d = *loaded;
    WorkOrderJson again;
    (void)applyJson(object, d, again); // the object was read without problems above
    const bool termsChanged = d.priority != loaded->priority || d.contractId != loaded->contractId || d.siteId != loaded->siteId;
    const bool slaGiven = seen.present.contains(QLatin1String("sla_due"));
    const bool responseGiven = seen.present.contains(QLatin1String("response_due"));
    if (termsChanged && (!slaGiven || !responseGiven)) {
        auto quote = intake.proposeSla(d);
        if (!quote)
            return ctx.fail(quote.error());
        if (!slaGiven)
            d.slaDue = quote->due;
        if (!responseGiven)
            d.responseDue = quote->responseDue;
    }
    auto issues = intake.check(d, false);
    if (!issues)
        return ctx.fail(issues.error());
    if (!issues->isEmpty())
        return refuse(ctx, *issues);
    records::RecordEdits edits = WorkOrderIntake::updateEdits(*loaded, d);
    int version = loaded->version;
    if (!edits.isEmpty()) {
        Status s = records::applyEdits(*db, edits, true);
        if (s)
            s = tx.commit();
        if (!s)
            return ctx.fail(s.error());
        version = edits.front().version;
    }
    print(ctx, json, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("version"), version},
                                 {QStringLiteral("changed"), QJsonArray::fromStringList(edits.isEmpty() ? QStringList() : edits.front().after.keys())}},
          id);
    return ExitOk;
}

int cancel(CliContext &ctx, const QString &id, const QString &reason, bool json)
{
    int code = ExitOk;
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    Transaction tx(*db);
    if (!tx.status())
        return ctx.fail(tx.status().error());
    WorkOrderIntake intake(*db);
    auto loaded = intake.load(id);
    if (!loaded)
        return refuseLoad(ctx, loaded.error());
    auto edits = intake.cancelEdits(*loaded, reason);
    if (!edits)
        return ctx.fail(edits.error());
    Status s = records::applyEdits(*db, *edits, true);
    if (s)
        s = tx.commit();
    if (!s)
        return ctx.fail(s.error());
    QStringList visits;
    for (qsizetype i = 1; i < edits->size(); ++i)
        visits << edits->at(i).id;
    print(ctx, json, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("cancelled_visits"), QJsonArray::fromStringList(visits)}},
          visits.isEmpty() ? CliText::tr("%1 cancelled").arg(id) : CliText::tr("%1 cancelled with its visits %2").arg(id, visits.join(QStringLiteral(", "))));
    return ExitOk;
}

} // namespace

int runWorkOrder(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the result as one JSON object."));
    const QCommandLineOption reasonOpt(QStringLiteral("reason"), CliText::tr("Why the work order is cancelled (cancel)."), QStringLiteral("TEXT"));
    parser.addOptions({jsonOpt, reasonOpt});
    parser.addPositionalArgument(QStringLiteral("action"), CliText::tr("create, update ID or cancel ID"));
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("work-order"),
                   CliText::tr("Open, change or cancel a work order.\n"
                      "  create          reads one JSON object from standard input whose keys are the work_orders.csv\n"
                      "                  columns (id optional, required_skills a list; when absent, contract_id is the\n"
                      "                  contract naming the asset, else the site, else a blanket one, and sla_due\n"
                      "                  and response_due come from its terms)\n"
                      "                  and prints the new id\n"
                      "  update ID       reads the keys to change (add \"version\" to refuse a stale update)\n"
                      "  cancel ID --reason TEXT   cancels the work order and its visits still to come"),
                   code))
        return code;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    const bool json = parser.isSet(jsonOpt);
    if (action == QLatin1String("create") && pos.size() == 1) {
        if (parser.isSet(reasonOpt))
            return ctx.invalid(CliText::tr("--reason belongs to cancel"));
        return create(ctx, json);
    }
    if (action == QLatin1String("update") && pos.size() == 2) {
        if (parser.isSet(reasonOpt))
            return ctx.invalid(CliText::tr("--reason belongs to cancel"));
        return update(ctx, pos.at(1), json);
    }
    if (action == QLatin1String("cancel") && pos.size() == 2) {
        if (!parser.isSet(reasonOpt) || parser.value(reasonOpt).trimmed().isEmpty())
            return ctx.invalid(CliText::tr("cancel_reason: cancel needs --reason TEXT saying why"));
        return cancel(ctx, pos.at(1), parser.value(reasonOpt), json);
    }
    return ctx.invalid(CliText::tr("usage: fieldops-cli work-order create | update ID | cancel ID --reason TEXT"));
}

} // namespace fieldops::cli
