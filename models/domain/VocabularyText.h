#pragma once
// The closed vocabularies in the user's language, for every view that shows them (the
// board's bars and menus, the KPI drill-down), so a status reads the same everywhere.
#include <QString>

namespace fieldops::vocabulary {

QString appointmentStatusText(const QString &status);
QString workOrderTypeText(const QString &type);
QString workOrderStatusText(const QString &status);
QString coverageText(const QString &coverage);
QString feePeriodText(const QString &period);
// Why a visit left its job unresolved (appointments.outcome_reason).
QString outcomeReasonText(const QString &reason);

} // namespace fieldops::vocabulary
