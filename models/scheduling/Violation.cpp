#include "scheduling/Violation.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace fieldops::scheduling {

namespace {
constexpr std::array<const char *, 7> kNames{"overlap", "travel", "shift", "absence", "skill", "window", "sla"};
}

QString kindName(ViolationKind kind)
{
    return QString::fromLatin1(kNames[size_t(kind)]);
}

std::optional<ViolationKind> kindFromName(const QString &name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return ViolationKind(i);
    }
    return std::nullopt;
}

Severity severityOf(ViolationKind kind)
{
    return kind == ViolationKind::Overlap ? Severity::Hard : Severity::Soft;
}

QString severityName(Severity severity)
{
    return severity == Severity::Hard ? QStringLiteral("hard") : QStringLiteral("soft");
}

bool violationLess(const Violation &a, const Violation &b)
{
    if (const int c = a.technicianId.compare(b.technicianId); c != 0)
        return c < 0;
    const qint64 sa = a.start.toMSecsSinceEpoch(), sb = b.start.toMSecsSinceEpoch();
    if (sa != sb)
        return sa < sb;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    return a.appointmentIds < b.appointmentIds;
}

void sortViolations(std::vector<Violation> &violations)
{
    std::sort(violations.begin(), violations.end(), violationLess);
}

} // namespace fieldops::scheduling
