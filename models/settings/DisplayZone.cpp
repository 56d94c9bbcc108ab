#include "settings/DisplayZone.h"

#include "settings/ConsoleSettings.h"

namespace fieldops::settings {

QTimeZone displayZone()
{
    const QByteArray id = displayTimeZone().get().trimmed().toUtf8();
    if (!id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id))
        return QTimeZone(id);
    return QTimeZone::systemTimeZone();
}

bool setDisplayZone(const QString &ianaId)
{
    const QString id = ianaId.trimmed();
    if (!id.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(id.toUtf8()))
        return false;
    if (id.isEmpty())
        displayTimeZone().reset();
    else
        displayTimeZone().set(id);
    return true;
}

} // namespace fieldops::settings
