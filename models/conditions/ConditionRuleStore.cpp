#include "conditions/ConditionRuleStore.h"

#include "domain/Vocabulary.h"
#include "storage/Database.h"
#include "storage/SequentialIds.h"
#include "workorders/WorkOrderIntake.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace fieldops::conditions {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConditionRuleStore)
};

const QString kColumns = QStringLiteral(
    "id, name, asset_id, asset_model, kind, reading_kind, comparison, threshold, sustain_minutes, rate_per_hour, "
    "window_minutes, usage_interval, band_sd, baseline_weeks, task, work_order_type, duration_min, priority, active, version");

bool usesComparison(RuleKind k) { return k == RuleKind::Threshold || k == RuleKind::Rate; }
bool usesSustain(RuleKind k) { return k == RuleKind::Threshold || k == RuleKind::Anomaly; }

// The parameter keys, each with the kinds that take it.
bool kindTakes(RuleKind k, const QString &key)
{
    if (key == QLatin1String("comparison"))
        return usesComparison(k);
    if (key == QLatin1String("threshold"))
        return k == RuleKind::Threshold;
    if (key == QLatin1String("sustain_minutes"))
        return usesSustain(k);
    if (key == QLatin1String("rate_per_hour") || key == QLatin1String("window_minutes"))
        return k == RuleKind::Rate;
    if (key == QLatin1String("usage_interval"))
        return k == RuleKind::Usage;
    if (key == QLatin1String("band_sd") || key == QLatin1String("baseline_weeks"))
        return k == RuleKind::Anomaly;
    return true;
}

const QStringList &parameterKeys()
{
    static const QStringList keys{QStringLiteral("comparison"), QStringLiteral("threshold"), QStringLiteral("sustain_minutes"),
                                  QStringLiteral("rate_per_hour"), QStringLiteral("window_minutes"), QStringLiteral("usage_interval"),
                                  QStringLiteral("band_sd"), QStringLiteral("baseline_weeks")};
    return keys;
}

QVariant nullIfUnused(RuleKind k, const QString &key, const QVariant &v) { return kindTakes(k, key) ? v : QVariant(); }

} // namespace

const QStringList &ruleJsonKeys()
{
    static const QStringList keys = [] {
        QStringList k = kColumns.split(QStringLiteral(", "));
        k.insert(k.indexOf(QStringLiteral("duration_min")), QStringLiteral("required_skills"));
        return k;
    }();
    return keys;
}

Result<ConditionRule> ConditionRuleStore::fromJson(const QJsonObject &o, std::optional<workorders::FieldIssue> &issue)
{
    return check(o, issue, true);
}

Result<ConditionRule> ConditionRuleStore::changedFromJson(const ConditionRule &current, const QJsonObject &patch,
                                                          std::optional<workorders::FieldIssue> &issue)
{
    for (auto it = patch.begin(); it != patch.end(); ++it)
        if (!ruleJsonKeys().contains(it.key()) || it.key() == QLatin1String("version")) {
            issue = workorders::FieldIssue{it.key(), Text::tr("unknown key")};
            return ConditionRule{};
        }
    const QJsonValue id = patch.value(QLatin1String("id"));
    if (!id.isUndefined() && !(id.isString() && id.toString().trimmed() == current.id)) {
        issue = workorders::FieldIssue{QStringLiteral("id"), Text::tr("a rule's id cannot change (%1)").arg(current.id)};
        return ConditionRule{};
    }
    QJsonObject merged;
    const QJsonObject stored = QJsonDocument::fromJson(ruleToJson(current).toUtf8()).object();
    for (auto it = stored.begin(); it != stored.end(); ++it)
        if (!it.value().isNull() && it.key() != QLatin1String("version"))
            merged.insert(it.key(), it.value());
    if (patch.contains(QLatin1String("asset_id")) || patch.contains(QLatin1String("asset_model"))) {
        merged.remove(QStringLiteral("asset_id"));
        merged.remove(QStringLiteral("asset_model"));
    }
    if (const std::optional<RuleKind> kind = ruleKindFromName(patch.value(QLatin1String("kind")).toString()))
        for (const QString &key : parameterKeys())
            if (!kindTakes(*kind, key))
                merged.remove(key);
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    auto rule = check(merged, issue, false);
    if (!rule || issue)
        return rule;
    rule->id = current.id;
    rule->version = current.version;
    return rule;
}

Result<ConditionRule> ConditionRuleStore::find(const QString &id)
{
    auto rules = list();
    if (!rules)
        return rules.error();
    for (const ConditionRule &r : *rules)
        if (r.id == id)
            return r;
    return Error{Error::Kind::NotFound, Text::tr("no condition rule %1").arg(id), {}};
}

Result<ConditionRule> ConditionRuleStore::check(const QJsonObject &o, std::optional<workorders::FieldIssue> &issue, bool newRule)
{
    ConditionRule r;
    const auto refuse = [&issue](const QString &field, const QString &message) -> Result<ConditionRule> {
        issue = workorders::FieldIssue{field, message};
        return ConditionRule{};
    };
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!ruleJsonKeys().contains(it.key()) || it.key() == QLatin1String("version"))
            return refuse(it.key(), Text::tr("unknown key"));

    const auto text = [&o](const char *key, QString &out, bool &wrong) {
        const QJsonValue v = o.value(QLatin1String(key));
        wrong = !v.isUndefined() && !v.isNull() && !v.isString();
        if (v.isString())
            out = v.toString().trimmed();
    };
    bool wrong = false;
    const auto needText = [&](const char *key, QString &out) -> bool {
        text(key, out, wrong);
        if (wrong)
            issue = workorders::FieldIssue{QString::fromLatin1(key), Text::tr("must be a string")};
        return !wrong;
    };
    // A number; `whole` also refuses fractions. Absent or null leaves `present` false.
    const auto number = [&](const char *key, double &out, bool &present, bool whole) -> bool {
        const QJsonValue v = o.value(QLatin1String(key));
        present = !v.isUndefined() && !v.isNull();
        if (!present)
            return true;
        if (!v.isDouble() || (whole && v.toDouble() != std::floor(v.toDouble()))) {
            issue = workorders::FieldIssue{QString::fromLatin1(key), whole ? Text::tr("must be a whole number") : Text::tr("must be a number")};
            return false;
        }
        out = v.toDouble();
        return true;
    };

    if (!needText("id", r.id))
        return ConditionRule{};
    if (!needText("name", r.name))
        return ConditionRule{};
    if (!needText("asset_id", r.assetId) || !needText("asset_model", r.assetModel))
        return ConditionRule{};
    if (r.assetId.isEmpty() == r.assetModel.isEmpty())
        return refuse(QStringLiteral("asset_id"), r.assetId.isEmpty() ? Text::tr("one of asset_id and asset_model is required")
                                                                      : Text::tr("give asset_id or asset_model, not both"));
    QString kindText;
    if (!needText("kind", kindText))
        return ConditionRule{};
    const std::optional<RuleKind> kind = ruleKindFromName(kindText);
    if (!kind)
        return refuse(QStringLiteral("kind"), kindText.isEmpty() ? Text::tr("is required (threshold, rate, usage or anomaly)")
                                                                 : Text::tr("\"%1\" is not threshold, rate, usage or anomaly").arg(kindText));
    r.kind = *kind;
    if (!needText("reading_kind", r.readingKind))
        return ConditionRule{};
    if (r.readingKind.isEmpty())
        return refuse(QStringLiteral("reading_kind"), Text::tr("is required"));
    if (r.kind == RuleKind::Usage && r.readingKind != QLatin1String("runtime_hours") && r.readingKind != QLatin1String("cycles"))
        return refuse(QStringLiteral("reading_kind"), Text::tr("a usage rule counts runtime_hours or cycles"));

    for (const QString &key : parameterKeys()) {
        const QJsonValue v = o.value(key);
        const bool given = !v.isUndefined() && !v.isNull();
        if (given && !kindTakes(r.kind, key))
            return refuse(key, Text::tr("is no parameter of a %1 rule").arg(kindText));
        if (!given && kindTakes(r.kind, key))
            return refuse(key, Text::tr("is required for a %1 rule").arg(kindText));
    }
    if (usesComparison(r.kind)) {
        QString comparison;
        if (!needText("comparison", comparison))
            return ConditionRule{};
        if (comparison != QLatin1String("above") && comparison != QLatin1String("below"))
            return refuse(QStringLiteral("comparison"), Text::tr("must be above or below"));
        r.above = comparison == QLatin1String("above");
    }
    double d = 0;
    bool present = false;
    if (!number("threshold", r.threshold, present, false) || !number("rate_per_hour", r.ratePerHour, present, false))
        return ConditionRule{};
    if (!number("sustain_minutes", d, present, true))
        return ConditionRule{};
    if (present && (d < 1 || d > 1440))
        return refuse(QStringLiteral("sustain_minutes"), Text::tr("must be from 1 to 1440"));
    r.sustainMinutes = int(d);
    if (!number("window_minutes", d, present, true))
        return ConditionRule{};
    if (present && (d < 2 || d > 1440))
        return refuse(QStringLiteral("window_minutes"), Text::tr("must be from 2 to 1440"));
    r.windowMinutes = int(d);
    if (!number("usage_interval", r.usageInterval, present, false))
        return ConditionRule{};
    if (present && !(r.usageInterval > 0))
        return refuse(QStringLiteral("usage_interval"), Text::tr("must be more than 0"));
    if (!number("band_sd", r.bandSd, present, false))
        return ConditionRule{};
    if (present && !(r.bandSd > 0))
        return refuse(QStringLiteral("band_sd"), Text::tr("must be more than 0"));
    if (!number("baseline_weeks", d, present, true))
        return ConditionRule{};
    if (present && (d < kMinBaselineWeeks || d > 52))
        return refuse(QStringLiteral("baseline_weeks"), Text::tr("must be from %1 to 52").arg(kMinBaselineWeeks));
    r.baselineWeeks = int(d);

    if (!needText("task", r.task))
        return ConditionRule{};
    if (r.task.isEmpty())
        return refuse(QStringLiteral("task"), Text::tr("is required: the work order's summary"));
    {
        // The task becomes the summary: the intake's own limit.
        workorders::WorkOrderDraft d;
        d.summary = r.task;
        for (const workorders::FieldIssue &i : workorders::WorkOrderIntake::checkValues(d, true))
            if (i.field == QLatin1String("summary"))
                return refuse(QStringLiteral("task"), i.message);
    }
    QString type;
    if (!needText("work_order_type", type))
        return ConditionRule{};
    if (!type.isEmpty()) {
        if (!vocabulary::workOrderTypes().contains(type))
            return refuse(QStringLiteral("work_order_type"), Text::tr("must be one of %1").arg(vocabulary::workOrderTypes().join(QStringLiteral(", "))));
        r.workOrderType = type;
    }
    const QJsonValue skills = o.value(QLatin1String("required_skills"));
    if (skills.isString()) {
        for (const QString &s : skills.toString().split(QLatin1Char(';'), Qt::SkipEmptyParts))
            r.skills << s.trimmed();
    } else if (skills.isArray()) {
        for (const QJsonValue &s : skills.toArray()) {
            if (!s.isString())
                return refuse(QStringLiteral("required_skills"), Text::tr("must be skill codes"));
            r.skills << s.toString().trimmed();
        }
    } else if (!skills.isUndefined() && !skills.isNull()) {
        return refuse(QStringLiteral("required_skills"), Text::tr("must be a ';' list or an array of skill codes"));
    }
    r.skills.removeAll(QString());
    r.skills.removeDuplicates();
    if (!number("duration_min", d, present, true))
        return ConditionRule{};
    if (present) {
        if (d < 1 || d > 1440)
            return refuse(QStringLiteral("duration_min"), Text::tr("must be from 1 to 1440"));
        r.durationMin = int(d);
    }
    if (!number("priority", d, present, true))
        return ConditionRule{};
    if (present) {
        if (d < 1 || d > 4)
            return refuse(QStringLiteral("priority"), Text::tr("must be from 1 to 4"));
        r.priority = int(d);
    }
    const QJsonValue active = o.value(QLatin1String("active"));
    if (!active.isUndefined() && !active.isNull()) {
        if (!active.isBool())
            return refuse(QStringLiteral("active"), Text::tr("must be true or false"));
        r.active = active.toBool();
    }

    // References, in the same order.
    if (newRule && !r.id.isEmpty()) {
        auto taken = m_db.scalar(QStringLiteral("SELECT count(*) FROM condition_rules WHERE id = ?"), {r.id});
        if (!taken)
            return taken.error();
        if (taken->toInt() > 0)
            return refuse(QStringLiteral("id"), Text::tr("rule %1 already exists").arg(r.id));
    }
    if (!r.assetId.isEmpty()) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM assets WHERE id = ?"), {r.assetId});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            return refuse(QStringLiteral("asset_id"), Text::tr("no asset %1").arg(r.assetId));
    } else {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM assets WHERE model = ?"), {r.assetModel});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            return refuse(QStringLiteral("asset_model"), Text::tr("no asset has the model %1").arg(r.assetModel));
    }
    for (const QString &code : r.skills) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM skills WHERE code = ?"), {code});
        if (!n)
            return n.error();
        if (n->toInt() == 0)
            return refuse(QStringLiteral("required_skills"), Text::tr("unknown skill %1").arg(code));
    }
    return r;
}

Result<QString> ConditionRuleStore::nextId()
{
    return nextSequentialId(m_db, QStringLiteral("condition_rules"), QStringLiteral("CR"));
}

Status ConditionRuleStore::create(const ConditionRule &r)
{
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status();
    if (Status s = insert(r); !s)
        return s;
    return tx.commit();
}

Status ConditionRuleStore::remove(const QString &id, int version)
{
    auto episodes = m_db.scalar(QStringLiteral("SELECT count(*) FROM condition_episodes WHERE rule_id = ?"), {id});
    if (!episodes)
        return episodes.error();
    if (episodes->toInt() > 0)
        return Error::invalid(QCoreApplication::translate("ConditionRuleStore", "rule %1 has already opened work (%n episode(s)); make it inactive instead",
                                                          nullptr, episodes->toInt())
                                  .arg(id));
    if (auto q = m_db.run(QStringLiteral("DELETE FROM condition_rule_skills WHERE rule_id = ?"), {id}); !q)
        return q.error();
    auto q = m_db.run(QStringLiteral("DELETE FROM condition_rules WHERE id = ? AND version = ?"), {id, version});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error{Error::Kind::StaleVersion, Text::tr("rule %1 was changed or removed by someone else").arg(id), {}};
    return {};
}

Status ConditionRuleStore::refuseStale(const QString &id, int expectedVersion)
{
    auto now = m_db.scalar(QStringLiteral("SELECT version FROM condition_rules WHERE id = ?"), {id});
    if (!now)
        return now.error();
    if (!now->isValid() || now->isNull())
        return Error{Error::Kind::NotFound, Text::tr("rule %1 was removed by someone else meanwhile").arg(id), {}};
    return Error{Error::Kind::StaleVersion,
                 Text::tr("rule %1 was changed by someone else meanwhile (version %2, not %3); read it again").arg(id).arg(now->toInt()).arg(expectedVersion),
                 {}};
}

Status ConditionRuleStore::update(const ConditionRule &r, int expectedVersion)
{
    const QVariantList values = columnValues(r);
    // Every column but id (first) and version (last): those are the WHERE and the increment.
    QStringList sets;
    const QStringList columns = kColumns.split(QStringLiteral(", "));
    QVariantList binds;
    for (int i = 1; i + 1 < columns.size(); ++i) {
        sets << columns.at(i) + QStringLiteral(" = ?");
        binds << values.at(i);
    }
    binds << r.id << expectedVersion;
    auto q = m_db.run(QStringLiteral("UPDATE condition_rules SET %1, version = version + 1 WHERE id = ? AND version = ?").arg(sets.join(QStringLiteral(", "))),
                      binds);
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return refuseStale(r.id, expectedVersion);
    if (auto d = m_db.run(QStringLiteral("DELETE FROM condition_rule_skills WHERE rule_id = ?"), {r.id}); !d)
        return d.error();
    return insertSkills(r);
}

Status ConditionRuleStore::setActive(const QString &id, bool active, int expectedVersion)
{
    auto q = m_db.run(QStringLiteral("UPDATE condition_rules SET active = ?, version = version + 1 WHERE id = ? AND version = ?"),
                      {active, id, expectedVersion});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return refuseStale(id, expectedVersion);
    return {};
}

QVariantList ConditionRuleStore::columnValues(const ConditionRule &r)
{
    const RuleKind k = r.kind;
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    const QVariantList binds{r.id,
                             r.name.isEmpty() ? QStringLiteral("") : r.name, // never NULL
                             orNull(r.assetId),
                             orNull(r.assetModel),
                             ruleKindName(k),
                             r.readingKind,
                             nullIfUnused(k, QStringLiteral("comparison"), r.above ? QStringLiteral("above") : QStringLiteral("below")),
                             nullIfUnused(k, QStringLiteral("threshold"), r.threshold),
                             nullIfUnused(k, QStringLiteral("sustain_minutes"), r.sustainMinutes),
                             nullIfUnused(k, QStringLiteral("rate_per_hour"), r.ratePerHour),
                             nullIfUnused(k, QStringLiteral("window_minutes"), r.windowMinutes),
                             nullIfUnused(k, QStringLiteral("usage_interval"), r.usageInterval),
                             nullIfUnused(k, QStringLiteral("band_sd"), r.bandSd),
                             nullIfUnused(k, QStringLiteral("baseline_weeks"), r.baselineWeeks),
                             r.task,
                             r.workOrderType,
                             r.durationMin,
                             r.priority,
                             r.active,
                             1};
    return binds;
}

Status ConditionRuleStore::insert(const ConditionRule &r)
{
    const QVariantList binds = columnValues(r);
    QStringList marks(binds.size(), QStringLiteral("?"));
    if (auto q = m_db.run(QStringLiteral("INSERT INTO condition_rules(%1) VALUES (%2)").arg(kColumns, marks.join(QStringLiteral(", "))), binds); !q)
        return q.error();
    return insertSkills(r);
}

Status ConditionRuleStore::insertSkills(const ConditionRule &r)
{
    QStringList codes = r.skills;
    codes.sort();
    for (const QString &code : codes)
        if (auto q = m_db.run(QStringLiteral("INSERT INTO condition_rule_skills(rule_id, skill_code) VALUES (?, ?)"), {r.id, code}); !q)
            return q.error();
    return {};
}

Result<QVector<ConditionRule>> ConditionRuleStore::list(bool activeOnly)
{
    QHash<QString, QStringList> skills;
    auto s = m_db.run(QStringLiteral("SELECT rule_id, skill_code FROM condition_rule_skills ORDER BY rule_id, skill_code"));
    if (!s)
        return s.error();
    while (s->next())
        skills[s->value(0).toString()] << s->value(1).toString();
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM condition_rules %2 ORDER BY id")
                          .arg(kColumns, activeOnly ? (m_db.isPostgres() ? QStringLiteral("WHERE active") : QStringLiteral("WHERE active = 1"))
                                                    : QString()));
    if (!q)
        return q.error();
    QVector<ConditionRule> out;
    while (q->next()) {
        ConditionRule r;
        r.id = q->value(0).toString();
        r.name = q->value(1).toString();
        r.assetId = q->value(2).toString();
        r.assetModel = q->value(3).toString();
        const std::optional<RuleKind> kind = ruleKindFromName(q->value(4).toString());
        if (!kind)
            continue; // the column's CHECK allows no other
        r.kind = *kind;
        r.readingKind = q->value(5).toString();
        r.above = q->value(6).toString() != QLatin1String("below");
        r.threshold = q->value(7).toDouble();
        r.sustainMinutes = q->value(8).toInt();
        r.ratePerHour = q->value(9).toDouble();
        r.windowMinutes = q->value(10).toInt();
        r.usageInterval = q->value(11).toDouble();
        r.bandSd = q->value(12).toDouble();
        r.baselineWeeks = q->value(13).toInt();
        r.task = q->value(14).toString();
        r.workOrderType = q->value(15).toString();
        r.durationMin = q->value(16).toInt();
        r.priority = q->value(17).toInt();
        r.active = q->value(18).toBool();
        r.version = q->value(19).toInt();
        r.skills = skills.value(r.id);
        out << r;
    }
    return out;
}

QString ruleToJson(const ConditionRule &r)
{
    const RuleKind k = r.kind;
    const auto str = [](const QString &s) {
        if (s.isEmpty())
            return QStringLiteral("null");
        const QString a = QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact));
        return a.mid(1, a.size() - 2);
    };
    const auto num = [k](const char *key, double v) {
        return kindTakes(k, QString::fromLatin1(key)) ? QString::number(v, 'g', 15) : QStringLiteral("null");
    };
    QStringList skills;
    for (const QString &s : r.skills)
        skills << str(s);
    QStringList parts;
    parts << QStringLiteral("\"id\":%1").arg(str(r.id)) << QStringLiteral("\"name\":%1").arg(r.name.isEmpty() ? QStringLiteral("\"\"") : str(r.name))
          << QStringLiteral("\"asset_id\":%1").arg(str(r.assetId)) << QStringLiteral("\"asset_model\":%1").arg(str(r.assetModel))
          << QStringLiteral("\"kind\":%1").arg(str(ruleKindName(k))) << QStringLiteral("\"reading_kind\":%1").arg(str(r.readingKind))
          << QStringLiteral("\"comparison\":%1").arg(usesComparison(k) ? str(r.above ? QStringLiteral("above") : QStringLiteral("below")) : QStringLiteral("null"))
          << QStringLiteral("\"threshold\":%1").arg(num("threshold", r.threshold))
          << QStringLiteral("\"sustain_minutes\":%1").arg(num("sustain_minutes", r.sustainMinutes))
          << QStringLiteral("\"rate_per_hour\":%1").arg(num("rate_per_hour", r.ratePerHour))
          << QStringLiteral("\"window_minutes\":%1").arg(num("window_minutes", r.windowMinutes))
          << QStringLiteral("\"usage_interval\":%1").arg(num("usage_interval", r.usageInterval))
          << QStringLiteral("\"band_sd\":%1").arg(num("band_sd", r.bandSd))
          << QStringLiteral("\"baseline_weeks\":%1").arg(num("baseline_weeks", r.baselineWeeks))
          << QStringLiteral("\"task\":%1").arg(str(r.task)) << QStringLiteral("\"work_order_type\":%1").arg(str(r.workOrderType))
          << QStringLiteral("\"required_skills\":[%1]").arg(skills.join(QLatin1Char(',')))
          << QStringLiteral("\"duration_min\":%1").arg(r.durationMin) << QStringLiteral("\"priority\":%1").arg(r.priority)
          << QStringLiteral("\"active\":%1").arg(r.active ? QStringLiteral("true") : QStringLiteral("false"))
          << QStringLiteral("\"version\":%1").arg(r.version);
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace fieldops::conditions
