#pragma once
// One KPI at a glance: its title, the value for the period (rates as %, hours, "—" for
// null), the change against the previous period coloured by whether it is better, and a
// sparkline of the trend buckets.
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
};

} // namespace fieldops::widgets
