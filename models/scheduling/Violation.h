#pragma once
// One rule violation of the README's rule checks: the same value feeds the drag verdict, the
// conflicts panel and `fieldops-cli conflicts`, so their wording can never drift apart.
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace fieldops::scheduling {

// Declaration order is the output order of a technician's violations at one instant.
enum class ViolationKind { Overlap, Travel, Shift, Absence, Skill, Window, Sla };
enum class Severity { Hard, Soft };

QString kindName(ViolationKind kind);     // "overlap", "travel", … (the contract's names)
std::optional<ViolationKind> kindFromName(const QString &name);
Severity severityOf(ViolationKind kind);  // overlap is hard, everything else soft
QString severityName(Severity severity);  // "hard" | "soft"

struct Violation {
    ViolationKind kind = ViolationKind::Overlap;
    QString technicianId;
    // One id, or two for the pair kinds (overlap, travel) in schedule order.
    QStringList appointmentIds;
    QString detail; // one translated, human-readable line
    QDateTime start; // start of the first appointment named: the sort key after the technician

    Severity severity() const { return severityOf(kind); }
    bool isHard() const { return severity() == Severity::Hard; }
};

// Deterministic order: technician id, start, kind, appointment ids.
bool violationLess(const Violation &a, const Violation &b);
void sortViolations(std::vector<Violation> &violations);

} // namespace fieldops::scheduling
