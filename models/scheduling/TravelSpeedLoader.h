#pragma once
// Reads the history TravelSpeedLearner learns from: the completed visits planned in the
// kHistoryDays days before the day being planned, paired into legs (one technician's
// consecutive visits, in the order they arrived, within one local day of theirs). A leg needs
// the departure from the first visit (the technician's tap, else the time inferred from the
// phone's positions) and the arrival at the second (the same way). It counts for the
// territory of its destination site: the travel time providers are asked about places, not
// people, and the roads and traffic belong to where the drive ends, whoever drives it. Legs to
// sites without a territory are left out.
//
// The positions' own speeds (positions.speed_kmh) are not used: a phone's speed is a moment
// of the drive (a red light, a stretch of highway), while departure to arrival is the whole
// of it, which is what a plan has to leave room for.
#include "scheduling/TravelSpeedLearner.h"
#include "util/Result.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::scheduling {

struct TravelSpeeds {
    static constexpr int kHistoryDays = 90;
    // The history: visits planned from `from` to `to`, both included (UTC days).
    QDate from;
    QDate to;
    std::vector<TerritorySpeed> territories; // every territory, by id
    QHash<QString, QString> siteTerritory;   // the sites that have a territory

    // The factor planning may scale the model by for `territoryId`: the learned one, else 1.
    double factorOf(const QString &territoryId) const;
};

class TravelSpeedLoader {
public:
    explicit TravelSpeedLoader(Database &db) : m_db(db) {}
    // What the history before `day` teaches.
    Result<TravelSpeeds> load(const QDate &day);
    // The legs of the visits planned in [from, to] (UTC days), before judging.
    Result<std::vector<ObservedLeg>> legs(const QDate &from, const QDate &to);

private:
    Database &m_db;
};

} // namespace fieldops::scheduling
