#include "kpi/KpiTrendChart.h"

#include "domain/SignalColours.h"
#include "kpi/KpiFormat.h"
#include "kpi/KpiKeys.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace fieldops::widgets {

namespace {
// Buckets sit at their start instant; the axis shows dates in the console's zone.
double xOf(const kpi::KpiBucket &b) { return double(b.range.fromMs) / 1000.0; }

// The labels name days, so ticks are at least a day apart and sit on local midnight: the
// stock ticker picks 12-hour steps for a short period and prints each date twice.
class DayTicker : public QCPAxisTickerDateTime {
public:
    DayTicker()
    {
        setDateTimeFormat(QStringLiteral("d MMM"));
        setTickOrigin(dateTimeToKey(QDate(2000, 1, 1).startOfDay())); // day steps keep this time of day
    }

protected:
    double getTickStep(const QCPRange &range) override
    {
        const double step = QCPAxisTickerDateTime::getTickStep(range);
        if (step >= 86400)
            return step;
        mDateStrategy = dsUniformTimeInDay;
        return 86400;
    }
};
} // namespace

KpiTrendChart::KpiTrendChart(QWidget *parent) : QWidget(parent)
{
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("kpiTrendKey"));
    for (const QString &k : kpi::keys())
        m_key->addItem(kpi::titleOf(k), k);
    m_key->setCurrentIndex(int(kpi::keys().indexOf(QStringLiteral("first_time_fix_rate"))));

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("kpiTrendPlot"));
    m_plot->setMinimumHeight(140); // leaves the breakdown below room for a ranking on a short window
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->xAxis->setTicker(QSharedPointer<DayTicker>::create());
    m_plot->addGraph(); // 0: the KPI
    m_plot->graph(0)->setPen(QPen(QColor(0x2f, 0x6f, 0xb3), 2));
    m_plot->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    m_plot->addGraph(); // 1: the previous period's value, for reference
    m_plot->graph(1)->setPen(QPen(QColor(0x90, 0x90, 0x90), 1, Qt::DashLine));
    m_plot->graph(1)->setName(tr("previous period"));
    m_plot->addGraph(); // 2: the target
    m_plot->graph(2)->setPen(QPen(colours::good(), 1.5, Qt::DashDotLine));
    m_plot->graph(2)->setName(tr("target"));
    m_tracer = new QCPItemTracer(m_plot);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_tracer->setSize(9);
    m_tracer->setPen(QPen(colours::alarm(), 1.5));
    m_tracer->setVisible(false);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, &KpiTrendChart::onMouseMove);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Trend of"), this));
    top->addWidget(m_key);
    top->addStretch(1);
    auto *hint = new QLabel(tr("wheel: zoom · drag: pan"), this);
    hint->setStyleSheet(QStringLiteral("color: #5f6368;"));
    top->addWidget(hint);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(top);
    v->addWidget(m_plot, 1);

    connect(m_key, &QComboBox::currentIndexChanged, this, &KpiTrendChart::rebuild);
}

QString KpiTrendChart::key() const { return m_key->currentData().toString(); }

void KpiTrendChart::setKey(const QString &key) { m_key->setCurrentIndex(m_key->findData(key)); }

void KpiTrendChart::setSeries(const std::vector<kpi::KpiBucket> &buckets, const std::vector<kpi::KpiValues> &series,
                              const kpi::KpiValues &previous)
{
    m_buckets = buckets;
    m_series = series;
    m_previous = previous;
    rebuild();
}

void KpiTrendChart::setTargets(const std::vector<kpi::KpiTarget> &targets, const QString &territoryId)
{
    m_targets = targets;
    m_territoryId = territoryId;
    rebuild();
}

std::optional<double> KpiTrendChart::targetLine() const { return m_targetLine; }

void KpiTrendChart::rebuild()
{
    const QString k = key();
    QVector<double> x, y;
    double lo = qInf(), hi = -qInf();
    for (size_t i = 0; i < m_buckets.size() && i < m_series.size(); ++i) {
        x << xOf(m_buckets[i]);
        const auto v = m_series[i].value(k);
        const double p = v ? kpi::plotValue(k, *v) : qQNaN();
        y << p;
        if (v) {
            lo = std::min(lo, p);
            hi = std::max(hi, p);
        }
    }
    m_plot->graph(0)->setData(x, y, true);
    QVector<double> px, py;
    if (const auto prev = m_previous.value(k); prev && !x.isEmpty()) {
        const double p = kpi::plotValue(k, *prev);
        px << x.first() << x.last();
        py << p << p;
        lo = std::min(lo, p);
        hi = std::max(hi, p);
    }
    m_plot->graph(1)->setData(px, py, true);
    QVector<double> tx, ty;
    m_targetLine.reset();
    if (const kpi::KpiTarget *t = kpi::targetFor(m_targets, k, m_territoryId); t && !x.isEmpty()) {
        m_targetLine = t->target;
        const double p = kpi::plotValue(k, t->target);
        tx << x.first() << x.last();
        ty << p << p;
        lo = std::min(lo, p);
        hi = std::max(hi, p);
    }
    m_plot->graph(2)->setData(tx, ty, true);
    m_plot->yAxis->setLabel(kpi::unitOf(k) == kpi::KpiUnit::Rate ? tr("%") : kpi::unitOf(k) == kpi::KpiUnit::Hours ? tr("hours") : QString());
    if (!x.isEmpty()) {
        const double step = x.size() > 1 ? (x.last() - x.first()) / double(x.size() - 1) : 86400.0;
        m_plot->xAxis->setRange(x.first() - step / 2, x.last() + step / 2);
    }
    if (lo <= hi) {
        const double pad = hi > lo ? (hi - lo) * 0.15 : std::max(1.0, std::abs(hi) * 0.1);
        m_plot->yAxis->setRange(std::max(0.0, lo - pad), hi + pad);
    } else {
        m_plot->yAxis->setRange(0, 1);
    }
    m_tracer->setGraph(nullptr); // attached on hover only: an empty graph makes it complain
    m_tracer->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString KpiTrendChart::hoverText(int bucket) const
{
    if (bucket < 0 || bucket >= int(m_buckets.size()) || bucket >= int(m_series.size()))
        return {};
    const kpi::KpiBucket &b = m_buckets[size_t(bucket)];
    const QLocale locale;
    const QString dates = b.from == b.to ? locale.toString(b.from, QStringLiteral("ddd d MMM yyyy"))
                                         : tr("%1 – %2").arg(locale.toString(b.from, QStringLiteral("d MMM")),
                                                              locale.toString(b.to, QStringLiteral("d MMM yyyy")));
    return tr("%1: %2").arg(dates, kpi::formatKpi(key(), m_series[size_t(bucket)].value(key())));
}

int KpiTrendChart::bucketAt(const QPoint &plotPos) const
{
    if (m_buckets.empty() || !m_plot->axisRect()->rect().contains(plotPos))
        return -1;
    const double x = m_plot->xAxis->pixelToCoord(plotPos.x());
    int best = -1;
    double bestDist = qInf();
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        const double d = std::abs(xOf(m_buckets[i]) - x);
        if (d < bestDist) {
            bestDist = d;
            best = int(i);
        }
    }
    return best;
}

void KpiTrendChart::onMouseMove(QMouseEvent *event)
{
    const int b = bucketAt(event->pos());
    if (b < 0) {
        m_tracer->setVisible(false);
        QToolTip::hideText();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    m_tracer->setGraph(m_plot->graph(0));
    m_tracer->setGraphKey(xOf(m_buckets[size_t(b)]));
    m_tracer->setVisible(!std::isnan(m_plot->graph(0)->data()->at(b)->value));
    QToolTip::showText(event->globalPosition().toPoint(), hoverText(b), m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fieldops::widgets
