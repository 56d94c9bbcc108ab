#pragma once
// One KPI at a glance: its title, the value for the period (rates as %, hours, "—" for
// null), the change against the previous period coloured by whether it is better, and a
// sparkline of the trend buckets; with a target, the target and a red / amber / green
// state (a coloured edge and a line of text, so it does not rely on colour alone).
#include "kpi/KpiTargets.h"

#include <QFrame>
#include <optional>
#include <vector>

class QCustomPlot;
class QLabel;

namespace fieldops::widgets {

class KpiCard : public QFrame {
    Q_OBJECT
public:
    explicit KpiCard(const QString &key, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    void setValues(const std::optional<double> &now, const std::optional<double> &before,
                   const std::vector<std::optional<double>> &series);
    // The target that applies (nullptr: none) and the state of the current value.
    void setTarget(const kpi::KpiTarget *target, kpi::KpiRag state);
    // The previous period is still being read: the change line says so instead of a number.
    void setComparisonPending();
    kpi::KpiRag rag() const { return m_rag; }
    QString targetText() const;
    QString valueText() const;
    QString changeText() const;
    QLabel *valueLabel() const { return m_value; }
    QCustomPlot *sparkline() const { return m_spark; }

private:
    QString m_key;
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_change;
    QCustomPlot *m_spark;
    QLabel *m_target;
    kpi::KpiRag m_rag = kpi::KpiRag::None;
};

} // namespace fieldops::widgets
