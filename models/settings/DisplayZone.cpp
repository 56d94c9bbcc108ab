#include "settings/DisplayZone.h"

#include "settings/ConsoleSettings.h"

namespace fieldops::settings {

QString perTechnicianZoneChoice() { return QStringLiteral(":technician"); }

QTimeZone displayZone()
{
    const QByteArray id = displayTimeZone().get().trimmed().toUtf8();
    if (!id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id))
        return QTimeZone(id);
    return QTimeZone::systemTimeZone();
}

bool displayPerTechnician() { return displayTimeZone().get().trimmed() == perTechnicianZoneChoice(); }

bool setDisplayZone(const QString &ianaId)
{
    const QString id = ianaId.trimmed();
    if (!id.isEmpty() && id != perTechnicianZoneChoice() && !QTimeZone::isTimeZoneIdAvailable(id.toUtf8()))
        return false;
    if (id.isEmpty())
        displayTimeZone().reset();
    else
        displayTimeZone().set(id);
    return true;
}

} // namespace fieldops::settings
