// `fieldops-cli condition-rule create|list`: condition rules without the console. create
// reads one JSON object whose keys are the condition_rules columns (plus required_skills),
// checked field by field (models/conditions/ConditionRuleStore), and prints the new id.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"

#include "conditions/ConditionRuleStore.h"
#include "storage/Database.h"
#include "workorders/WorkOrderJson.h"

#include <QFile>

namespace fieldops::cli {

namespace {

using namespace fieldops::conditions;

QString ruleLine(const ConditionRule &r)
{
    QString what;
    switch (r.kind) {
    case RuleKind::Threshold:
        what = CliText::tr("%1 %2 %3 for %4 min").arg(r.readingKind, r.above ? QStringLiteral("above") : QStringLiteral("below"), QString::number(r.threshold)).arg(r.sustainMinutes);
        break;
    case RuleKind::Rate:
        what = CliText::tr("%1 rate %2 %3 per hour over %4 min").arg(r.readingKind, r.above ? QStringLiteral("above") : QStringLiteral("below"), QString::number(r.ratePerHour)).arg(r.windowMinutes);
        break;
    case RuleKind::Usage:
        what = CliText::tr("%1 every %2").arg(r.readingKind, QString::number(r.usageInterval));
        break;
    case RuleKind::Anomaly:
        what = CliText::tr("%1 outside mean ± %2 sd for %3 min (baseline %4 weeks)").arg(r.readingKind, QString::number(r.bandSd)).arg(r.sustainMinutes).arg(r.baselineWeeks);
        break;
    }
    const QString scope = r.assetId.isEmpty() ? CliText::tr("model %1").arg(r.assetModel) : CliText::tr("asset %1").arg(r.assetId);
    return CliText::tr("%1  %2, %3: %4 → %5 \"%6\" (priority %7)%8")
        .arg(r.id, ruleKindName(r.kind), scope, what, r.workOrderType, r.task)
        .arg(r.priority)
        .arg(r.active ? QString() : CliText::tr(", inactive"));
}

int create(CliContext &ctx, bool json)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return ctx.fail(Error::other(CliText::tr("cannot read standard input")));
    QJsonObject object;
    if (auto issue = workorders::parseJsonObject(in.readAll(), object))
        return ctx.invalid(issue->text());
    int code = ExitOk;
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    ConditionRuleStore store(*db);
    std::optional<workorders::FieldIssue> issue;
    auto rule = store.fromJson(object, issue);
    if (!rule)
        return ctx.fail(rule.error());
    if (issue)
        return ctx.invalid(issue->text());
    if (rule->id.isEmpty()) {
        auto id = store.nextId();
        if (!id)
            return ctx.fail(id.error());
        rule->id = *id;
    }
    if (Status s = store.create(*rule); !s)
        return ctx.fail(s.error());
    if (json)
        ctx.out() << ruleToJson(*rule) << '\n';
    else
        ctx.out() << rule->id << '\n';
    ctx.out().flush();
    return ExitOk;
}

int list(CliContext &ctx, bool json)
{
    int code = ExitOk;
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto rules = ConditionRuleStore(*db).list();
    if (!rules)
        return ctx.fail(rules.error());
    if (json) {
        QStringList items;
        for (const ConditionRule &r : *rules)
            items << ruleToJson(r);
        ctx.out() << QLatin1Char('[') << items.join(QLatin1Char(',')) << QStringLiteral("]\n");
    } else {
        for (const ConditionRule &r : *rules)
            ctx.out() << ruleLine(r) << '\n';
        if (rules->isEmpty())
            ctx.out() << CliText::tr("No condition rules.") << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

} // namespace

int runConditionRule(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the result as JSON."));
    parser.addOptions({jsonOpt});
    parser.addPositionalArgument(QStringLiteral("action"), CliText::tr("create or list"));
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("condition-rule"),
                   CliText::tr("Condition rules on asset readings.\n"
                      "  create   reads one JSON object from standard input whose keys are the condition_rules columns\n"
                      "           (id optional; asset_id or asset_model; kind threshold|rate|usage|anomaly and its\n"
                      "           parameters; task, work_order_type, required_skills, duration_min, priority, active)\n"
                      "           and prints the new id\n"
                      "  list     every rule, one a line (--json: an array of objects with the same keys)"),
                   code))
        return code;
    const QStringList pos = parser.positionalArguments();
    const bool json = parser.isSet(jsonOpt);
    if (pos == QStringList{QStringLiteral("create")})
        return create(ctx, json);
    if (pos == QStringList{QStringLiteral("list")})
        return list(ctx, json);
    return ctx.invalid(CliText::tr("usage: fieldops-cli condition-rule create | list [--json]"));
}

} // namespace fieldops::cli
