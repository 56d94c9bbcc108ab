#pragma once
// The trend of one KPI over the period's buckets (daily / weekly / monthly), with the
// previous period's overall value as a dashed reference line. Hovering a bucket shows its
// dates and exact value; the wheel zooms and a drag pans the time axis only.
#include "kpi/KpiBuckets.h"
#include "kpi/KpiResult.h"

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
};

} // namespace fieldops::widgets
