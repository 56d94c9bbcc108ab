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
// Where a time entry stands in the review (time_entries.review_state).
QString reviewStateText(const QString &state);
// What a time entry was spent on; activities beyond travel, work and waiting are free text.
QString timeActivityText(const QString &activity);

} // namespace fieldops::vocabulary
