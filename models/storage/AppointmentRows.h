#pragma once
// One reading of an appointment row, shared by every query that selects whole
// appointments (the writer's re-fetch, the conflict engine's loader, the board's loader),
// so a new column is added in one place.
#include "domain/Entities.h"

#include <QSqlQuery>
#include <QString>

namespace fieldops::rows {

// "a.id, a.work_order_id, …, a.version": the columns readAppointment() expects, in order.
QString appointmentColumns(const QString &alias = QStringLiteral("a"));
constexpr int kAppointmentColumnCount = 11;
// Reads the appointment from columns [first, first + kAppointmentColumnCount).
Appointment readAppointment(const QSqlQuery &q, int first = 0);

} // namespace fieldops::rows
