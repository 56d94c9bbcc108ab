#pragma once
// One reading of a technician row, shared by the technician list and the schedule
// loader, so a new column is added in one place. Skills live in their own table and
// are not read here.
#include "domain/Entities.h"

#include <QSqlQuery>
#include <QString>

namespace fieldops::rows {

// "t.id, t.name, …, t.version, t.active": the columns readTechnician() expects, in order.
QString technicianColumns(const QString &alias = QStringLiteral("t"));
constexpr int kTechnicianColumnCount = 13;
// Reads the technician from columns [first, first + kTechnicianColumnCount).
Technician readTechnician(const QSqlQuery &q, int first = 0);

} // namespace fieldops::rows
