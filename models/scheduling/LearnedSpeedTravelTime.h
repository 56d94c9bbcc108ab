#pragma once
// The straight-line model scaled by the speed factor learned for a territory (TravelSpeeds):
// a leg counts the factor of its destination site's territory, or of its origin's when it
// ends somewhere without a site (the way home), which is how the factors were learned
// (TravelSpeedLoader). A territory without enough history, and a place without a territory,
// keep the model as it is.
//
// A factor below 1 scales the model down: PlanningTravelTime never counts below the model,
// so that what planning proposes still passes the rule checks of `conflicts`.
#include "scheduling/TravelSpeedLoader.h"
#include "scheduling/TravelTime.h"

#include <QHash>
#include <QString>

namespace fieldops::scheduling {

class LearnedSpeedTravelTime final : public TravelTimeProvider {
public:
    explicit LearnedSpeedTravelTime(const TravelSpeeds &speeds);

    int minutes(const GeoPlace &from, const GeoPlace &to) const override;
    int upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const override;

    // The factor a leg from `from` to `to` is scaled by (1: the model).
    double factorFor(const GeoPlace &from, const GeoPlace &to) const;

private:
    QHash<QString, QString> m_territoryOfSite;
    QHash<QString, double> m_factorOfTerritory; // only the territories with a learned factor
};

} // namespace fieldops::scheduling
