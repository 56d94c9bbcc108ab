#include "conditions/ConditionRule.h"

namespace fieldops::conditions {

const QStringList &ruleKindNames()
{
    static const QStringList names{QStringLiteral("threshold"), QStringLiteral("rate"), QStringLiteral("usage"), QStringLiteral("anomaly")};
    return names;
}

QString ruleKindName(RuleKind kind) { return ruleKindNames().at(int(kind)); }

std::optional<RuleKind> ruleKindFromName(const QString &name)
{
    const qsizetype i = ruleKindNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return RuleKind(i);
}

} // namespace fieldops::conditions
