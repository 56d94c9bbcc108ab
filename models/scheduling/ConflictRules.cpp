#include "scheduling/ConflictRules.h"

#include "domain/Vocabulary.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace fieldops::scheduling {

// Translation context of every detail line (lupdate reads the class name).
class ConflictText {
    Q_DECLARE_TR_FUNCTIONS(ConflictText)
};

namespace rules {

namespace {

QDateTime utc(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

// Local wall-clock reading of an instant, as "2026-03-02 09:00".
QString localStamp(const ZoneClock &clock, qint64 ms)
{
    return utc(clock.toLocalMs(ms)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString localClock(const ZoneClock &clock, qint64 ms)
{
    return utc(clock.toLocalMs(ms)).toString(QStringLiteral("HH:mm"));
}

// "2026-03-02 09:00–10:00", or with both dates when the span crosses midnight.
QString localSpan(const ZoneClock &clock, qint64 start, qint64 end)
{
    const QString to = clock.localDayNumber(start) == clock.localDayNumber(end - 1)
        ? localClock(clock, end)
        : localStamp(clock, end);
    return localStamp(clock, start) + QChar(0x2013) + to;
}

const ZoneClock &clockOf(const CompiledSchedule &s, const Visit &v)
{
    static const ZoneClock utcClock;
    return v.tech >= 0 ? s.technicians()[size_t(v.tech)].clock() : utcClock;
}

QString zoneName(const ZoneClock &clock) { return QString::fromUtf8(clock.zone().id()); }

const WorkOrderRec *workOrderOf(const CompiledSchedule &s, const Visit &v)
{
    return v.workOrder >= 0 ? &s.workOrders()[size_t(v.workOrder)] : nullptr;
}

Violation make(ViolationKind kind, const CompiledSchedule &s, const Visit &v, QString detail)
{
    return Violation{kind, v.tech >= 0 ? s.technicians()[size_t(v.tech)].id : QString(), {v.id}, std::move(detail),
                     utc(v.start)};
}

Violation makePair(ViolationKind kind, const CompiledSchedule &s, const Visit &a, const Visit &b, QString detail)
{
    Violation out = make(kind, s, a, std::move(detail));
    out.appointmentIds.append(b.id);
    return out;
}

QString duration(qint64 minutes) { return durationText(minutes); }

} // namespace

// Long delays read better than thousands of minutes.
QString durationText(qint64 minutes)
{
    if (minutes < 60)
        return ConflictText::tr("%1 min").arg(minutes);
    const qint64 days = minutes / 1440, hours = minutes % 1440 / 60, mins = minutes % 60;
    if (days > 0)
        return hours ? ConflictText::tr("%1 d %2 h").arg(days).arg(hours) : ConflictText::tr("%1 d").arg(days);
    return mins ? ConflictText::tr("%1 h %2 min").arg(hours).arg(mins) : ConflictText::tr("%1 h").arg(hours);
}

Violation overlap(const CompiledSchedule &s, const Visit &first, const Visit &second)
{
    const ZoneClock &clock = clockOf(s, first);
    return makePair(ViolationKind::Overlap, s, first, second,
                    ConflictText::tr("%1 (%2) and %3 (%4) overlap: double booking (%5)")
                        .arg(first.id, localSpan(clock, first.start, first.end), second.id,
                             localSpan(clock, second.start, second.end), zoneName(clock)));
}

std::optional<Violation> travel(const CompiledSchedule &s, const Visit &first, const Visit &second)
{
    const ZoneClock &clock = clockOf(s, first);
    if (clock.localDayNumber(first.start) != clock.localDayNumber(second.start))
        return std::nullopt;
    const WorkOrderRec *wa = workOrderOf(s, first);
    const WorkOrderRec *wb = workOrderOf(s, second);
    if (!wa || !wb || wa->site < 0 || wb->site < 0)
        return std::nullopt; // nowhere to travel from or to: nothing to judge
    const GeoPlace &from = s.sites()[size_t(wa->site)].place;
    const GeoPlace &to = s.sites()[size_t(wb->site)].place;
    const qint64 gapMs = second.start - first.end;
    // Cheap exits first: the same site is 0 minutes away, and a gap at least as long as the
    // provider's cheap upper bound needs no exact travel time.
    if (gapMs >= 0 && (from.siteId == to.siteId && !from.siteId.isEmpty()))
        return std::nullopt;
    if (gapMs >= qint64(s.travel().upperBoundMinutes(from, to)) * 60'000)
        return std::nullopt;
    const int need = s.travel().minutes(from, to);
    if (gapMs >= qint64(need) * 60'000)
        return std::nullopt;
    // Gaps are shown in whole minutes rounded toward zero: "19 min" never hides a shortfall.
    const QString detail = gapMs >= 0
        ? ConflictText::tr("%1 between the end of %2 and the start of %3, but travel takes %4")
              .arg(duration(gapMs / 60'000), first.id, second.id, duration(need))
        : ConflictText::tr("%1 starts %2 before %3 ends, and travel takes %4")
              .arg(second.id, duration((-gapMs + 59'999) / 60'000), first.id, duration(need));
    return makePair(ViolationKind::Travel, s, first, second, detail);
}

std::optional<Violation> shift(const CompiledSchedule &s, const Visit &v)
{
    if (v.tech < 0)
        return std::nullopt;
    const ShiftCalendar &cal = s.technicians()[size_t(v.tech)].shifts;
    const ShiftCheck c = cal.check(v.start, v.end);
    if (c.fit == ShiftFit::Inside)
        return std::nullopt;
    const ZoneClock &clock = cal.clock();
    if (c.fit == ShiftFit::DayOff) {
        const QString day = vocabulary::weekDays().at(ShiftCalendar::isoDayOfWeek(c.day) - 1);
        return make(ViolationKind::Shift, s, v,
                    ConflictText::tr("%1 falls on a day off (%2, %3)")
                        .arg(localSpan(clock, v.start, v.end), day, zoneName(clock)));
    }
    return make(ViolationKind::Shift, s, v,
                ConflictText::tr("%1 is not inside the shift %2 (%3)")
                    .arg(localSpan(clock, v.start, v.end), localSpan(clock, c.shift->startMs, c.shift->endMs),
                         zoneName(clock)));
}

std::optional<Violation> absence(const CompiledSchedule &s, const Visit &v)
{
    const std::vector<int> hits = s.absencesIntersecting(v.tech, v.start, v.end);
    if (hits.empty())
        return std::nullopt;
    const ZoneClock &clock = clockOf(s, v);
    const AbsenceRec &a = s.absences()[size_t(hits.front())];
    QString what = localSpan(clock, a.start, a.end);
    if (!a.reason.isEmpty())
        what += QStringLiteral(" (%1)").arg(a.reason);
    if (hits.size() > 1)
        return make(ViolationKind::Absence, s, v,
                    ConflictText::tr("intersects the technician's absence %1 and %2 more").arg(what).arg(hits.size() - 1));
    return make(ViolationKind::Absence, s, v, ConflictText::tr("intersects the technician's absence %1").arg(what));
}

std::optional<Violation> skill(const CompiledSchedule &s, const Visit &v)
{
    const WorkOrderRec *w = workOrderOf(s, v);
    if (!w || w->skills.empty() || v.tech < 0)
        return std::nullopt;
    const std::vector<int> &has = s.technicians()[size_t(v.tech)].skills;
    if (std::includes(has.begin(), has.end(), w->skills.begin(), w->skills.end()))
        return std::nullopt;
    std::vector<int> missing;
    std::set_difference(w->skills.begin(), w->skills.end(), has.begin(), has.end(), std::back_inserter(missing));
    QStringList codes;
    for (const int n : missing)
        codes << s.skillCode(n);
    codes.sort();
    return make(ViolationKind::Skill, s, v,
                ConflictText::tr("the technician lacks the skill(s) %1 that %2 requires")
                    .arg(codes.join(QStringLiteral(", ")), w->id));
}

std::optional<Violation> window(const CompiledSchedule &s, const Visit &v)
{
    const WorkOrderRec *w = workOrderOf(s, v);
    if (!w)
        return std::nullopt;
    const ZoneClock &clock = clockOf(s, v);
    QStringList parts;
    if (w->windowStart != kNoTime && v.start < w->windowStart)
        parts << ConflictText::tr("starts %1, before the window opens %2")
                     .arg(localStamp(clock, v.start), localStamp(clock, w->windowStart));
    if (w->windowEnd != kNoTime && v.end > w->windowEnd)
        parts << ConflictText::tr("ends %1, after the window closes %2")
                     .arg(localStamp(clock, v.end), localStamp(clock, w->windowEnd));
    if (parts.isEmpty())
        return std::nullopt;
    return make(ViolationKind::Window, s, v, parts.join(QStringLiteral("; ")) + QStringLiteral(" (%1)").arg(zoneName(clock)));
}

std::optional<Violation> sla(const CompiledSchedule &s, const Visit &v)
{
    const WorkOrderRec *w = workOrderOf(s, v);
    if (!w || w->slaDue == kNoTime || v.end <= w->slaDue)
        return std::nullopt;
    const ZoneClock &clock = clockOf(s, v);
    const qint64 late = (v.end - w->slaDue + 59'999) / 60'000; // a late second is a late minute
    return make(ViolationKind::Sla, s, v,
                ConflictText::tr("ends %1, %2 after the SLA of %3 is due (%4, %5)")
                    .arg(localStamp(clock, v.end), duration(late), w->id, localStamp(clock, w->slaDue), zoneName(clock)));
}

void singleVisitRules(const CompiledSchedule &s, const Visit &v, std::vector<Violation> &out)
{
    for (auto rule : {shift, absence, skill, window, sla}) {
        if (auto violation = rule(s, v))
            out.push_back(std::move(*violation));
    }
}

} // namespace rules
} // namespace fieldops::scheduling
