#include "field/VisitOutcome.h"

#include "domain/Vocabulary.h"

#include <QCoreApplication>

namespace fieldops::field {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(VisitOutcome)
};
} // namespace

OutcomeIssues checkOutcome(const VisitOutcome &o, const QDateTime &plannedStart, const QDateTime &now)
{
    OutcomeIssues issues;
    const QDateTime latest = now.addSecs(kOutcomeClockSkewMinutes * 60);
    const auto notAhead = [&](const QString &field, const QDateTime &t) {
        if (t.isValid() && t > latest)
            issues.push_back({field, Text::tr("%1 is in the future").arg(t.toUTC().toString(Qt::ISODate))});
    };

    if (!o.arrivedAt.isValid())
        issues.push_back({QStringLiteral("arrived_at"), Text::tr("say when the technician arrived")});
    else if (plannedStart.isValid() && o.arrivedAt < plannedStart.addSecs(-kOutcomeEarliestArrivalHours * 3600))
        issues.push_back({QStringLiteral("arrived_at"), Text::tr("the arrival is more than %n hour(s) before the visit's start", nullptr,
                                                                 kOutcomeEarliestArrivalHours)});
    notAhead(QStringLiteral("arrived_at"), o.arrivedAt);

    if (!o.completedAt.isValid())
        issues.push_back({QStringLiteral("completed_at"), Text::tr("say when the work ended")});
    else if (o.arrivedAt.isValid() && o.completedAt < o.arrivedAt)
        issues.push_back({QStringLiteral("completed_at"), Text::tr("the work cannot end before the technician arrived")});
    notAhead(QStringLiteral("completed_at"), o.completedAt);

    if (o.departedAt.isValid()) {
        if (o.completedAt.isValid() && o.departedAt < o.completedAt)
            issues.push_back({QStringLiteral("departed_at"), Text::tr("the technician cannot leave before the work ended")});
        else if (o.arrivedAt.isValid() && o.departedAt < o.arrivedAt)
            issues.push_back({QStringLiteral("departed_at"), Text::tr("the departure cannot be before the arrival")});
        notAhead(QStringLiteral("departed_at"), o.departedAt);
    }

    if (o.resolved && !o.reason.isEmpty())
        issues.push_back({QStringLiteral("outcome_reason"), Text::tr("a resolved visit has no reason for not resolving")});
    else if (!o.resolved && o.reason.isEmpty())
        issues.push_back({QStringLiteral("outcome_reason"), Text::tr("say why the job is not resolved")});
    else if (!o.resolved && !vocabulary::outcomeReasons().contains(o.reason))
        issues.push_back({QStringLiteral("outcome_reason"),
                          Text::tr("\"%1\" is not one of %2").arg(o.reason, vocabulary::outcomeReasons().join(QStringLiteral(", ")))});

    if (!o.parts.empty() && (o.resolved || o.reason != QLatin1String("needs_parts")))
        issues.push_back({QStringLiteral("parts"), Text::tr("only a visit not resolved for missing parts lists parts")});
    for (const parts::PartNeed &p : o.parts) {
        if (!(p.quantity > 0)) {
            issues.push_back({QStringLiteral("parts"), Text::tr("%1: the quantity must be greater than 0").arg(p.sku)});
            break;
        }
    }

    if (o.notes.size() > kOutcomeMaxNotes)
        issues.push_back({QStringLiteral("outcome_notes"), Text::tr("the notes are longer than %1 characters").arg(kOutcomeMaxNotes)});
    if (o.signedBy.size() > kOutcomeMaxSignedBy)
        issues.push_back({QStringLiteral("signed_by"), Text::tr("the name is longer than %1 characters").arg(kOutcomeMaxSignedBy)});
    return issues;
}

} // namespace fieldops::field
