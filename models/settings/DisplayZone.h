#pragma once
// The zone times are shown in (board, conflicts, KPI periods): this computer's by default,
// one the dispatcher chose in Settings (e.g. a dispatcher in Lisbon planning technicians in
// São Paulo), or each technician's own: the board then places every row by its technician's
// wall clock. Whatever is chosen, times are stored in UTC.
#include <QString>
#include <QTimeZone>

namespace fieldops::settings {

// The stored choice "each technician's own zone": no IANA name (none starts with ':'), so a
// console that does not know the choice reads it as an unknown id, i.e. this computer's zone.
QString perTechnicianZoneChoice();

// The one zone for what needs one (the KPI periods, the dates the board opens on): the chosen
// zone; this computer's when none is chosen, the stored id is unknown here, or each
// technician's own zone is chosen.
QTimeZone displayZone();
// True when each technician's row is shown in the technician's own zone.
bool displayPerTechnician();
// Stores `ianaId` (empty: this computer's zone; perTechnicianZoneChoice(): each technician's).
// False, storing nothing, for an unknown id.
bool setDisplayZone(const QString &ianaId);

} // namespace fieldops::settings
