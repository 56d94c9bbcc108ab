#include "startup/StartupChoice.h"

namespace fieldops {

QString startupKindName(StartupKind kind)
{
    switch (kind) {
    case StartupKind::Demo: return QStringLiteral("demo");
    case StartupKind::Server: return QStringLiteral("server");
    case StartupKind::File: return QStringLiteral("file");
    case StartupKind::None: break;
    }
    return {};
}

StartupKind startupKindFromName(const QString &name)
{
    for (StartupKind k : {StartupKind::Demo, StartupKind::Server, StartupKind::File})
        if (startupKindName(k) == name)
            return k;
    return StartupKind::None;
}

StartupChoice StartupChoice::remembered()
{
    return {startupKindFromName(settings::startupKind().get()), settings::startupDatabase().get()};
}

void StartupChoice::remember() const
{
    settings::startupKind().set(startupKindName(kind));
    settings::startupDatabase().set(database);
}

void StartupChoice::forget()
{
    settings::startupKind().reset();
    settings::startupDatabase().reset();
}

namespace settings {
const SettingValue<QString> &startupKind()
{
    static const SettingValue<QString> v(QStringLiteral("Startup/kind"), {});
    return v;
}
const SettingValue<QString> &startupDatabase()
{
    static const SettingValue<QString> v(QStringLiteral("Startup/database"), {});
    return v;
}
} // namespace settings

} // namespace fieldops
