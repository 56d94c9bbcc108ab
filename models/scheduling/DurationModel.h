#pragma once
// How long a visit will really take on site, learnt from completed visits. Pure: the
// history comes in as samples (DurationHistory reads them), so tests give it hand-made ones.
//
// The model works on the ratio actual ÷ estimate (the work order's duration_min), in logs,
// so a long job and a short one of the same kind teach the same thing. Per work-order type:
//   - the type's median log ratio m (at least kMinTypeVisits visits, else no prediction);
//   - an asset-model effect: the median of (log ratio − m) over the type's visits on that
//     model, times n ÷ (n + kShrinkage) — with few visits it shrinks toward the type;
//   - a technician effect: the same over the technician's visits of the type, on what is
//     left after the type and model effects, also times n ÷ (n + kShrinkage).
// Predicted minutes = estimate × exp(m + model effect + technician effect). The interval
// adds the 10th and 90th percentiles of the type's residuals (each training visit's log
// ratio less its own prediction): about 8 visits in 10 should fall inside it. Minutes are
// rounded to kRoundMin, the step a dispatcher books in.
#include <QHash>
#include <QString>
#include <QDateTime>

#include <vector>

namespace fieldops::scheduling {

// One completed visit and how long it took on site.
struct DurationSample {
    QString type;         // the work order's
    QString assetModel;   // empty: no asset, or no model recorded
    QString technicianId;
    int estimateMin = 0;  // the work order's duration_min
    double actualMin = 0; // arrival to completion (DurationHistory)
    QDateTime arrivedAt;  // when the visit began (the held-out month is chosen by it)
    QString appointmentId;
};

// What is asked: a visit of this kind, by this technician (empty: nobody yet).
struct DurationQuery {
    QString type;
    QString assetModel;
    QString technicianId;
    int estimateMin = 0;
};

struct DurationPrediction {
    bool fromHistory = false; // false: too little history, minutes is the estimate
    int estimateMin = 0;
    int minutes = 0;          // what to book
    int lowMin = 0;           // the interval; equal to minutes without history
    int highMin = 0;
    int typeVisits = 0;       // completed visits of the type it learnt from
    int modelVisits = 0;      // … of those, on the asset's model
    int technicianVisits = 0; // … of those, by the technician
    // The same before rounding (the evaluation and the tests read them).
    double exactMinutes = 0, exactLow = 0, exactHigh = 0;
};

class DurationModel {
public:
    static constexpr double kShrinkage = 8;   // k in n ÷ (n + k): 8 visits weigh half
    static constexpr int kMinTypeVisits = 5;  // fewer: the estimate stands
    static constexpr double kLowQuantile = 0.10;
    static constexpr double kHighQuantile = 0.90;
    static constexpr int kRoundMin = 5;

    static DurationModel fit(const std::vector<DurationSample> &history);
    DurationPrediction predict(const DurationQuery &query) const;
    // Visits of the type it learnt from (0: unknown type).
    int typeVisits(const QString &type) const;

    // The p-quantile by linear interpolation between order statistics ((n − 1)·p), the
    // median at p = 0.5; 0 for no values.
    static double quantile(std::vector<double> values, double p);
    // Minutes rounded to the booking step, never below one step.
    static int roundToStep(double minutes);

private:
    struct Effect {
        int visits = 0;
        double shrunk = 0; // the median offset times n ÷ (n + k)
    };
    struct TypeFit {
        int visits = 0;
        double medianLog = 0;
        double lowResidual = 0, highResidual = 0;
        QHash<QString, Effect> models, technicians;
    };
    QHash<QString, TypeFit> m_types;
};

} // namespace fieldops::scheduling
