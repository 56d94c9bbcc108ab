#pragma once
// A condition rule as condition_rules holds it: which readings it watches (one asset, or
// every asset of a model), the kind of test with its parameters, and the work order it
// opens when breached. The kinds and their exact meaning are in ConditionEvaluator.h.
#include <QString>
#include <QStringList>
#include <optional>

namespace fieldops::conditions {

// An anomaly baseline needs this many samples of an hour of the week, one per week.
constexpr int kMinBaselineWeeks = 3;

enum class RuleKind { Threshold, Rate, Usage, Anomaly };

// "threshold", "rate", "usage", "anomaly": the column's vocabulary.
const QStringList &ruleKindNames();
QString ruleKindName(RuleKind kind);
std::optional<RuleKind> ruleKindFromName(const QString &name);

struct ConditionRule {
    QString id;
    QString name;
    QString assetId;    // one asset …
    QString assetModel; // … or every asset whose assets.model is this
    RuleKind kind = RuleKind::Threshold;
    QString readingKind;
    bool above = true; // comparison: 'above' (true) or 'below'; threshold and rate
    double threshold = 0;
    int sustainMinutes = 0; // threshold and anomaly
    double ratePerHour = 0;
    int windowMinutes = 0;
    double usageInterval = 0;
    double bandSd = 0;
    int baselineWeeks = 0;
    QString task;
    QString workOrderType = QStringLiteral("inspection");
    QStringList skills;
    int durationMin = 60;
    int priority = 3;
    bool active = true;
    int version = 1;
};

} // namespace fieldops::conditions
