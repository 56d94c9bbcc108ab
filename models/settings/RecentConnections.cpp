#include "settings/RecentConnections.h"

#include "settings/ConsoleSettings.h"

namespace fieldops::settings {

QStringList recentConnectionList() { return recentConnections().get(); }

void rememberConnection(const DatabaseUrl &url)
{
    const QString display = url.toDisplayString(); // never the password
    QStringList list = recentConnections().get();
    list.removeAll(display);
    list.prepend(display);
    const int max = qMax(1, maxRecentConnections().get());
    while (list.size() > max)
        list.removeLast();
    recentConnections().set(list);
}

void forgetConnection(const QString &displayUrl)
{
    QStringList list = recentConnections().get();
    if (list.removeAll(displayUrl) > 0)
        recentConnections().set(list);
}

} // namespace fieldops::settings
