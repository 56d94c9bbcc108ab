#pragma once
// How audit values read to people: "start" instead of start_at, "on site" instead of
// on_site, "Nina" instead of t17, instants in the console's time zone. Shared by the
// lost-race sentences and the inspector's history so both say the same thing.
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QTimeZone>

namespace fieldops {

class AuditFields {
    Q_DECLARE_TR_FUNCTIONS(AuditFields)
public:
    // "visit", "work order", … : the thing a table's row is to a dispatcher.
    static QString entityNoun(const QString &entity);
    static QString fieldLabel(const QString &column);
    // Bookkeeping columns nobody edits (id, version): left out of the history.
    static bool isHidden(const QString &column);
    static bool isInstant(const QString &column);
    static QString appointmentStatusText(const QString &status);
    static QString workOrderStatusText(const QString &status);
    static QString operationText(const QString &op);
    // One value for display; technicianNames maps ids to names where known.
    static QString valueText(const QString &entity, const QString &column, const QJsonValue &value,
                             const QTimeZone &zone, const QHash<QString, QString> &technicianNames = {});
    // An instant as the console shows it ("25 Nov 15:05", the year when not this year).
    static QString instantText(const QDateTime &t, const QTimeZone &zone);
    // An instant from an audit value (ISO text from either dialect); null when it is not one.
    static QDateTime instantValue(const QJsonValue &value);
};

} // namespace fieldops
