#pragma once
// When a maintenance plan's visits fall. A rule has a small text form, stored in
// maintenance_plans.recurrence and typed by planners:
//   every N days
//   every N weeks [on Mon|Tue|Wed|Thu|Fri|Sat|Sun]
//   every N months [on day D | on first|second|third|fourth|last Mon…Sun]
// ("every 1 months on last Fri", "every 3 months on day 31"). A day of the month past a
// month's end falls on its last day, so "day 31" is Feb 28 or 29 and Apr 30, and a series
// never drifts: each date is computed from the series' anchor, not from the previous one.
// The rest of a plan's schedule (seasonal months, preferred local start, contract end,
// shift on miss) completes a PmSeries. Pure functions: no SQL, no clock.
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <QVector>
#include <optional>

namespace fieldops::planning {

struct PmRule {
    enum class Unit { Days, Weeks, Months };
    enum class Anchor { None, Weekday, MonthDay, NthWeekday };
    Unit unit = Unit::Days;
    int every = 1;
    Anchor anchor = Anchor::None;
    int weekday = 0;  // 1 Monday … 7 Sunday (Weekday, NthWeekday)
    int monthDay = 0; // 1 … 31 (MonthDay)
    int nth = 0;      // 1 … 4, or -1 for the last (NthWeekday)

    // nullopt and the reason in `why` when the text is not a rule.
    static std::optional<PmRule> parse(const QString &text, QString *why = nullptr);
    // A plan without recurrence text: every interval_days days from next_due.
    static PmRule everyDays(int days);
    QString toText() const;
    bool operator==(const PmRule &) const = default;
};

// One plan's schedule as far as dates go.
struct PmSeries {
    PmRule rule;
    QDate start;               // the series' anchor: the plan's next_due
    QDate endsOn;              // the contract's last day; null: no end
    QList<int> seasonalMonths; // 1 … 12; empty: all year
    std::optional<QTime> preferredStart; // local clock time in `zone`
    QTimeZone zone = QTimeZone::utc();
    // A missed occurrence (due before today, never generated) is made up today and the
    // following ones count from that day; without it the missed one is dropped and the
    // series keeps its dates.
    bool shiftOnMiss = false;
};

struct PmOccurrence {
    QDate due;       // the day the visit is due
    QDate scheduled; // the day the rule gave: earlier than `due` when a missed one is made up
    QDateTime start; // `due` at the preferred start in the series' zone, in UTC; null without one
    bool operator==(const PmOccurrence &) const = default;
};

namespace recurrence {

// "4;5;6" (months 1 … 12, any order, ';' or ',' between); '' is all year.
std::optional<QList<int>> parseMonths(const QString &text, QString *why = nullptr);
QString monthsText(const QList<int> &months);

// The rule's dates in [from, to] of a series anchored at `anchor`, never before it. With
// `afterAnchorPeriod` the anchor's own period (its day, week or month) is left out: the
// dates of a series that restarts one period after `anchor`.
QVector<QDate> ruleDates(const PmRule &rule, const QDate &anchor, const QDate &from, const QDate &to,
                         bool afterAnchorPeriod = false);

// The occurrences due in [today, until], in season and not after the series' end.
// `lastGenerated` is the last occurrence already turned into a work order (null: none);
// a shift-on-miss series restarts from it, a fixed series keeps its dates regardless.
QVector<PmOccurrence> occurrences(const PmSeries &series, const QDate &today, const QDate &until,
                                  const QDate &lastGenerated = {});

// `day` at `time` in `zone` as a UTC instant; a time that a DST change skips starts when
// the clocks have gone forward.
QDateTime localStart(const QDate &day, const QTime &time, const QTimeZone &zone);

} // namespace recurrence

} // namespace fieldops::planning
