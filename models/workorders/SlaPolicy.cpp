#include "workorders/SlaPolicy.h"

#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <algorithm>

namespace fieldops::workorders {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SlaPolicy)
};

QString dayName(int day)
{
    static const char *const names[] = {QT_TRANSLATE_NOOP("SlaPolicy", "Mon"), QT_TRANSLATE_NOOP("SlaPolicy", "Tue"),
                                        QT_TRANSLATE_NOOP("SlaPolicy", "Wed"), QT_TRANSLATE_NOOP("SlaPolicy", "Thu"),
                                        QT_TRANSLATE_NOOP("SlaPolicy", "Fri"), QT_TRANSLATE_NOOP("SlaPolicy", "Sat"),
                                        QT_TRANSLATE_NOOP("SlaPolicy", "Sun")};
    return day >= 1 && day <= 7 ? QCoreApplication::translate("SlaPolicy", names[day - 1]) : QString();
}

// "Mon–Fri", "Mon–Wed, Fri": runs of consecutive days shortened to their ends.
QString daysText(QList<int> days)
{
    std::sort(days.begin(), days.end());
    QStringList parts;
    for (qsizetype i = 0; i < days.size();) {
        qsizetype j = i;
        while (j + 1 < days.size() && days.at(j + 1) == days.at(j) + 1)
            ++j;
        if (j - i >= 2)
            parts << dayName(days.at(i)) + QStringLiteral("–") + dayName(days.at(j));
        else
            for (qsizetype k = i; k <= j; ++k)
                parts << dayName(days.at(k));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QString contractLabel(const SlaContractTerms &c)
{
    return c.name.isEmpty() ? c.id : QStringLiteral("%1 (%2)").arg(c.id, c.name);
}

} // namespace

std::optional<int> SlaContractTerms::responseHoursFor(int priority) const
{
    if (priority >= 1 && priority <= 4 && responseHoursByPriority[size_t(priority - 1)])
        return responseHoursByPriority[size_t(priority - 1)];
    return responseHours;
}

std::optional<int> SlaContractTerms::resolutionHoursFor(int priority) const
{
    if (priority >= 1 && priority <= 4)
        return resolutionHoursByPriority[size_t(priority - 1)];
    return std::nullopt;
}

int SlaPolicy::defaultResponseHours(int priority)
{
    switch (priority) {
    case 1: return 4;
    case 2: return 8;
    case 4: return 72;
    default: return 24;
    }
}

QString SlaPolicy::calendarTerritory(const SlaContractTerms &contract, const QString &siteTerritoryId)
{
    return contract.holidayTerritoryId.isEmpty() ? siteTerritoryId : contract.holidayTerritoryId;
}

QDateTime SlaPolicy::addBusinessHours(const QDateTime &from, int hours, const QTimeZone &zone)
{
    if (hours <= 0)
        return from.toUTC();
    // The contracts' clock with business hours and no holidays: one walk over open hours.
    return planning::BusinessHoursClock(planning::Coverage::businessHours(), {}, zone).due(from, hours);
}

planning::BusinessHoursClock SlaPolicy::clockOf(const SlaContractTerms &contract, const SlaPlace &place)
{
    const planning::Coverage coverage = contract.businessHours ? contract.coverage : planning::Coverage::twentyFourSeven();
    return planning::BusinessHoursClock(coverage.isValid() ? coverage : planning::Coverage::businessHours(), place.holidays.days,
                                        place.zone);
}

QString SlaPolicy::coverageText(const planning::Coverage &coverage)
{
    if (coverage.aroundTheClock)
        return Text::tr("around the clock");
    const QString close = coverage.closesAtMidnight ? QStringLiteral("24:00") : timefmt::toClock(coverage.close);
    return QStringLiteral("%1 %2–%3").arg(daysText(coverage.days), timefmt::toClock(coverage.open), close);
}

SlaQuote SlaPolicy::quote(const QDateTime &createdAt, int priority, const std::optional<SlaContractTerms> &contract,
                          const QTimeZone &siteZone)
{
    SlaPlace place;
    place.zone = siteZone.isValid() ? siteZone : QTimeZone::utc();
    return quote(createdAt, priority, contract, place);
}

SlaQuote SlaPolicy::quote(const QDateTime &createdAt, int priority, const std::optional<SlaContractTerms> &contract,
                          const SlaPlace &place)
{
    SlaQuote q;
    const int fallbackHours = defaultResponseHours(priority);
    const auto aroundTheClock = [&](int hours) { return createdAt.addSecs(qint64(hours) * 3600).toUTC(); };
    if (!contract) {
        q.responseDue = q.due = aroundTheClock(fallbackHours);
        q.rule = Text::tr("No contract: priority %1 default, %2 h").arg(priority).arg(fallbackHours);
        return q;
    }
    const std::optional<int> response = contract->responseHoursFor(priority);
    const std::optional<int> resolution = contract->resolutionHoursFor(priority);
    const planning::BusinessHoursClock clock = clockOf(*contract, place);
    const bool business = !clock.coverage().aroundTheClock;

    q.responseDue = response ? clock.due(createdAt, *response) : aroundTheClock(fallbackHours);
    q.due = resolution ? clock.due(createdAt, *resolution) : q.responseDue;

    const QString head = Text::tr("Contract %1, priority %2").arg(contractLabel(*contract)).arg(priority);
    QString respond;
    if (response && *response == 1)
        respond = business ? Text::tr("respond within 1 business hour") : Text::tr("respond within 1 hour");
    else if (response)
        respond = business ? Text::tr("respond within %1 business hours").arg(*response) : Text::tr("respond within %1 hours").arg(*response);
    else
        respond = Text::tr("no response time set, priority default %1 h").arg(fallbackHours);
    QString rule = head + QStringLiteral(": ") + respond;
    if (resolution)
        rule += Text::tr(", resolve within %1").arg(*resolution);
    // The default response time runs around the clock, so the coverage only matters to
    // the contract's own hours.
    if (business && (response || resolution)) {
        const QString hours = coverageText(clock.coverage());
        rule += place.holidays.territoryId.isEmpty()
            ? Text::tr(" (%1, site time)").arg(hours)
            : Text::tr(" (%1, site time, holidays of %2)")
                  .arg(hours, place.holidays.name.isEmpty() ? place.holidays.territoryId : place.holidays.name);
    } else if (response || resolution) {
        rule += Text::tr(", around the clock");
    }
    q.rule = rule;
    return q;
}

} // namespace fieldops::workorders
