#include "planning/PmRecurrence.h"

#include "domain/Vocabulary.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace fieldops::planning {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PmRecurrence)
};

constexpr int kMaxEvery = 3660;

std::optional<PmRule> refuse(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return std::nullopt;
}

int weekdayOf(const QString &token)
{
    const QStringList &days = vocabulary::weekDays();
    for (int i = 0; i < days.size(); ++i)
        if (days[i].compare(token, Qt::CaseInsensitive) == 0)
            return i + 1;
    return 0;
}

const QStringList &ordinals()
{
    static const QStringList v{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"), QStringLiteral("fourth")};
    return v;
}

QDate weekMonday(const QDate &d) { return d.addDays(1 - d.dayOfWeek()); }
int monthIndex(const QDate &d) { return d.year() * 12 + d.month() - 1; }

QDate dayInMonth(const PmRule &r, int year, int month, const QDate &anchor)
{
    const QDate first(year, month, 1);
    const int length = first.daysInMonth();
    switch (r.anchor) {
    case PmRule::Anchor::MonthDay:
        return QDate(year, month, std::min(r.monthDay, length));
    case PmRule::Anchor::NthWeekday: {
        if (r.nth > 0)
            return first.addDays((r.weekday - first.dayOfWeek() + 7) % 7 + 7 * (r.nth - 1));
        const QDate last(year, month, length);
        return last.addDays(-((last.dayOfWeek() - r.weekday + 7) % 7));
    }
    default:
        return QDate(year, month, std::min(anchor.day(), length));
    }
}

// A rule without its own day takes it from the series' first date, so restarting the
// series from a later date keeps the planner's day.
PmRule normalized(PmRule rule, const QDate &start)
{
    if (rule.anchor == PmRule::Anchor::None && rule.unit == PmRule::Unit::Weeks) {
        rule.anchor = PmRule::Anchor::Weekday;
        rule.weekday = start.dayOfWeek();
    } else if (rule.anchor == PmRule::Anchor::None && rule.unit == PmRule::Unit::Months) {
        rule.anchor = PmRule::Anchor::MonthDay;
        rule.monthDay = start.day();
    }
    return rule;
}

} // namespace

PmRule PmRule::everyDays(int days)
{
    PmRule r;
    r.unit = Unit::Days;
    r.every = std::max(1, days);
    return r;
}

std::optional<PmRule> PmRule::parse(const QString &text, QString *why)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList t = text.trimmed().toLower().split(space, Qt::SkipEmptyParts);
    const QString usage = Text::tr("expected \"every N days\", \"every N weeks [on Mon]\" or "
                             "\"every N months [on day D | on first…fourth|last Fri]\"");
    if (t.size() < 3 || t[0] != QLatin1String("every"))
        return refuse(why, usage);
    PmRule r;
    bool ok = false;
    r.every = t[1].toInt(&ok);
    if (!ok || r.every < 1 || r.every > kMaxEvery)
        return refuse(why, Text::tr("the interval \"%1\" is not a whole number from 1 to %2").arg(t[1]).arg(kMaxEvery));
    const QString unit = t[2].endsWith(QLatin1Char('s')) ? t[2].chopped(1) : t[2];
    if (unit == QLatin1String("day"))
        r.unit = Unit::Days;
    else if (unit == QLatin1String("week"))
        r.unit = Unit::Weeks;
    else if (unit == QLatin1String("month"))
        r.unit = Unit::Months;
    else
        return refuse(why, Text::tr("\"%1\" is not days, weeks or months").arg(t[2]));
    if (t.size() == 3)
        return r;
    if (t[3] != QLatin1String("on") || t.size() < 5)
        return refuse(why, usage);
    if (r.unit == Unit::Days)
        return refuse(why, Text::tr("a rule in days has no \"on\" part"));
    if (r.unit == Unit::Weeks) {
        r.weekday = weekdayOf(t[4]);
        if (t.size() != 5 || r.weekday == 0)
            return refuse(why, Text::tr("\"%1\" is not a weekday (Mon … Sun)").arg(t.mid(4).join(QLatin1Char(' '))));
        r.anchor = Anchor::Weekday;
        return r;
    }
    if (t.size() != 6)
        return refuse(why, usage);
    if (t[4] == QLatin1String("day")) {
        r.monthDay = t[5].toInt(&ok);
        if (!ok || r.monthDay < 1 || r.monthDay > 31)
            return refuse(why, Text::tr("the day of the month \"%1\" is not from 1 to 31").arg(t[5]));
        r.anchor = Anchor::MonthDay;
        return r;
    }
    r.nth = t[4] == QLatin1String("last") ? -1 : int(ordinals().indexOf(t[4])) + 1;
    r.weekday = weekdayOf(t[5]);
    if (r.nth == 0)
        return refuse(why, Text::tr("\"%1\" is not first, second, third, fourth or last").arg(t[4]));
    if (r.weekday == 0)
        return refuse(why, Text::tr("\"%1\" is not a weekday (Mon … Sun)").arg(t[5]));
    r.anchor = Anchor::NthWeekday;
    return r;
}

QString PmRule::toText() const
{
    const QString unitText = unit == Unit::Days ? QStringLiteral("days") : unit == Unit::Weeks ? QStringLiteral("weeks") : QStringLiteral("months");
    QString text = QStringLiteral("every %1 %2").arg(every).arg(unitText);
    const QString day = weekday >= 1 && weekday <= 7 ? vocabulary::weekDays().at(weekday - 1) : QString();
    switch (anchor) {
    case Anchor::Weekday: return text + QStringLiteral(" on ") + day;
    case Anchor::MonthDay: return text + QStringLiteral(" on day %1").arg(monthDay);
    case Anchor::NthWeekday:
        return text + QStringLiteral(" on %1 %2").arg(nth < 0 ? QStringLiteral("last") : ordinals().value(nth - 1), day);
    case Anchor::None: break;
    }
    return text;
}

namespace recurrence {

std::optional<QList<int>> parseMonths(const QString &text, QString *why)
{
    static const QRegularExpression sep(QStringLiteral("[;,\\s]+"));
    QList<int> months;
    for (const QString &part : text.split(sep, Qt::SkipEmptyParts)) {
        bool ok = false;
        const int m = part.toInt(&ok);
        if (!ok || m < 1 || m > 12) {
            if (why)
                *why = Text::tr("\"%1\" is not a month from 1 to 12").arg(part);
            return std::nullopt;
        }
        if (!months.contains(m))
            months << m;
    }
    std::sort(months.begin(), months.end());
    return months;
}

QString monthsText(const QList<int> &months)
{
    QStringList parts;
    for (int m : months)
        parts << QString::number(m);
    return parts.join(QLatin1Char(';'));
}

QVector<QDate> ruleDates(const PmRule &rule, const QDate &anchor, const QDate &from, const QDate &to, bool afterAnchorPeriod)
{
    QVector<QDate> out;
    if (!anchor.isValid() || !from.isValid() || !to.isValid() || to < from || rule.every < 1)
        return out;
    const qint64 firstK = afterAnchorPeriod ? 1 : 0;
    const auto keep = [&](const QDate &d) { return d >= anchor && d >= from && (!afterAnchorPeriod || d > anchor); };
    switch (rule.unit) {
    case PmRule::Unit::Days: {
        const qint64 k0 = std::max(firstK, anchor.daysTo(from) / rule.every - 1);
        for (qint64 k = k0;; ++k) {
            const QDate d = anchor.addDays(k * rule.every);
            if (!d.isValid() || d > to)
                break;
            if (keep(d))
                out << d;
        }
        break;
    }
    case PmRule::Unit::Weeks: {
        const int offset = (rule.anchor == PmRule::Anchor::Weekday ? rule.weekday : anchor.dayOfWeek()) - 1;
        // A new series starts with the first such weekday on or after its anchor; a
        // restarted one counts whole weeks from the anchor's week.
        const QDate monday = afterAnchorPeriod || anchor.dayOfWeek() <= offset + 1 ? weekMonday(anchor) : weekMonday(anchor).addDays(7);
        const qint64 step = 7 * qint64(rule.every);
        const qint64 k0 = std::max(firstK, monday.daysTo(from) / step - 1);
        for (qint64 k = k0;; ++k) {
            const QDate d = monday.addDays(k * step + offset);
            if (!d.isValid() || d > to)
                break;
            if (keep(d))
                out << d;
        }
        break;
    }
    case PmRule::Unit::Months: {
        int base = monthIndex(anchor);
        if (!afterAnchorPeriod && dayInMonth(rule, anchor.year(), anchor.month(), anchor) < anchor)
            ++base; // the anchor's month has no day left for a new series
        const qint64 k0 = std::max(firstK, qint64(monthIndex(from) - base) / rule.every - 1);
        for (qint64 k = k0;; ++k) {
            const qint64 index = base + k * rule.every;
            if (index / 12 > 9999)
                break;
            const QDate d = dayInMonth(rule, int(index / 12), int(index % 12) + 1, anchor);
            if (d > to)
                break;
            if (keep(d))
                out << d;
        }
        break;
    }
    }
    return out;
}

QDateTime localStart(const QDate &day, const QTime &time, const QTimeZone &zone)
{
    QDateTime t(day, time, zone);
    if (!t.isValid() || t.time() != time) {
        // Inside a spring-forward gap: the visit starts as the clocks jump, one hour on.
        const QDateTime later(day, time.addSecs(3600), zone);
        if (later.isValid())
            t = later;
    }
    return t.toUTC();
}

QVector<PmOccurrence> occurrences(const PmSeries &series, const QDate &today, const QDate &until, const QDate &lastGenerated)
{
    QVector<PmOccurrence> out;
    if (!today.isValid() || !until.isValid() || !series.start.isValid() || series.rule.every < 1)
        return out;
    const PmRule rule = normalized(series.rule, series.start);
    const QDate end = series.endsOn.isValid() ? std::min(until, series.endsOn) : until;
    if (end < today)
        return out;
    const auto inSeason = [&](const QDate &d) { return series.seasonalMonths.isEmpty() || series.seasonalMonths.contains(d.month()); };
    const auto add = [&](const QDate &due, const QDate &scheduled) {
        PmOccurrence o{due, scheduled, {}};
        if (series.preferredStart)
            o.start = localStart(due, *series.preferredStart, series.zone);
        out << o;
    };
    QDate anchor = series.start;
    bool restart = false;
    if (series.shiftOnMiss) {
        if (lastGenerated.isValid() && lastGenerated >= series.start) {
            anchor = lastGenerated;
            restart = true;
        }
        if (anchor < today) {
            QDate missed;
            for (const QDate &d : ruleDates(rule, anchor, anchor, today.addDays(-1), restart)) {
                if (inSeason(d)) {
                    missed = d;
                    break;
                }
            }
            if (missed.isValid() && inSeason(today)) {
                add(today, missed);
                anchor = today;
                restart = true;
            }
        }
    }
    for (const QDate &d : ruleDates(rule, anchor, today, end, restart))
        if (inSeason(d))
            add(d, d);
    return out;
}

} // namespace recurrence

} // namespace fieldops::planning
