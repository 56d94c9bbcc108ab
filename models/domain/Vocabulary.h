#pragma once
// The closed vocabularies of the README's CSV interchange, in one place so validation, the schema's
// CHECK constraints and the UI's combo boxes cannot drift apart.
#include <QStringList>

#include <vector>

namespace fieldops::vocabulary {

inline const QStringList &employmentTypes()
{
    static const QStringList v{QStringLiteral("employee"), QStringLiteral("part_time"),
                               QStringLiteral("contractor")};
    return v;
}
inline const QStringList &coverageKinds()
{
    static const QStringList v{QStringLiteral("24x7"), QStringLiteral("business_hours")};
    return v;
}
// How often a contract's fixed fee is billed.
inline const QStringList &feePeriods()
{
    static const QStringList v{QStringLiteral("month"), QStringLiteral("quarter"), QStringLiteral("year")};
    return v;
}
inline const QStringList &workOrderTypes()
{
    static const QStringList v{QStringLiteral("install"), QStringLiteral("corrective"),
                               QStringLiteral("preventive"), QStringLiteral("inspection")};
    return v;
}
inline const QStringList &workOrderStatuses()
{
    static const QStringList v{QStringLiteral("open"), QStringLiteral("scheduled"),
                               QStringLiteral("in_progress"), QStringLiteral("done"),
                               QStringLiteral("cancelled")};
    return v;
}
inline const QStringList &appointmentStatuses()
{
    static const QStringList v{QStringLiteral("tentative"), QStringLiteral("scheduled"),
                               QStringLiteral("en_route"),  QStringLiteral("on_site"),
                               QStringLiteral("completed"), QStringLiteral("cancelled")};
    return v;
}
// The appointment statuses a technician's phone reports (fieldops-cli ingest).
inline const QStringList &fieldStatuses()
{
    static const QStringList v{QStringLiteral("en_route"), QStringLiteral("on_site"), QStringLiteral("completed"),
                               QStringLiteral("cancelled")};
    return v;
}
// Where a time entry stands in the review before billing (time_entries.review_state; the
// schema's CHECK agrees): only approved and corrected entries are billed.
inline const QStringList &reviewStates()
{
    static const QStringList v{QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("corrected")};
    return v;
}
// Why a visit did not resolve its work order (appointments.outcome_reason; the schema's CHECK agrees).
inline const QStringList &outcomeReasons()
{
    static const QStringList v{QStringLiteral("needs_parts"), QStringLiteral("customer_absent"),
                               QStringLiteral("second_visit"), QStringLiteral("referred")};
    return v;
}
// The standard kinds of asset readings and the one unit each is stored in (the schema's
// CHECK on asset_readings agrees); any other kind is free text with a unit of its own.
struct ReadingKind {
    const char *kind;
    const char *unit; // UTF-8
};
inline const std::vector<ReadingKind> &standardReadingKinds()
{
    static const std::vector<ReadingKind> v{{"runtime_hours", "h"}, {"cycles", "count"}, {"temperature", "\u00b0C"},
                                            {"pressure", "bar"}, {"vibration", "mm/s"}};
    return v;
}
// The canonical unit of a standard kind, or a null QString for a free kind.
inline QString canonicalReadingUnit(const QString &kind)
{
    for (const ReadingKind &k : standardReadingKinds())
        if (kind == QLatin1String(k.kind))
            return QString::fromUtf8(k.unit);
    return {};
}
inline const QStringList &weekDays()
{
    static const QStringList v{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"),
                               QStringLiteral("Thu"), QStringLiteral("Fri"), QStringLiteral("Sat"),
                               QStringLiteral("Sun")};
    return v;
}

} // namespace fieldops::vocabulary
