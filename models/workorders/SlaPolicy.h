#pragma once
// When a work order's SLA runs out, and the rule that says so in words. The intake form,
// the CLI, the inspector's explanation and their tests use this one rule:
//
// - Response hours: the contract's hours for the priority (response_hours_p1..p4), else
//   its response_hours for every priority, counted on the contract's clock; without
//   either (or without a contract) the priority's default (1 → 4 h, 2 → 8 h, 3 → 24 h,
//   4 → 72 h) counted around the clock, as the console always did.
// - Resolution hours: the contract's resolution_hours_p1..p4 for the priority, counted on
//   the contract's clock; none when the contract sets none.
// - The contract's clock: around the clock for 24x7 coverage; otherwise only on the
//   covered days between opening and closing, in the site's time zone, and never on the
//   holidays of the contract's calendar (holiday_territory_id, else the site's territory).
// - sla_due is the resolution deadline when there is one, else the response deadline;
//   response_due is always the response deadline.
#include "planning/BusinessHoursClock.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QTimeZone>
#include <array>
#include <optional>

namespace fieldops::workorders {

// The holidays of one territory: the calendar a contract's clock stops on.
struct HolidayCalendar {
    QString territoryId; // empty: no calendar applies
    QString name;        // the territory's name, for the rule in words
    QSet<QDate> days;
};

struct SlaContractTerms {
    QString id;
    QString name;
    std::optional<int> responseHours; // every priority, where the priority sets none
    std::array<std::optional<int>, 4> responseHoursByPriority;   // [0] priority 1 … [3] priority 4
    std::array<std::optional<int>, 4> resolutionHoursByPriority;
    bool businessHours = true;
    planning::Coverage coverage = planning::Coverage::businessHours(); // the covered days and hours
    QString holidayTerritoryId; // empty: the site's territory's calendar

    std::optional<int> responseHoursFor(int priority) const;
    std::optional<int> resolutionHoursFor(int priority) const;
};

// Where the clock runs: the site's time zone and the holidays of the calendar that
// applies there (see SlaPolicy::calendarTerritory).
struct SlaPlace {
    QTimeZone zone = QTimeZone::utc();
    HolidayCalendar holidays;
};

struct SlaQuote {
    QDateTime due;         // sla_due: resolution deadline, else response deadline
    QDateTime responseDue; // response_due
    QString rule;          // e.g. "Contract K12 (Gold), priority 2: respond within 4 business hours, …"
};

class SlaPolicy {
public:
    static constexpr int kBusinessOpenMinute = 8 * 60;
    static constexpr int kBusinessCloseMinute = 18 * 60;
    // Urgent 4 h, high 8 h, normal 24 h, low 72 h.
    static int defaultResponseHours(int priority);
    // The territory whose holidays stop the contract's clock at a site: the contract's own
    // calendar, else the site's territory (empty: no holidays).
    static QString calendarTerritory(const SlaContractTerms &contract, const QString &siteTerritoryId);
    static SlaQuote quote(const QDateTime &createdAt, int priority, const std::optional<SlaContractTerms> &contract,
                          const SlaPlace &place);
    // Without holidays (the site's zone only).
    static SlaQuote quote(const QDateTime &createdAt, int priority, const std::optional<SlaContractTerms> &contract,
                          const QTimeZone &siteZone);
    // `hours` of business time after `from`, counted in `zone`.
    static QDateTime addBusinessHours(const QDateTime &from, int hours, const QTimeZone &zone);
    // The contract's clock at a place: 24x7 or its covered hours, less the place's holidays.
    static planning::BusinessHoursClock clockOf(const SlaContractTerms &contract, const SlaPlace &place);
    // "Mon–Fri 08:00–18:00" in words, for rules and forms.
    static QString coverageText(const planning::Coverage &coverage);
};

} // namespace fieldops::workorders
