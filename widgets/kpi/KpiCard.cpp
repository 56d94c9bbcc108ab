#include "kpi/KpiCard.h"

#include "domain/SignalColours.h"
#include "kpi/KpiFormat.h"

#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace fieldops::widgets {

KpiCard::KpiCard(const QString &key, QWidget *parent) : QFrame(parent), m_key(key)
{
    setObjectName(QStringLiteral("kpiCard_") + key);
    setFrameShape(QFrame::StyledPanel);
    setToolTip(kpi::descriptionOf(key));
    setMinimumWidth(150);

    m_title = new QLabel(kpi::titleOf(key), this);
    m_title->setObjectName(QStringLiteral("title"));
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 0.9);
    m_title->setFont(tf);
    m_title->setStyleSheet(QStringLiteral("color: #5f6368;"));

    m_value = new QLabel(QStringLiteral("—"), this);
    m_value->setObjectName(QStringLiteral("value"));
    QFont vf = m_value->font();
    vf.setPointSizeF(vf.pointSizeF() * 1.8);
    vf.setBold(true);
    m_value->setFont(vf);

    m_change = new QLabel(this);
    m_change->setObjectName(QStringLiteral("change"));
    m_change->setToolTip(tr("Change against the previous period of the same length"));

    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setVisible(false);

    m_spark = new QCustomPlot(this);
    m_spark->setObjectName(QStringLiteral("sparkline"));
    m_spark->setFixedHeight(34);
    m_spark->setMinimumWidth(120);
    m_spark->axisRect()->setAutoMargins(QCP::msNone);
    m_spark->axisRect()->setMargins(QMargins(1, 2, 1, 2));
    m_spark->xAxis->setVisible(false);
    m_spark->yAxis->setVisible(false);
    m_spark->setBackground(palette().brush(QPalette::Window)); // a transparent one grabs as black
    m_spark->setAttribute(Qt::WA_TransparentForMouseEvents);
    QCPGraph *g = m_spark->addGraph();
    g->setPen(QPen(QColor(0x2f, 0x6f, 0xb3), 1.5));
    g->setBrush(QColor(0x2f, 0x6f, 0xb3, 40));

    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(8, 6, 8, 6);
    v->setSpacing(2);
    v->addWidget(m_title);
    v->addWidget(m_value);
    v->addWidget(m_change);
    v->addWidget(m_target);
    v->addWidget(m_spark);
}

void KpiCard::setComparisonPending()
{
    m_change->setText(tr("comparing with the previous period…"));
    m_change->setStyleSheet(QStringLiteral("color: #5f6368;"));
}

void KpiCard::setValues(const std::optional<double> &now, const std::optional<double> &before,
                        const std::vector<std::optional<double>> &series)
{
    m_value->setText(kpi::formatKpi(m_key, now));
    const QString change = kpi::formatChange(m_key, now, before);
    if (change.isEmpty()) {
        m_change->setText(before ? QString() : tr("no previous data"));
        m_change->setStyleSheet(QStringLiteral("color: #5f6368;"));
    } else {
        const double delta = *now - *before;
        const bool better = kpi::higherIsBetter(m_key) ? delta > 0 : delta < 0;
        // Neutral when the change rounds to nothing on screen ("+0.0 pts").
        const bool same = !change.contains(QRegularExpression(QStringLiteral("[1-9]")));
        m_change->setText(tr("%1 vs previous").arg(change));
        m_change->setStyleSheet(same ? QStringLiteral("color: #5f6368;")
                                     : QStringLiteral("color: %1;").arg(colours::css(better ? colours::good() : colours::alarm())));
    }

    // Null buckets are gaps (NaN breaks the line), never zeros.
    QVector<double> x, y;
    double lo = qInf(), hi = -qInf();
    for (size_t i = 0; i < series.size(); ++i) {
        x << double(i);
        if (series[i]) {
            const double p = kpi::plotValue(m_key, *series[i]);
            y << p;
            lo = std::min(lo, p);
            hi = std::max(hi, p);
        } else {
            y << qQNaN();
        }
    }
    m_spark->graph(0)->setData(x, y, true);
    m_spark->graph(0)->setBrush(Qt::NoBrush);
    m_spark->xAxis->setRange(0, std::max<double>(1, double(series.size()) - 1));
    if (lo <= hi) {
        const double pad = hi > lo ? (hi - lo) * 0.1 : std::max(1.0, std::abs(hi) * 0.1);
        m_spark->yAxis->setRange(lo - pad, hi + pad);
    }
    m_spark->replot(QCustomPlot::rpQueuedReplot);
}

void KpiCard::setTarget(const kpi::KpiTarget *target, kpi::KpiRag state)
{
    m_rag = state;
    QString edge = QStringLiteral("#d0d0d0");
    if (!target) {
        m_target->clear();
        m_target->setVisible(false);
    } else {
        QString colour = QStringLiteral("#5f6368");
        switch (state) {
        case kpi::KpiRag::Green:
            colour = colours::css(colours::good());
            break;
        case kpi::KpiRag::Amber:
            colour = QStringLiteral("#ef8f00");
            break;
        case kpi::KpiRag::Red:
            colour = colours::css(colours::alarm());
            break;
        case kpi::KpiRag::None:
            break;
        }
        if (state != kpi::KpiRag::None)
            edge = colour;
        const QString stateText = kpi::KpiTargetRules::ragText(state);
        m_target->setText(stateText.isEmpty() ? tr("Target %1").arg(kpi::formatKpi(m_key, target->target))
                                              : tr("Target %1 · %2").arg(kpi::formatKpi(m_key, target->target), stateText));
        m_target->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
        m_target->setVisible(true);
    }
    // The state shows as the card's left edge; the object name keeps it off child widgets.
    setStyleSheet(QStringLiteral("QFrame#%1 { border: 1px solid #d0d0d0; border-left: 4px solid %2; border-radius: 3px; }")
                      .arg(objectName(), edge));
}

QString KpiCard::targetText() const { return m_target->text(); }

QString KpiCard::valueText() const { return m_value->text(); }

QString KpiCard::changeText() const { return m_change->text(); }

} // namespace fieldops::widgets
