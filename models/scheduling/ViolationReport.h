#pragma once
// Violations as the outside world reads them: the JSON of the README's command-line section and a plain
// text table for people at a terminal.
#include "scheduling/Violation.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace fieldops::scheduling {

// {"violations":[{"kind","severity","technician_id","appointment_ids","detail"}]}
QJsonObject violationsToJson(const std::vector<Violation> &violations);
// Aligned columns with a header and a closing count line.
QString violationsToTable(const std::vector<Violation> &violations);

} // namespace fieldops::scheduling
