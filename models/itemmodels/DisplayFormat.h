#pragma once
// How the console writes instants for people: local time, compact ("25 Nov 15:05" this
// year, "25 Nov 2025 15:05" otherwise), month names in the user's language. One place, so
// the table, the queue, the alerts and the inspector agree.
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace fieldops::display {

inline QString instant(const QDateTime &t, const QDateTime &now = QDateTime::currentDateTime())
{
    if (!t.isValid())
        return {};
    const QDateTime local = t.toLocalTime();
    const bool thisYear = local.date().year() == now.toLocalTime().date().year();
    return QLocale().toString(local, thisYear ? QStringLiteral("d MMM HH:mm") : QStringLiteral("d MMM yyyy HH:mm"));
}

} // namespace fieldops::display
