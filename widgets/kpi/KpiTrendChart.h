#pragma once
// The trend of one KPI over the period's buckets (daily / weekly / monthly), with the
// previous period's overall value as a dashed reference line and the target (when one
// is set) as a green line. Hovering a bucket shows its
// dates and exact value; the wheel zooms and a drag pans the time axis only.
#include "kpi/KpiBuckets.h"
#include "kpi/KpiResult.h"
#include "kpi/KpiTargets.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QCPItemTracer;
class QMouseEvent;

namespace fieldops::widgets {

class KpiTrendChart : public QWidget {
    Q_OBJECT
public:
    explicit KpiTrendChart(QWidget *parent = nullptr);

    void setSeries(const std::vector<kpi::KpiBucket> &buckets, const std::vector<kpi::KpiValues> &series,
                   const kpi::KpiValues &previous);
    // The targets that apply to the view (territoryId: the filter's; empty: all).
    void setTargets(const std::vector<kpi::KpiTarget> &targets, const QString &territoryId);
    // The target line of the shown KPI, in the KPI's unit; nullopt when none is drawn.
    std::optional<double> targetLine() const;
    void setKey(const QString &key);
    QString key() const;
    // What hovering bucket i shows ("Mon 2 Mar 2026: 81.0%"); empty outside the data.
    QString hoverText(int bucket) const;
    // The bucket under a point of the plot widget, or -1.
    int bucketAt(const QPoint &plotPos) const;
    QCustomPlot *plot() const { return m_plot; }
    QComboBox *keyCombo() const { return m_key; }

private:
    void rebuild();
    void onMouseMove(QMouseEvent *event);
    QComboBox *m_key;
    QCustomPlot *m_plot;
    QCPItemTracer *m_tracer;
    std::vector<kpi::KpiBucket> m_buckets;
    std::vector<kpi::KpiValues> m_series;
    kpi::KpiValues m_previous;
    std::vector<kpi::KpiTarget> m_targets;
    QString m_territoryId;
    std::optional<double> m_targetLine;
};

} // namespace fieldops::widgets
