#include "repositories/AlertRules.h"

#include "records/RecordSpec.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace fieldops {

const std::vector<AlertRuleField> &alertRuleFields()
{
    static const std::vector<AlertRuleField> f{
        {"sla_horizon_hours", QT_TRANSLATE_NOOP("AlertRules", "SLA due soon within"), QT_TRANSLATE_NOOP("AlertRules", "h"), 1, 168,
         &AlertRules::slaHorizonHours},
        {"on_time_grace_minutes", QT_TRANSLATE_NOOP("AlertRules", "Late after the start by more than"), QT_TRANSLATE_NOOP("AlertRules", "min"), 0,
         240, &AlertRules::lateGraceMinutes},
        {"lookback_hours", QT_TRANSLATE_NOOP("AlertRules", "Missed starts and silences stay alerts for"), QT_TRANSLATE_NOOP("AlertRules", "h"), 1,
         720, &AlertRules::lookbackHours},
        {"overrun_grace_minutes", QT_TRANSLATE_NOOP("AlertRules", "Overrunning after its planned length by"), QT_TRANSLATE_NOOP("AlertRules", "min"),
         0, 480, &AlertRules::overrunGraceMinutes},
        {"silent_minutes", QT_TRANSLATE_NOOP("AlertRules", "Technician on shift without a position for"), QT_TRANSLATE_NOOP("AlertRules", "min"), 5,
         1440, &AlertRules::silentMinutes},
        {"unresolved_days", QT_TRANSLATE_NOOP("AlertRules", "Unresolved visits with nothing booked, from the last"),
         QT_TRANSLATE_NOOP("AlertRules", "days"), 1, 90, &AlertRules::unresolvedDays},
    };
    return f;
}

QString alertRuleLabel(const AlertRuleField &f) { return QCoreApplication::translate("AlertRules", f.label); }
QString alertRuleUnit(const AlertRuleField &f) { return QCoreApplication::translate("AlertRules", f.unit); }

QString checkAlertRules(const AlertRules &rules)
{
    for (const AlertRuleField &f : alertRuleFields()) {
        const int v = rules.*f.member;
        if (v < f.min || v > f.max)
            return QCoreApplication::translate("AlertRules", "%1: %2 is not from %3 to %4")
                .arg(QString::fromLatin1(f.column))
                .arg(v)
                .arg(f.min)
                .arg(f.max);
    }
    return {};
}

Result<AlertRules> loadAlertRules(Database &db)
{
    QStringList columns{QStringLiteral("version")};
    for (const AlertRuleField &f : alertRuleFields())
        columns << QString::fromLatin1(f.column);
    auto q = db.run(QStringLiteral("SELECT %1 FROM alert_thresholds WHERE id = 1").arg(columns.join(QStringLiteral(", "))));
    if (!q)
        return q.error();
    AlertRules rules;
    if (!q->next())
        return rules; // the row is made by the migration; without it, the defaults hold
    rules.version = q->value(0).toInt();
    int i = 1;
    for (const AlertRuleField &f : alertRuleFields())
        rules.*f.member = q->value(i++).toInt();
    return rules;
}

records::RecordEdits alertRulesEdit(const AlertRules &before, const AlertRules &after)
{
    records::RecordValues b, a;
    for (const AlertRuleField &f : alertRuleFields()) {
        b.insert(QString::fromLatin1(f.column), before.*f.member);
        a.insert(QString::fromLatin1(f.column), after.*f.member);
    }
    return records::updateEdit(records::alertThresholdsSpec(), QStringLiteral("1"), before.version, b, a);
}

} // namespace fieldops
