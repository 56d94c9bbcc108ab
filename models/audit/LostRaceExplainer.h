#pragma once
// Puts a lost race into words: when a versioned write is refused because the row changed
// underneath, the audit log says who changed what since the version the user saw
// ("Ana moved this visit to 14:00 while you were editing"). Times in the console's zone.
#include "audit/AuditEntry.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTimeZone>

namespace fieldops {
class Database;

class LostRaceExplainer {
    Q_DECLARE_TR_FUNCTIONS(LostRaceExplainer)
public:
    explicit LostRaceExplainer(Database &db, QTimeZone zone = QTimeZone::systemTimeZone())
        : m_db(db), m_zone(std::move(zone)) {}

    // The sentence for a write to row `id` of `entity` that expected `expectedVersion`
    // (0: any version, e.g. the row is gone); empty when the log holds nothing about it.
    QString explain(const QString &entity, const QString &id, int expectedVersion);
    // The same for a row the log keeps under its owner's id (an absence under its
    // technician's); `ownerId` may be empty when the row is gone.
    QString explainOwned(const QString &entity, const QString &id, const QString &ownerId, int expectedVersion);

    // The refusal every versioned writer returns: the sentence as the message and the
    // writer's generic wording as detail, or the generic wording alone when the log is silent.
    Error refusal(Error::Kind kind, const QString &entity, const QString &id, int expectedVersion, const QString &generic);
    Error refusalOwned(Error::Kind kind, const QString &entity, const QString &id, const QString &ownerId, int expectedVersion,
                       const QString &generic);

    // The sentence for `since`: the row's audit entries after the version the user saw,
    // newest first; changes by `self` (the user's own actor name) are "you (in another
    // window)". Pure, for tests and callers that already read the log.
    static QString describe(const QString &entity, const AuditEntries &since,
                            const QHash<QString, QString> &technicianNames, const QTimeZone &zone,
                            const QString &self = {});

private:
    QString explainEntries(const QString &entity, Result<AuditEntries> entries, int expectedVersion);
    Database &m_db;
    QTimeZone m_zone;
};

} // namespace fieldops
