#pragma once
// Most-recently-used database connections, stored without passwords.
#include "storage/DatabaseUrl.h"

#include <QStringList>

namespace fieldops::settings {

// Display URLs, most recent first.
QStringList recentConnectionList();
// Moves the URL to the front (dropping its password) and trims the list.
void rememberConnection(const DatabaseUrl &url);
void forgetConnection(const QString &displayUrl);

} // namespace fieldops::settings
