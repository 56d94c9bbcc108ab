#pragma once
// The connected units' sensors for `fieldops-cli simulate`: goes on from each unit's last
// reading with its profile's daily cycle and noise (DemoSensors), a counter growing at the
// pace it grew over the last day, sensors that drop out for a while, and faults that start
// at random, develop as the profile fails and wear off after some hours (a technician came,
// or the load eased) — so the asset health view and the condition rules have live work.
#include "demo/DemoSensors.h"
#include "field/FieldEvent.h"
#include "util/Result.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::demo {

class SensorSimulation {
public:
    // A fault starts on a unit about once in this many simulated hours.
    static constexpr double kHoursBetweenFaults = 60;

    explicit SensorSimulation(quint32 seed);

    // The units with readings in the day before `now` whose model has a sensor profile (a
    // unit silent for longer is taken as switched off); each goes on from its last reading.
    Status load(Database &db, const QDateTime &now);
    // The readings due after each unit's last one up to `now`, oldest first per unit.
    std::vector<field::ReadingEvent> advance(const QDateTime &now);
    int unitCount() const { return int(m_units.size()); }
    int faultsStarted() const { return m_faultsStarted; }

private:
    struct Unit {
        QString assetId;
        const SensorProfile *profile = nullptr;
        Instant last = 0;      // the latest reading's time
        double offset = 0;     // how far it ran from the profile's usual at `last`
        double counter = 0;
        double duty = 1;       // counters: share of the running hours it runs
        Instant faultFrom = kNoInstant, faultUntil = kNoInstant;
        Instant silentUntil = kNoInstant;
        int clock = 0; // index into m_clocks: the site's zone
    };
    double noise(double sd);

    QRandomGenerator m_rng;
    std::vector<LocalClock> m_clocks;
    std::vector<Unit> m_units;
    int m_faultsStarted = 0;
};

} // namespace fieldops::demo
