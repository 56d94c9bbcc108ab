#pragma once
// What a learned territory speed means for planning, in words and as a key, shared by
// `fieldops-cli travel-speeds` and the console's Settings → Routing page.
#include "scheduling/TravelSpeedLearner.h"

#include <QString>

namespace fieldops::scheduling {

enum class SpeedUse {
    Applied,          // planning counts the model × the factor
    NotEnoughHistory, // fewer legs than TravelSpeedLearner::kMinLegs: the model
    ModelKept,        // learned, but not slower than the model: planning never goes below it
};

SpeedUse speedUse(const TerritorySpeed &speed);
// "applied", "not_enough_history", "model_kept" (the JSON's).
QString speedUseKey(SpeedUse use);
// For people: "model × 1.35", "not enough history (12 of 30 legs)", …
QString speedUseText(const TerritorySpeed &speed);
// The factor with two decimals ("1.35"), or "–" without any leg.
QString speedFactorText(const TerritorySpeed &speed);

} // namespace fieldops::scheduling
