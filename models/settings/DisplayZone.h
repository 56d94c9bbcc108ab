#pragma once
// The zone times are shown in (board, conflicts, KPI periods): this computer's by default,
// or one the dispatcher chose in Settings, e.g. a dispatcher in Lisbon planning technicians
// in São Paulo. Each technician's shift is still shaded in the technician's own zone.
#include <QString>
#include <QTimeZone>

namespace fieldops::settings {

// The chosen zone; this computer's when none is chosen or the stored id is unknown here.
QTimeZone displayZone();
// Stores `ianaId` (empty: this computer's zone). False, storing nothing, for an unknown id.
bool setDisplayZone(const QString &ianaId);

} // namespace fieldops::settings
