#include "kpi/KpiBreakdownView.h"

#include "itemmodels/ItemRoles.h"
#include "itemmodels/KpiBreakdownModel.h"
#include "kpi/KpiFormat.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <qcustomplot.h>

namespace fieldops::widgets {

KpiBreakdownView::KpiBreakdownView(QWidget *parent) : QWidget(parent)
{
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("kpiBreakdownGroup"));
    for (kpi::BreakdownBy by : {kpi::BreakdownBy::Technician, kpi::BreakdownBy::Territory, kpi::BreakdownBy::Employment,
                                kpi::BreakdownBy::WorkOrderType})
        m_group->addItem(kpi::breakdownTitle(by), int(by));

    m_model = new KpiBreakdownModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(roles::SortValue);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("kpiBreakdownTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->sortByColumn(1, Qt::AscendingOrder);

    m_bars = new QCustomPlot(this);
    m_bars->setObjectName(QStringLiteral("kpiBreakdownBars"));
    m_bars->setMinimumWidth(340);
    auto *bars = new QCPBars(m_bars->yAxis, m_bars->xAxis); // horizontal bars: one per row
    bars->setBrush(QColor(0x2f, 0x6f, 0xb3, 170));
    bars->setPen(Qt::NoPen);
    bars->setWidth(0.7);
    m_bars->xAxis->ticker()->setTickCount(4);
    m_bars->installEventFilter(this); // how many names fit depends on the chart's height

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Break down by"), this));
    top->addWidget(m_group);
    top->addStretch(1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_bars);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(top);
    v->addWidget(split, 1);

    connect(m_group, &QComboBox::currentIndexChanged, this, &KpiBreakdownView::showGroup);
    connect(m_proxy, &QSortFilterProxyModel::layoutChanged, this, &KpiBreakdownView::rebuildBars);
    connect(m_proxy, &QSortFilterProxyModel::modelReset, this, &KpiBreakdownView::rebuildBars);
}

void KpiBreakdownView::setBreakdowns(const QMap<kpi::BreakdownBy, std::vector<kpi::KpiBreakdownRow>> &breakdowns)
{
    m_breakdowns = breakdowns;
    showGroup();
}

void KpiBreakdownView::setGrouping(kpi::BreakdownBy by) { m_group->setCurrentIndex(m_group->findData(int(by))); }

void KpiBreakdownView::showGroup()
{
    const auto by = kpi::BreakdownBy(m_group->currentData().toInt());
    m_model->setRows(by, m_breakdowns.value(by));
    rebuildBars();
}

void KpiBreakdownView::rebuildBars()
{
    auto *bars = qobject_cast<QCPBars *>(m_bars->plottable(0));
    if (!bars)
        return;
    // The KPI the table is sorted by, else first-time fix.
    QString key = m_model->keyAt(m_table->horizontalHeader()->sortIndicatorSection());
    if (key.isEmpty())
        key = QStringLiteral("first_time_fix_rate");
    QVector<double> pos, val;
    QVector<QString> labels;
    const int rows = m_proxy->rowCount();
    // Sixty technicians' names on a short chart pile on top of each other: name every
    // step-th bar only (the table beside names them all).
    const int line = QFontMetrics(m_bars->yAxis->tickLabelFont()).height();
    const int room = m_bars->height() - 4 * line; // the x axis, its label and the margins
    const int step = room > 0 && rows * line > room ? (rows * line + room - 1) / room : 1;
    for (int r = 0; r < rows; ++r) {
        const QModelIndex src = m_proxy->mapToSource(m_proxy->index(r, 0));
        const kpi::KpiBreakdownRow *row = m_model->rowAt(src.row());
        const auto v = row->kpis.value(key);
        pos << double(rows - r); // first table row on top
        val << (v ? kpi::plotValue(key, *v) : 0.0);
        labels << (r % step == 0 ? row->label : QString());
    }
    bars->setData(pos, val, true);
    bars->setName(kpi::titleOf(key));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(pos, labels);
    m_bars->yAxis->setTicker(ticker);
    m_bars->yAxis->setRange(0.4, double(rows) + 0.6);
    double hi = 0;
    for (double x : val)
        hi = std::max(hi, x);
    m_bars->xAxis->setRange(0, hi > 0 ? hi * 1.1 : 1);
    m_bars->xAxis->setLabel(kpi::titleOf(key) + (kpi::unitOf(key) == kpi::KpiUnit::Rate ? tr(" (%)") : QString()));
    m_bars->replot(QCustomPlot::rpQueuedReplot);
}

bool KpiBreakdownView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_bars && event->type() == QEvent::Resize)
        rebuildBars();
    return QWidget::eventFilter(watched, event);
}

QByteArray KpiBreakdownView::toCsv() const
{
    std::vector<int> order;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        order.push_back(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
    return m_model->toCsv(order);
}

} // namespace fieldops::widgets
