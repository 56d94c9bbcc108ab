#pragma once
// How much slower (or faster) than the straight-line model the technicians really drive, per
// territory, from legs already observed: the departure from one visit to the arrival at the
// next one of the same technician on the same day, against the model's minutes between the
// two sites (defaultTravelTime()). Pure: TravelSpeedLoader reads the legs from the database.
//
// The rules, in the order a leg is judged:
// - the model puts the two sites under kShortestModelMinutes apart: set aside, too short to
//   tell a factor from the model's rounding up to whole minutes;
// - the arrival is not after the departure: set aside, not a drive (a tap forgotten and made
//   later, or two visits at the same place);
// - the drive took longer than kWaitRatio × the model + kWaitSlackMinutes: set aside, the
//   technician waited or did something else on the way (lunch, fuel, an early arrival
//   spent parked), which says nothing about the roads;
// - otherwise the leg counts with its ratio drive ÷ model.
// A territory's factor is the median of its ratios (a few odd legs do not move it), clamped
// to [kMinFactor, kMaxFactor]; it is used only with at least kMinLegs legs.
#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops::scheduling {

struct ObservedLeg {
    QString territoryId;      // the destination site's
    int modelMinutes = 0;     // defaultTravelTime() from the first site to the second
    double drivenMinutes = 0; // arrival at the second visit − departure from the first
};

enum class LegUse { Counted, TooShort, NotADrive, Waited };

struct TerritorySpeed {
    QString territoryId;
    QString name;
    int legs = 0;     // the legs the factor rests on
    int setAside = 0; // too short, not a drive, or with a wait
    // The median of drive ÷ model over `legs`, clamped; 1 without legs.
    double factor = 1.0;
    // Enough legs (TravelSpeedLearner::kMinLegs) for planning to use the factor.
    bool learned = false;
};

class TravelSpeedLearner {
public:
    static constexpr int kMinLegs = 30;
    static constexpr int kShortestModelMinutes = 5;
    static constexpr double kWaitRatio = 2.0;
    static constexpr double kWaitSlackMinutes = 20.0;
    static constexpr double kMinFactor = 0.5;
    static constexpr double kMaxFactor = 2.5;

    static LegUse judge(const ObservedLeg &leg);
    // One row per territory of `territoryIds`, in that order (no name set); legs of other
    // territories are ignored.
    static std::vector<TerritorySpeed> learn(const std::vector<ObservedLeg> &legs, const QStringList &territoryIds);
};

} // namespace fieldops::scheduling
