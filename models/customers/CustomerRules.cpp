#include "customers/CustomerRules.h"

#include "records/FieldRules.h"
#include "records/RecordSpec.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace fieldops::customers {

using workorders::FieldIssue;
using workorders::FieldIssues;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CustomerRules)
};

// The shapes of a phone number and an email, for a customer and for each contact.
void checkReachability(const records::RecordValues &values, FieldIssues &issues)
{
    const QString email = values.value(QStringLiteral("email")).toString().trimmed();
    static const QRegularExpression emailShape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!email.isEmpty() && !emailShape.match(email).hasMatch())
        issues.push_back({QStringLiteral("email"), Text::tr("\"%1\" is not an email address").arg(email)});
    const QString phone = values.value(QStringLiteral("phone")).toString();
    static const QRegularExpression phoneShape(QStringLiteral("^[0-9+()./ -]*$"));
    if (!phoneShape.match(phone).hasMatch())
        issues.push_back({QStringLiteral("phone"), Text::tr("a phone number has digits, spaces and + ( ) - . / only")});
}

} // namespace

FieldIssues customerRules(const records::RecordValues &values, bool isNew)
{
    FieldIssues issues;
    records::checkNewId(values, isNew, issues);
    issues += records::interchangeIssues(QStringLiteral("customers.csv"), values);
    checkReachability(values, issues);
    return records::firstPerField(issues);
}

FieldIssues contactRules(const records::RecordValues &values, bool)
{
    FieldIssues issues;
    if (values.value(QStringLiteral("name")).toString().trimmed().isEmpty())
        issues.push_back({QStringLiteral("name"), Text::tr("give the contact's name")});
    checkReachability(values, issues);
    if (values.value(QStringLiteral("phone")).toString().trimmed().isEmpty()
        && values.value(QStringLiteral("email")).toString().trimmed().isEmpty())
        issues.push_back({QStringLiteral("phone"), Text::tr("give a phone number or an email, so the contact can be reached")});
    return records::firstPerField(issues);
}

FieldIssues siteRules(const records::RecordValues &values, bool isNew)
{
    FieldIssues issues;
    records::checkNewId(values, isNew, issues);
    issues += records::interchangeIssues(QStringLiteral("sites.csv"), values);
    if (values.value(QStringLiteral("name")).toString().trimmed().isEmpty()
        && values.value(QStringLiteral("address")).toString().trimmed().isEmpty())
        issues.push_back({QStringLiteral("address"), Text::tr("give the site a name or an address, so dispatchers can tell it apart")});
    if (values.value(QStringLiteral("time_zone")).toString().isEmpty())
        issues.push_back({QStringLiteral("time_zone"), Text::tr("choose the site's time zone (its clock for windows and SLAs)")});
    return records::firstPerField(issues);
}

FieldIssues assetRules(const records::RecordValues &values, bool isNew)
{
    FieldIssues issues;
    records::checkNewId(values, isNew, issues);
    issues += records::interchangeIssues(QStringLiteral("assets.csv"), values);
    const QDate installed = QDate::fromString(values.value(QStringLiteral("installed_on")).toString(), Qt::ISODate);
    const QDate warranty = QDate::fromString(values.value(QStringLiteral("warranty_until")).toString(), Qt::ISODate);
    if (installed.isValid() && warranty.isValid() && warranty < installed)
        issues.push_back({QStringLiteral("warranty_until"), Text::tr("the warranty cannot end before the asset was installed")});
    if (values.value(QStringLiteral("serial")).toString().trimmed().isEmpty()
        && values.value(QStringLiteral("model")).toString().trimmed().isEmpty())
        issues.push_back({QStringLiteral("model"), Text::tr("give the model or the serial number, so technicians find the right unit")});
    return records::firstPerField(issues);
}

records::RecordRules rulesFor(const records::RecordSpec &spec)
{
    if (&spec == &records::siteSpec())
        return siteRules;
    if (&spec == &records::assetSpec())
        return assetRules;
    if (&spec == &records::contactSpec())
        return contactRules;
    return customerRules;
}

Result<FieldIssues> checkReferences(Database &db, const records::RecordSpec &spec, const QString &id,
                                    const records::RecordValues &values, bool isNew)
{
    FieldIssues issues;
    const auto exists = [&db](const QString &table, const QString &key) -> Result<bool> {
        auto n = db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?").arg(table), {key});
        if (!n)
            return n.error();
        return n->toInt() > 0;
    };
    if (isNew && !spec.generatedKey) {
        auto taken = exists(spec.table, id);
        if (!taken)
            return taken.error();
        if (*taken)
            issues.push_back({QStringLiteral("id"), Text::tr("%1 is taken: ids are unique").arg(id)});
    }
    if (values.contains(QStringLiteral("customer_id"))) {
        auto found = exists(QStringLiteral("customers"), values.value(QStringLiteral("customer_id")).toString());
        if (!found)
            return found.error();
        if (!*found)
            issues.push_back({QStringLiteral("customer_id"), Text::tr("unknown customer \"%1\"").arg(values.value(QStringLiteral("customer_id")).toString())});
    }
    const QString territory = values.value(QStringLiteral("territory_id")).toString();
    if (!territory.isEmpty()) {
        auto found = exists(QStringLiteral("territories"), territory);
        if (!found)
            return found.error();
        if (!*found)
            issues.push_back({QStringLiteral("territory_id"), Text::tr("unknown territory \"%1\"").arg(territory)});
    }
    if (values.contains(QStringLiteral("site_id"))) {
        auto found = exists(QStringLiteral("sites"), values.value(QStringLiteral("site_id")).toString());
        if (!found)
            return found.error();
        if (!*found)
            issues.push_back({QStringLiteral("site_id"), Text::tr("unknown site \"%1\"").arg(values.value(QStringLiteral("site_id")).toString())});
    }
    return issues;
}

} // namespace fieldops::customers
