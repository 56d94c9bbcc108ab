#include "settings/SettingsEvents.h"

namespace fieldops {

Q_GLOBAL_STATIC(SettingsEvents, g_settingsEvents)

SettingsEvents *SettingsEvents::instance() { return g_settingsEvents(); }

} // namespace fieldops
