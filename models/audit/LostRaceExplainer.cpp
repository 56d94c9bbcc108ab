#include "audit/LostRaceExplainer.h"

#include "audit/AuditFields.h"
#include "audit/AuditLogReader.h"
#include "storage/Database.h"

#include <QLocale>
#include <QStringList>

namespace fieldops {

namespace {

constexpr int kEntriesToRead = 20;

int versionOf(const QJsonObject &row)
{
    const QJsonValue v = row.value(QLatin1String("version"));
    return v.isUndefined() || v.isNull() ? -1 : v.toInt();
}

// "Ana", "Ana and Bruno", "Ana, Bruno and Carla": oldest first, each once.
QString actorList(const AuditEntries &since, const QString &self)
{
    QStringList actors;
    for (auto it = since.rbegin(); it != since.rend(); ++it)
        if (!actors.contains(it->actor))
            actors << it->actor;
    // The user's own change from another window or console is "you", not their login.
    for (qsizetype i = 0; i < actors.size(); ++i)
        if (!self.isEmpty() && actors[i] == self)
            actors[i] = i == 0 ? LostRaceExplainer::tr("You (in another window)") : LostRaceExplainer::tr("you (in another window)");
    if (actors.size() == 1)
        return actors.front();
    const QString last = actors.takeLast();
    return LostRaceExplainer::tr("%1 and %2").arg(actors.join(QStringLiteral(", ")), last);
}

// The new start as the dispatcher reads it: the clock alone on the same day as before.
QString whenText(const QDateTime &before, const QDateTime &after, const QTimeZone &zone)
{
    const QDateTime a = after.toTimeZone(zone);
    const bool sameDay = before.isValid() && before.toTimeZone(zone).date() == a.date();
    return QLocale().toString(a, sameDay ? QStringLiteral("HH:mm") : QStringLiteral("d MMM HH:mm"));
}

QStringList appointmentClauses(const QJsonObject &before, const QJsonObject &after,
                               const QHash<QString, QString> &names, const QTimeZone &zone)
{
    using F = AuditFields;
    const auto changed = [&](const char *column) {
        return before.value(QLatin1String(column)) != after.value(QLatin1String(column));
    };
    const QDateTime oldStart = F::instantValue(before.value(QLatin1String("start_at")));
    const QDateTime newStart = F::instantValue(after.value(QLatin1String("start_at")));
    const QDateTime newEnd = F::instantValue(after.value(QLatin1String("end_at")));
    const QString technician = F::valueText(QStringLiteral("appointments"), QStringLiteral("technician_id"),
                                            after.value(QLatin1String("technician_id")), zone, names);
    QStringList clauses;
    const bool startMoved = changed("start_at") && newStart.isValid() && oldStart != newStart;
    if (changed("technician_id") && startMoved)
        clauses << LostRaceExplainer::tr("moved this visit to %1 at %2").arg(technician, whenText(oldStart, newStart, zone));
    else if (changed("technician_id"))
        clauses << LostRaceExplainer::tr("reassigned this visit to %1").arg(technician);
    else if (startMoved)
        clauses << LostRaceExplainer::tr("moved this visit to %1").arg(whenText(oldStart, newStart, zone));
    else if (changed("end_at") && newEnd.isValid())
        clauses << LostRaceExplainer::tr("changed this visit to end at %1").arg(whenText(oldStart, newEnd, zone));
    if (changed("status")) {
        const QString status = after.value(QLatin1String("status")).toString();
        // The board unassigns a visit by cancelling it.
        if (status == QLatin1String("cancelled"))
            clauses << LostRaceExplainer::tr("unassigned this visit");
        else
            clauses << LostRaceExplainer::tr("changed the status of this visit to %1").arg(F::appointmentStatusText(status));
    }
    if (changed("locked")) {
        const QJsonValue v = after.value(QLatin1String("locked"));
        const bool locked = v.isBool() ? v.toBool() : v.toDouble() != 0;
        clauses << (locked ? LostRaceExplainer::tr("locked this visit") : LostRaceExplainer::tr("unlocked this visit"));
    }
    return clauses;
}

// Any other row: its status in words (work orders), the other changed fields by name.
QStringList fieldClauses(const QString &entity, const QJsonObject &before, const QJsonObject &after)
{
    const QString noun = AuditFields::entityNoun(entity);
    QStringList clauses;
    QStringList others;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (AuditFields::isHidden(it.key()) || before.value(it.key()) == it.value())
            continue;
        if (entity == QLatin1String("work_orders") && it.key() == QLatin1String("status"))
            clauses << LostRaceExplainer::tr("changed the status of this work order to %1")
                           .arg(AuditFields::workOrderStatusText(it.value().toString()));
        else
            others << AuditFields::fieldLabel(it.key());
    }
    if (!others.isEmpty())
        clauses << LostRaceExplainer::tr("changed the %1 of this %2").arg(others.join(QStringLiteral(", ")), noun);
    return clauses;
}

} // namespace

QString LostRaceExplainer::describe(const QString &entity, const AuditEntries &since,
                                    const QHash<QString, QString> &technicianNames, const QTimeZone &zone,
                                    const QString &self)
{
    if (since.empty())
        return {};
    const AuditEntry &newest = since.front();
    const QString who = actorList(since, self);
    const QString noun = AuditFields::entityNoun(entity);
    if (newest.op == QLatin1String("delete"))
        return tr("%1 deleted this %2 while you were editing").arg(who, noun);
    // What the user saw is the oldest entry's "before"; what is there now the newest's "after".
    const QJsonObject &before = since.back().oldValues;
    const QJsonObject &after = newest.newValues;
    QStringList clauses;
    if (entity == QLatin1String("appointments"))
        clauses = appointmentClauses(before, after, technicianNames, zone);
    else if (!before.isEmpty())
        clauses = fieldClauses(entity, before, after);
    if (clauses.isEmpty())
        return tr("%1 changed this %2 while you were editing").arg(who, noun);
    return tr("%1 %2 while you were editing").arg(who, clauses.join(tr(" and ")));
}

QString LostRaceExplainer::explain(const QString &entity, const QString &id, int expectedVersion)
{
    return explainEntries(entity, AuditLogReader(m_db).history(entity, id, kEntriesToRead), expectedVersion);
}

QString LostRaceExplainer::explainOwned(const QString &entity, const QString &id, const QString &ownerId, int expectedVersion)
{
    // The owner's entries mix its other rows in: read more, keep this row's.
    return explainEntries(entity, AuditLogReader(m_db).ownedRowHistory(entity, id, ownerId, kEntriesToRead * 10), expectedVersion);
}

QString LostRaceExplainer::explainEntries(const QString &entity, Result<AuditEntries> entries, int expectedVersion)
{
    AuditLogReader reader(m_db);
    if (!entries || entries->empty())
        return {};
    // Keep the entries that made the row newer than what the user saw (or removed it).
    AuditEntries since;
    for (AuditEntry &e : *entries) {
        const int after = versionOf(e.newValues);
        const int before = versionOf(e.oldValues);
        const bool newer = e.op == QLatin1String("delete") ? before >= expectedVersion
                                                           : after < 0 || after > expectedVersion;
        if (!newer && !since.empty())
            break;
        if (!newer)
            return {};
        since.push_back(std::move(e));
        if (after < 0)
            break; // a table without versions: the newest entry is all we can attribute
    }
    auto names = reader.technicianNames(since);
    return describe(entity, since, names ? *names : QHash<QString, QString>{}, m_zone, m_db.actor());
}

Error LostRaceExplainer::refusal(Error::Kind kind, const QString &entity, const QString &id, int expectedVersion,
                                 const QString &generic)
{
    const QString said = explain(entity, id, expectedVersion);
    return said.isEmpty() ? Error{kind, generic, {}} : Error{kind, said, generic};
}

Error LostRaceExplainer::refusalOwned(Error::Kind kind, const QString &entity, const QString &id, const QString &ownerId,
                                      int expectedVersion, const QString &generic)
{
    const QString said = explainOwned(entity, id, ownerId, expectedVersion);
    return said.isEmpty() ? Error{kind, generic, {}} : Error{kind, said, generic};
}

} // namespace fieldops
