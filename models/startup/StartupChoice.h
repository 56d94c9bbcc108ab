#pragma once
// What the user chose the first time the console started without a database (the demo, a
// server, or a file of their own), remembered in the settings so the next start opens it
// without asking. --db and FIELDOPS_DB always win over it (StartupDatabase.h).
#include "settings/SettingValue.h"

#include <QString>

namespace fieldops {

enum class StartupKind { None, Demo, Server, File };

// Stable names for the settings file; never translated.
QString startupKindName(StartupKind kind);
StartupKind startupKindFromName(const QString &name); // unknown → None

struct StartupChoice {
    StartupKind kind = StartupKind::None;
    QString database; // a display URL (DatabaseUrl::toDisplayString): never a password

    bool isSet() const { return kind != StartupKind::None && !database.isEmpty(); }

    static StartupChoice remembered();
    void remember() const;
    static void forget();
};

namespace settings {
const SettingValue<QString> &startupKind();     // Startup/kind: demo | server | file
const SettingValue<QString> &startupDatabase(); // Startup/database: the display URL
} // namespace settings

} // namespace fieldops
