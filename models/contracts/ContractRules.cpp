#include "contracts/ContractRules.h"

#include "domain/Vocabulary.h"
#include "planning/PmRecurrence.h"
#include "records/FieldRules.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QTime>
#include <cmath>

namespace fieldops::contracts {

using workorders::FieldIssue;
using workorders::FieldIssues;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ContractRules)
};

QString text(const records::RecordValues &v, const char *field) { return v.value(QString::fromLatin1(field)).toString().trimmed(); }

QDate date(const records::RecordValues &v, const char *field)
{
    return QDate::fromString(text(v, field), Qt::ISODate);
}

// A whole number of at least `min` (or no value when `optional`); the number or -1.
int wholeNumber(const records::RecordValues &v, const QString &field, int min, int max, bool optional, FieldIssues &issues,
                const QString &what)
{
    const QVariant value = v.value(field);
    if (value.isNull() || value.toString().trimmed().isEmpty()) {
        if (!optional)
            issues.push_back({field, Text::tr("give %1").arg(what)});
        return -1;
    }
    bool ok = false;
    const double d = value.toString().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    if (!ok || d != std::floor(d) || d < min || d > max) {
        issues.push_back({field, Text::tr("%1 is a whole number from %2 to %3").arg(what).arg(min).arg(max)});
        return -1;
    }
    return int(d);
}

void amount(const records::RecordValues &v, const QString &field, const QString &what, FieldIssues &issues)
{
    const QVariant value = v.value(field);
    if (value.isNull() || value.toString().trimmed().isEmpty())
        return;
    bool ok = false;
    const double d = value.toString().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    if (!ok || d < 0 || !std::isfinite(d))
        issues.push_back({field, Text::tr("%1 is an amount of zero or more").arg(what)});
}

QTime clock(const QString &text) { return text == QLatin1String("24:00") ? QTime(23, 59, 59, 999) : QTime::fromString(text, QStringLiteral("HH:mm")); }

void coverage(const records::RecordValues &v, FieldIssues &issues)
{
    const QString kind = text(v, "coverage");
    if (!kind.isEmpty() && !vocabulary::coverageKinds().contains(kind))
        issues.push_back({QStringLiteral("coverage"), Text::tr("coverage is 24x7 or business_hours, not \"%1\"").arg(kind)});
    if (kind == QLatin1String("24x7"))
        return;
    const QStringList days = text(v, "coverage_days").split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (v.contains(QStringLiteral("coverage_days"))) {
        if (days.isEmpty())
            issues.push_back({QStringLiteral("coverage_days"), Text::tr("business hours need at least one covered day")});
        for (const QString &d : days)
            if (!vocabulary::weekDays().contains(d.trimmed())) {
                issues.push_back({QStringLiteral("coverage_days"), Text::tr("\"%1\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)").arg(d)});
                break;
            }
    }
    const QString open = text(v, "coverage_open");
    const QString close = text(v, "coverage_close");
    static const QRegularExpression hhmm(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    const bool openOk = open.isEmpty() || hhmm.match(open).hasMatch();
    const bool closeOk = close.isEmpty() || close == QLatin1String("24:00") || hhmm.match(close).hasMatch();
    if (!openOk)
        issues.push_back({QStringLiteral("coverage_open"), Text::tr("opening time is HH:MM, e.g. 08:00")});
    if (!closeOk)
        issues.push_back({QStringLiteral("coverage_close"), Text::tr("closing time is HH:MM, e.g. 18:00 (24:00 for midnight)")});
    if (openOk && closeOk && !open.isEmpty() && !close.isEmpty() && clock(close) <= clock(open))
        issues.push_back({QStringLiteral("coverage_close"), Text::tr("closing time must be after the opening time %1").arg(open)});
}

} // namespace

QString responseColumn(int priority) { return QStringLiteral("response_hours_p%1").arg(priority); }
QString resolutionColumn(int priority) { return QStringLiteral("resolution_hours_p%1").arg(priority); }

FieldIssues contractRules(const records::RecordValues &values, bool isNew)
{
    FieldIssues issues;
    records::checkNewId(values, isNew, issues);
    if (text(values, "customer_id").isEmpty())
        issues.push_back({QStringLiteral("customer_id"), Text::tr("choose the customer the contract is with")});
    if (text(values, "name").isEmpty())
        issues.push_back({QStringLiteral("name"), Text::tr("give the contract a name planners and dispatchers recognise, e.g. \"Gold 24×7\"")});
    const QDate starts = date(values, "starts_on");
    const QDate ends = date(values, "ends_on");
    if (!starts.isValid())
        issues.push_back({QStringLiteral("starts_on"), Text::tr("the first day is a date YYYY-MM-DD")});
    if (!ends.isValid())
        issues.push_back({QStringLiteral("ends_on"), Text::tr("the last day is a date YYYY-MM-DD")});
    else if (starts.isValid() && ends < starts)
        issues.push_back({QStringLiteral("ends_on"), Text::tr("the contract cannot end before it starts (%1)").arg(starts.toString(Qt::ISODate))});
    coverage(values, issues);
    wholeNumber(values, QStringLiteral("response_hours"), 1, 8760, true, issues, Text::tr("the response time in hours"));
    for (int p = 1; p <= 4; ++p) {
        const int response = wholeNumber(values, responseColumn(p), 1, 8760, true, issues, Text::tr("the response time in hours"));
        const int resolution = wholeNumber(values, resolutionColumn(p), 1, 8760, true, issues, Text::tr("the resolution time in hours"));
        if (response > 0 && resolution > 0 && resolution < response)
            issues.push_back({resolutionColumn(p), Text::tr("resolving cannot take less time than responding (%1 h)").arg(response)});
    }
    amount(values, QStringLiteral("fixed_fee"), Text::tr("the fixed fee"), issues);
    amount(values, QStringLiteral("included_hours"), Text::tr("included hours"), issues);
    amount(values, QStringLiteral("hourly_rate"), Text::tr("the hourly rate"), issues);
    const QString period = text(values, "fee_period");
    if (!period.isEmpty() && !vocabulary::feePeriods().contains(period))
        issues.push_back({QStringLiteral("fee_period"), Text::tr("the fee is per month, quarter or year")});
    if (text(values, "renewed_from") == values.value(QStringLiteral("id")).toString() && !text(values, "renewed_from").isEmpty())
        issues.push_back({QStringLiteral("renewed_from"), Text::tr("a contract cannot renew itself")});
    return records::firstPerField(issues);
}

FieldIssues planRules(const records::RecordValues &values, bool isNew)
{
    FieldIssues issues;
    records::checkNewId(values, isNew, issues);
    if (text(values, "contract_id").isEmpty())
        issues.push_back({QStringLiteral("contract_id"), Text::tr("a plan belongs to a contract")});
    if (text(values, "task").isEmpty())
        issues.push_back({QStringLiteral("task"), Text::tr("say what the visit does, e.g. \"Quarterly filter change\"")});
    wholeNumber(values, QStringLiteral("interval_days"), 1, 3650, false, issues, Text::tr("the interval in days"));
    wholeNumber(values, QStringLiteral("duration_min"), 1, 24 * 60, false, issues, Text::tr("the visit's length in minutes"));
    wholeNumber(values, QStringLiteral("lead_days"), 0, 365, true, issues, Text::tr("the lead time in days"));
    if (!date(values, "next_due").isValid())
        issues.push_back({QStringLiteral("next_due"), Text::tr("the first occurrence is a date YYYY-MM-DD")});
    const QString rule = text(values, "recurrence");
    if (!rule.isEmpty()) {
        QString why;
        if (!planning::PmRule::parse(rule, &why))
            issues.push_back({QStringLiteral("recurrence"), why.isEmpty() ? Text::tr("not a recurrence, e.g. \"every 1 months on last Fri\"") : why});
    }
    QString whyMonths;
    if (!planning::recurrence::parseMonths(text(values, "seasonal_months"), &whyMonths))
        issues.push_back({QStringLiteral("seasonal_months"), whyMonths.isEmpty() ? Text::tr("months are numbers 1 to 12, e.g. 4;5;6") : whyMonths});
    const QString start = text(values, "preferred_start");
    static const QRegularExpression hhmm(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    if (!start.isEmpty() && !hhmm.match(start).hasMatch())
        issues.push_back({QStringLiteral("preferred_start"), Text::tr("the preferred start is HH:MM, e.g. 09:00")});
    return records::firstPerField(issues);
}

namespace {

Result<bool> exists(Database &db, const QString &sql, const QVariantList &binds)
{
    auto n = db.scalar(sql, binds);
    if (!n)
        return n.error();
    return n->toInt() > 0;
}

} // namespace

Result<FieldIssues> checkContractReferences(Database &db, const records::RecordSpec &, const QString &id,
                                            const records::RecordValues &values, bool isNew)
{
    FieldIssues issues;
    if (isNew) {
        auto taken = exists(db, QStringLiteral("SELECT count(*) FROM contracts WHERE id = ?"), {id});
        if (!taken)
            return taken.error();
        if (*taken)
            issues.push_back({QStringLiteral("id"), Text::tr("%1 is taken: ids are unique").arg(id)});
    }
    const QString customer = text(values, "customer_id");
    auto known = exists(db, QStringLiteral("SELECT count(*) FROM customers WHERE id = ?"), {customer});
    if (!known)
        return known.error();
    if (!*known)
        issues.push_back({QStringLiteral("customer_id"), Text::tr("unknown customer \"%1\"").arg(customer)});
    for (const QString &site : values.value(QStringLiteral("covered_sites")).toStringList()) {
        auto ours = exists(db, QStringLiteral("SELECT count(*) FROM sites WHERE id = ? AND customer_id = ?"), {site, customer});
        if (!ours)
            return ours.error();
        if (!*ours) {
            issues.push_back({QStringLiteral("covered_sites"), Text::tr("site %1 is not a site of customer %2").arg(site, customer)});
            break;
        }
    }
    for (const QString &asset : values.value(QStringLiteral("covered_assets")).toStringList()) {
        auto ours = exists(db, QStringLiteral("SELECT count(*) FROM assets a JOIN sites s ON s.id = a.site_id WHERE a.id = ? AND s.customer_id = ?"),
                           {asset, customer});
        if (!ours)
            return ours.error();
        if (!*ours) {
            issues.push_back({QStringLiteral("covered_assets"), Text::tr("asset %1 is not at a site of customer %2").arg(asset, customer)});
            break;
        }
    }
    const QString territory = text(values, "holiday_territory_id");
    if (!territory.isEmpty()) {
        auto found = exists(db, QStringLiteral("SELECT count(*) FROM territories WHERE id = ?"), {territory});
        if (!found)
            return found.error();
        if (!*found)
            issues.push_back({QStringLiteral("holiday_territory_id"), Text::tr("unknown territory \"%1\"").arg(territory)});
    }
    const QString previous = text(values, "renewed_from");
    if (!previous.isEmpty()) {
        auto found = exists(db, QStringLiteral("SELECT count(*) FROM contracts WHERE id = ?"), {previous});
        if (!found)
            return found.error();
        if (!*found)
            issues.push_back({QStringLiteral("renewed_from"), Text::tr("unknown contract \"%1\"").arg(previous)});
    }
    return issues;
}

Result<FieldIssues> checkPlanReferences(Database &db, const records::RecordSpec &, const QString &id, const records::RecordValues &values,
                                        bool isNew)
{
    FieldIssues issues;
    if (isNew) {
        auto taken = exists(db, QStringLiteral("SELECT count(*) FROM maintenance_plans WHERE id = ?"), {id});
        if (!taken)
            return taken.error();
        if (*taken)
            issues.push_back({QStringLiteral("id"), Text::tr("%1 is taken: ids are unique").arg(id)});
    }
    const QString contract = text(values, "contract_id");
    auto known = exists(db, QStringLiteral("SELECT count(*) FROM contracts WHERE id = ?"), {contract});
    if (!known)
        return known.error();
    if (!*known)
        issues.push_back({QStringLiteral("contract_id"), Text::tr("unknown contract \"%1\"").arg(contract)});
    const QString asset = text(values, "asset_id");
    if (!asset.isEmpty()) {
        auto ours = exists(db, QStringLiteral("SELECT count(*) FROM assets a JOIN sites s ON s.id = a.site_id JOIN contracts k ON k.customer_id = s.customer_id "
                                              "WHERE a.id = ? AND k.id = ?"),
                           {asset, contract});
        if (!ours)
            return ours.error();
        if (!*ours)
            issues.push_back({QStringLiteral("asset_id"), Text::tr("asset %1 is not at a site of the contract's customer").arg(asset)});
    }
    for (const QString &skill : values.value(QStringLiteral("skills")).toStringList()) {
        auto found = exists(db, QStringLiteral("SELECT count(*) FROM skills WHERE code = ?"), {skill});
        if (!found)
            return found.error();
        if (!*found) {
            issues.push_back({QStringLiteral("skills"), Text::tr("unknown skill \"%1\"").arg(skill)});
            break;
        }
    }
    return issues;
}

records::RecordChecks contractChecks() { return {contractRules, checkContractReferences}; }
records::RecordChecks planChecks() { return {planRules, checkPlanReferences}; }

} // namespace fieldops::contracts
