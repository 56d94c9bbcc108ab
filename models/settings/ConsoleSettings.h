#pragma once
// Every persistent setting of the console, declared once with its default. Never holds a
// password: those go to the system keychain (see app/gui/PasswordStore).
#include "settings/SettingValue.h"

#include <QByteArray>
#include <QStringList>
#include <QVariantMap>

namespace fieldops::settings {

// Window layout: restored on start (geometry, docks and toolbars, last tab, table columns).
inline const SettingValue<QByteArray> &windowGeometry()
{
    static const SettingValue<QByteArray> v(QStringLiteral("MainWindow/geometry"), {});
    return v;
}
inline const SettingValue<QByteArray> &windowState()
{
    static const SettingValue<QByteArray> v(QStringLiteral("MainWindow/state"), {});
    return v;
}
inline const SettingValue<QString> &lastTab()
{
    static const SettingValue<QString> v(QStringLiteral("MainWindow/lastTab"), QStringLiteral("workorders"));
    return v;
}
inline const SettingValue<QByteArray> &workOrderTableHeader()
{
    static const SettingValue<QByteArray> v(QStringLiteral("WorkOrders/headerState"), {});
    return v;
}
inline const SettingValue<QByteArray> &storyWindowGeometry()
{
    static const SettingValue<QByteArray> v(QStringLiteral("StoryWindow/geometry"), {});
    return v;
}

inline const SettingValue<QByteArray> &queueHeader()
{
    static const SettingValue<QByteArray> v(QStringLiteral("Queue/headerState"), {});
    return v;
}

// The time zone the board, its conflicts and the KPI periods are shown in: an IANA id, empty
// for this computer's zone, or ":technician" for each technician's own (DisplayZone.h
// resolves it).
inline const SettingValue<QString> &displayTimeZone()
{
    static const SettingValue<QString> v(QStringLiteral("Display/timeZone"), {});
    return v;
}

// The console's language: a shipped language's name ("pt_BR", "es", "zh_CN", "en"), or empty
// to follow this computer's locale (util/Translations.h). Applies at the next start.
inline const SettingValue<QString> &language()
{
    static const SettingValue<QString> v(QStringLiteral("Display/language"), {});
    return v;
}

// What the KPI dashboard shows (KpiDashboard::viewState): period preset, buckets, trend …
inline const SettingValue<QVariantMap> &kpiViewState()
{
    static const SettingValue<QVariantMap> v(QStringLiteral("Kpi/viewState"), {});
    return v;
}

// Connections: display URLs only (DatabaseUrl::toDisplayString), most recent first.
inline const SettingValue<QStringList> &recentConnections()
{
    static const SettingValue<QStringList> v(QStringLiteral("Connection/recent"), {});
    return v;
}
inline const SettingValue<int> &maxRecentConnections()
{
    static const SettingValue<int> v(QStringLiteral("Connection/maxRecent"), 8);
    return v;
}

// How often the data is re-read when no change feed reports changes (ms).
inline const SettingValue<int> &refreshIntervalMs()
{
    static const SettingValue<int> v(QStringLiteral("Data/refreshIntervalMs"), 60000);
    return v;
}

// The OSRM routing service suggestions and the optimiser ask for road travel times (a base
// URL such as http://127.0.0.1:5000); empty: the straight-line model. The rule checks of the
// Conflicts view never use it (scheduling/PlanningTravelTime.h).
inline const SettingValue<QString> &routingServiceUrl()
{
    static const SettingValue<QString> v(QStringLiteral("Routing/serviceUrl"), {});
    return v;
}

// How often the console evaluates the condition rules (minutes; ConditionWatch).
inline const SettingValue<int> &conditionIntervalMinutes()
{
    static const SettingValue<int> v(QStringLiteral("Conditions/intervalMinutes"), 5);
    return v;
}

} // namespace fieldops::settings
