// `fieldops-cli condition-rule create|update|deactivate|activate|list`: condition rules
// without the console. create reads one JSON object whose keys are the condition_rules
// columns (plus required_skills), checked field by field (models/conditions/
// ConditionRuleStore), and prints the new id; update ID reads the same keys (those given
// replace, those absent keep theirs) from standard input or a file; deactivate and activate
// flip the rule's active flag. update, deactivate and activate take the version the caller
// read (--version, or update's "version" key) and are refused when the rule moved on.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"

#include "conditions/ConditionRuleStore.h"
#include "storage/Database.h"
#include "workorders/WorkOrderJson.h"

#include <QFile>
#include <optional>

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

// The one JSON object of FILE, or of standard input when FILE is empty or "-"; nullopt
// after saying what is wrong (exitCode set).
std::optional<QJsonObject> readObject(CliContext &ctx, const QString &file, int &exitCode)
{
    QFile in;
    const bool fromStdin = file.isEmpty() || file == QLatin1String("-");
    if (!fromStdin)
        in.setFileName(file);
    if (fromStdin ? !in.open(stdin, QIODevice::ReadOnly) : !in.open(QIODevice::ReadOnly)) {
        exitCode = ctx.fail(Error::other(fromStdin ? CliText::tr("cannot read standard input") : CliText::tr("cannot read %1: %2").arg(file, in.errorString())));
        return std::nullopt;
    }
    QJsonObject object;
    if (auto issue = workorders::parseJsonObject(in.readAll(), object)) {
        exitCode = ctx.invalid(issue->text());
        return std::nullopt;
    }
    return object;
}

int create(CliContext &ctx, bool json)
{
    int code = ExitOk;
    const auto read = readObject(ctx, QString(), code);
    if (!read)
        return code;
    const QJsonObject &object = *read;
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

// The version a change expects: --version's, else `fromObject` (update's "version" key),
// else the stored one (-1). Returns false (and sets `code`) when they disagree or are bad.
bool expectedVersion(CliContext &ctx, const QString &option, const QJsonValue &fromObject, int &version, int &code)
{
    version = -1;
    if (!option.isEmpty()) {
        bool ok = false;
        version = option.toInt(&ok);
        if (!ok || version < 1) {
            code = ctx.invalid(CliText::tr("--version: \"%1\" is not a version (a whole number from 1)").arg(option));
            return false;
        }
    }
    if (!fromObject.isUndefined() && !fromObject.isNull()) {
        const double v = fromObject.toDouble(-1);
        if (!fromObject.isDouble() || v < 1 || v != double(int(v))) {
            code = ctx.invalid(CliText::tr("version: must be a whole number from 1"));
            return false;
        }
        if (version != -1 && version != int(v)) {
            code = ctx.invalid(CliText::tr("version: %1 differs from --version %2").arg(int(v)).arg(version));
            return false;
        }
        version = int(v);
    }
    return true;
}

// A refused change: a stale version or an unknown rule is the caller's input (exit 2).
int refused(CliContext &ctx, const Error &e)
{
    if (e.kind == Error::Kind::StaleVersion || e.kind == Error::Kind::NotFound)
        return ctx.invalid(e.message);
    return ctx.fail(e);
}

int update(CliContext &ctx, const QString &id, const QString &file, const QString &versionOption, bool json)
{
    int code = ExitOk;
    auto read = readObject(ctx, file, code);
    if (!read)
        return code;
    QJsonObject &patch = *read;
    int version = -1;
    if (!expectedVersion(ctx, versionOption, patch.value(QLatin1String("version")), version, code))
        return code;
    patch.remove(QStringLiteral("version"));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    Transaction tx(*db);
    if (!tx.status())
        return ctx.fail(tx.status().error());
    ConditionRuleStore store(*db);
    auto current = store.find(id);
    if (!current)
        return refused(ctx, current.error());
    std::optional<workorders::FieldIssue> issue;
    auto rule = store.changedFromJson(*current, patch, issue);
    if (!rule)
        return ctx.fail(rule.error());
    if (issue)
        return ctx.invalid(issue->text());
    const int expected = version == -1 ? current->version : version;
    if (Status s = store.update(*rule, expected); !s)
        return refused(ctx, s.error());
    if (Status s = tx.commit(); !s)
        return ctx.fail(s.error());
    rule->version = expected + 1;
    if (json)
        ctx.out() << ruleToJson(*rule) << '\n';
    else
        ctx.out() << CliText::tr("%1 updated (version %2)").arg(rule->id).arg(rule->version) << '\n';
    ctx.out().flush();
    return ExitOk;
}

int setActive(CliContext &ctx, const QString &id, bool active, const QString &versionOption, bool json)
{
    int code = ExitOk;
    int version = -1;
    if (!expectedVersion(ctx, versionOption, QJsonValue(), version, code))
        return code;
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    Transaction tx(*db);
    if (!tx.status())
        return ctx.fail(tx.status().error());
    ConditionRuleStore store(*db);
    auto rule = store.find(id);
    if (!rule)
        return refused(ctx, rule.error());
    const int expected = version == -1 ? rule->version : version;
    if (Status s = store.setActive(id, active, expected); !s)
        return refused(ctx, s.error());
    if (Status s = tx.commit(); !s)
        return ctx.fail(s.error());
    rule->active = active;
    rule->version = expected + 1;
    if (json)
        ctx.out() << ruleToJson(*rule) << '\n';
    else
        ctx.out() << (active ? CliText::tr("%1 activated (version %2)") : CliText::tr("%1 deactivated (version %2); its open episodes stay open"))
                             .arg(id)
                             .arg(rule->version)
                  << '\n';
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
    const QCommandLineOption versionOpt(QStringLiteral("version"), CliText::tr("update, deactivate, activate: the version the rule was read at; refused if it moved on."),
                                        QStringLiteral("V"));
    parser.addOptions({jsonOpt, versionOpt});
    parser.addPositionalArgument(QStringLiteral("action"), CliText::tr("create, update ID [FILE], deactivate ID, activate ID or list"));
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("condition-rule"),
                   CliText::tr("Condition rules on asset readings.\n"
                      "  create   reads one JSON object from standard input whose keys are the condition_rules columns\n"
                      "           (id optional; asset_id or asset_model; kind threshold|rate|usage|anomaly and its\n"
                      "           parameters; task, work_order_type, required_skills, duration_min, priority, active)\n"
                      "           and prints the new id\n"
                      "  update ID [FILE|-]\n"
                      "           reads one JSON object with the same keys from FILE or standard input: the keys given\n"
                      "           replace the rule's (null clears an optional one), the others keep theirs; a new kind\n"
                      "           drops the old kind's parameters; checked as create checks; \"version\" (or --version)\n"
                      "           is the version read, refused if the rule was changed meanwhile\n"
                      "  deactivate ID, activate ID\n"
                      "           stop or resume evaluating the rule; the episodes it opened stay as they are\n"
                      "  list     every rule, one a line (--json: an array of objects with the same keys)"),
                   code))
        return code;
    const QStringList pos = parser.positionalArguments();
    const bool json = parser.isSet(jsonOpt);
    if (pos == QStringList{QStringLiteral("create")})
        return create(ctx, json);
    if (pos == QStringList{QStringLiteral("list")})
        return list(ctx, json);
    const QString version = parser.value(versionOpt);
    if (pos.size() >= 2 && pos.size() <= 3 && pos.front() == QLatin1String("update"))
        return update(ctx, pos.at(1), pos.value(2), version, json);
    if (pos.size() == 2 && (pos.front() == QLatin1String("deactivate") || pos.front() == QLatin1String("activate")))
        return setActive(ctx, pos.at(1), pos.front() == QLatin1String("activate"), version, json);
    return ctx.invalid(CliText::tr("usage: fieldops-cli condition-rule create | update ID [FILE] | deactivate ID | activate ID | list [--json] [--version V]"));
}

} // namespace fieldops::cli
