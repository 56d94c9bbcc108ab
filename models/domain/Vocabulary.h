#pragma once
// The closed vocabularies of the README's CSV interchange, in one place so validation, the schema's
// CHECK constraints and the UI's combo boxes cannot drift apart.
#include <QStringList>

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
inline const QStringList &weekDays()
{
    static const QStringList v{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"),
                               QStringLiteral("Thu"), QStringLiteral("Fri"), QStringLiteral("Sat"),
                               QStringLiteral("Sun")};
    return v;
}

} // namespace fieldops::vocabulary
