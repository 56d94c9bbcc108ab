#include "scheduling/DurationModel.h"

#include <algorithm>
#include <cmath>

namespace fieldops::scheduling {

namespace {

double logRatio(const DurationSample &s) { return std::log(s.actualMin / double(s.estimateMin)); }

bool usable(const DurationSample &s) { return s.estimateMin > 0 && s.actualMin > 0 && !s.type.isEmpty(); }

} // namespace

double DurationModel::quantile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double at = std::clamp(p, 0.0, 1.0) * double(values.size() - 1);
    const size_t below = size_t(std::floor(at));
    const size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (at - double(below)) * (values[above] - values[below]);
}

int DurationModel::roundToStep(double minutes)
{
    const long steps = std::lround(minutes / kRoundMin);
    return int(std::max(1L, steps)) * kRoundMin;
}

DurationModel DurationModel::fit(const std::vector<DurationSample> &history)
{
    QHash<QString, std::vector<const DurationSample *>> byType;
    for (const DurationSample &s : history) {
        if (usable(s))
            byType[s.type].push_back(&s);
    }
    DurationModel model;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        const std::vector<const DurationSample *> &visits = it.value();
        TypeFit t;
        t.visits = int(visits.size());
        std::vector<double> logs;
        logs.reserve(visits.size());
        for (const DurationSample *s : visits)
            logs.push_back(logRatio(*s));
        t.medianLog = quantile(logs, 0.5);

        // Each effect is the median offset of its group, shrunk by its size.
        const auto shrink = [](const QHash<QString, std::vector<double>> &groups, QHash<QString, Effect> &out) {
            for (auto g = groups.cbegin(); g != groups.cend(); ++g) {
                const int n = int(g.value().size());
                out.insert(g.key(), {n, quantile(g.value(), 0.5) * n / (n + kShrinkage)});
            }
        };
        QHash<QString, std::vector<double>> modelOffsets;
        for (size_t i = 0; i < visits.size(); ++i) {
            if (!visits[i]->assetModel.isEmpty())
                modelOffsets[visits[i]->assetModel].push_back(logs[i] - t.medianLog);
        }
        shrink(modelOffsets, t.models);
        const auto modelEffect = [&](const DurationSample &s) {
            return s.assetModel.isEmpty() ? 0.0 : t.models.value(s.assetModel).shrunk;
        };
        // The technician's pace on what the model already explains.
        QHash<QString, std::vector<double>> technicianOffsets;
        for (size_t i = 0; i < visits.size(); ++i) {
            if (!visits[i]->technicianId.isEmpty())
                technicianOffsets[visits[i]->technicianId].push_back(logs[i] - t.medianLog - modelEffect(*visits[i]));
        }
        shrink(technicianOffsets, t.technicians);

        std::vector<double> residuals;
        residuals.reserve(visits.size());
        for (size_t i = 0; i < visits.size(); ++i) {
            const DurationSample &s = *visits[i];
            const double technician = s.technicianId.isEmpty() ? 0.0 : t.technicians.value(s.technicianId).shrunk;
            residuals.push_back(logs[i] - t.medianLog - modelEffect(s) - technician);
        }
        t.lowResidual = quantile(residuals, kLowQuantile);
        t.highResidual = quantile(residuals, kHighQuantile);
        model.m_types.insert(it.key(), std::move(t));
    }
    return model;
}

int DurationModel::typeVisits(const QString &type) const { return m_types.value(type).visits; }

DurationPrediction DurationModel::predict(const DurationQuery &q) const
{
    DurationPrediction p;
    p.estimateMin = q.estimateMin;
    p.minutes = p.lowMin = p.highMin = q.estimateMin;
    p.exactMinutes = p.exactLow = p.exactHigh = q.estimateMin;
    const auto type = m_types.constFind(q.type);
    if (type == m_types.cend())
        return p;
    const TypeFit &t = *type;
    p.typeVisits = t.visits;
    if (t.visits < kMinTypeVisits || q.estimateMin <= 0)
        return p;
    double expected = t.medianLog; // the log ratio expected for this visit
    if (!q.assetModel.isEmpty()) {
        const Effect e = t.models.value(q.assetModel);
        p.modelVisits = e.visits;
        expected += e.shrunk;
    }
    if (!q.technicianId.isEmpty()) {
        const Effect e = t.technicians.value(q.technicianId);
        p.technicianVisits = e.visits;
        expected += e.shrunk;
    }
    p.fromHistory = true;
    p.exactMinutes = q.estimateMin * std::exp(expected);
    p.exactLow = q.estimateMin * std::exp(expected + t.lowResidual);
    p.exactHigh = q.estimateMin * std::exp(expected + t.highResidual);
    p.minutes = roundToStep(p.exactMinutes);
    p.lowMin = std::min(p.minutes, roundToStep(p.exactLow));
    p.highMin = std::max(p.minutes, roundToStep(p.exactHigh));
    return p;
}

} // namespace fieldops::scheduling
