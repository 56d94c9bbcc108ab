#include "scheduling/SuggestionReasons.h"

#include "scheduling/ConflictRules.h"

#include <QCoreApplication>

namespace fieldops::scheduling {

// Translation context of the reasons (lupdate reads the class name).
class SuggestionText {
    Q_DECLARE_TR_FUNCTIONS(SuggestionText)
};

namespace {

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

// "the skill hvac" / "the skills gas, hvac"
QString skillWords(const QStringList &skills)
{
    return skills.size() == 1 ? SuggestionText::tr("the skill %1").arg(skills.constFirst())
                              : SuggestionText::tr("the skills %1").arg(skills.join(QStringLiteral(", ")));
}

} // namespace

QStringList suggestionReasons(const SlotFacts &f)
{
    QStringList out;
    if (f.skills.isEmpty())
        out << SuggestionText::tr("no skill required");
    else if (f.skills.size() == 1)
        out << SuggestionText::tr("skill %1").arg(f.skills.constFirst());
    else
        out << SuggestionText::tr("skills %1").arg(f.skills.join(QStringLiteral(", ")));
    out << SuggestionText::tr("%1 min away").arg(f.travelMin);
    if (!f.hasSla)
        out << SuggestionText::tr("no SLA due");
    else if (f.slaSlackMin >= 0)
        out << SuggestionText::tr("within SLA, %1 to spare").arg(rules::durationText(f.slaSlackMin));
    else
        out << SuggestionText::tr("%1 after SLA").arg(rules::durationText(-f.slaSlackMin));
    if (f.hasWindow)
        out << SuggestionText::tr("inside the customer's window");
    out << (f.bookedMin > 0 ? SuggestionText::tr("%1 booked that day").arg(rules::durationText(f.bookedMin))
                            : SuggestionText::tr("nothing else booked that day"));
    if (f.needsParts && f.vanLacks.isEmpty()) {
        out << SuggestionText::tr("carries the parts");
    } else if (f.needsParts) {
        //: %1 lists what the technician's van is missing of the work order's parts, e.g. "2 × FLT-100, 1 × BELT-3".
        out << SuggestionText::tr("van lacks %1").arg(f.vanLacks);
    }
    return out;
}

QString noSlotReason(const QStringList &skills, int qualified, const QDateTime &until)
{
    if (skills.isEmpty())
        return qualified == 1 ? SuggestionText::tr("the one active technician is off or full until %1").arg(stamp(until))
                              : SuggestionText::tr("all %1 active technicians are off or full until %2").arg(qualified).arg(stamp(until));
    return qualified == 1
        ? SuggestionText::tr("1 technician has %1; they are off or full until %2").arg(skillWords(skills), stamp(until))
        : SuggestionText::tr("%1 technicians have %2; all are off or full until %3").arg(qualified).arg(skillWords(skills), stamp(until));
}

QString noQualifiedReason(const QStringList &skills)
{
    if (skills.isEmpty())
        return SuggestionText::tr("there is no active technician");
    return SuggestionText::tr("no active technician has %1").arg(skillWords(skills));
}

QString windowOutsideReason(const QDateTime &windowStart, const QDateTime &windowEnd, const QDateTime &from,
                            const QDateTime &to)
{
    const QString open = windowStart.isValid() ? stamp(windowStart) : QStringLiteral("…");
    const QString close = windowEnd.isValid() ? stamp(windowEnd) : QStringLiteral("…");
    return SuggestionText::tr("the customer's window %1 – %2 leaves no room for the visit between %3 and %4")
        .arg(open, close, stamp(from), stamp(to));
}

} // namespace fieldops::scheduling
