#include "workorders/SlaPolicy.h"

#include "planning/BusinessHoursClock.h"

#include <QCoreApplication>

namespace fieldops::workorders {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("SlaPolicy", text); }
} // namespace

int SlaPolicy::defaultResponseHours(int priority)
{
    switch (priority) {
    case 1: return 4;
    case 2: return 8;
    case 4: return 72;
    default: return 24;
    }
}

QDateTime SlaPolicy::addBusinessHours(const QDateTime &from, int hours, const QTimeZone &zone)
{
    if (hours <= 0)
        return from.toUTC();
    // The contracts' clock with business hours and no holidays: one walk over open hours.
    return planning::BusinessHoursClock(planning::Coverage::businessHours(), {}, zone).due(from, hours);
}

SlaQuote SlaPolicy::quote(const QDateTime &createdAt, int priority, const std::optional<SlaContractTerms> &contract,
                          const QTimeZone &siteZone)
{
    SlaQuote q;
    if (contract && contract->responseHours) {
        const int hours = *contract->responseHours;
        const QString name = contract->name.isEmpty() ? contract->id : QStringLiteral("%1 (%2)").arg(contract->id, contract->name);
        if (contract->businessHours) {
            q.due = addBusinessHours(createdAt, hours, siteZone);
            q.rule = tr("Contract %1: %2 h of business time (Monday to Friday 08:00–18:00, site time)").arg(name).arg(hours);
        } else {
            q.due = createdAt.addSecs(qint64(hours) * 3600).toUTC();
            q.rule = tr("Contract %1: %2 h around the clock").arg(name).arg(hours);
        }
        return q;
    }
    const int hours = defaultResponseHours(priority);
    q.due = createdAt.addSecs(qint64(hours) * 3600).toUTC();
    q.rule = contract ? tr("Contract %1 sets no response time: priority %2 default, %3 h").arg(contract->id).arg(priority).arg(hours)
                      : tr("No contract: priority %1 default, %2 h").arg(priority).arg(hours);
    return q;
}

} // namespace fieldops::workorders
