#include "scheduling/TravelSpeedReport.h"

#include <QCoreApplication>

namespace fieldops::scheduling {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TravelSpeedReport)
};
} // namespace

SpeedUse speedUse(const TerritorySpeed &speed)
{
    if (!speed.learned)
        return SpeedUse::NotEnoughHistory;
    return speed.factor > 1.0 ? SpeedUse::Applied : SpeedUse::ModelKept;
}

QString speedUseKey(SpeedUse use)
{
    switch (use) {
    case SpeedUse::Applied: return QStringLiteral("applied");
    case SpeedUse::NotEnoughHistory: return QStringLiteral("not_enough_history");
    case SpeedUse::ModelKept: return QStringLiteral("model_kept");
    }
    return {};
}

QString speedFactorText(const TerritorySpeed &speed)
{
    return speed.legs > 0 ? QString::number(speed.factor, 'f', 2) : QStringLiteral("–");
}

QString speedUseText(const TerritorySpeed &speed)
{
    switch (speedUse(speed)) {
    case SpeedUse::Applied:
        return Text::tr("planning counts the straight-line time × %1").arg(speedFactorText(speed));
    case SpeedUse::NotEnoughHistory:
        return Text::tr("not enough history (%1 of %2 legs): straight-line times").arg(speed.legs).arg(TravelSpeedLearner::kMinLegs);
    case SpeedUse::ModelKept:
        return Text::tr("not slower than the straight-line model: its times (planning never counts less)");
    }
    return {};
}

} // namespace fieldops::scheduling
