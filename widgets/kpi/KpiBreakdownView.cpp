#include "kpi/KpiBreakdownView.h"

#include "itemmodels/ItemRoles.h"
#include "itemmodels/KpiBreakdownModel.h"
#include "kpi/KpiFormat.h"
#include "kpi/KpiRanking.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <qcustomplot.h>

namespace fieldops::widgets {

namespace {
// The rows the chart needs beside its bars: the title (up to two lines), the x axis's
// numbers and its label, and the margins (in text lines, with a line to spare).
constexpr int kOverheadLines = 7;
// A bar's slot: one line of its name plus a little air, so names never touch.
int barPitch(const QFontMetrics &fm) { return fm.height() + 4; }
} // namespace

KpiBreakdownView::KpiBreakdownView(QWidget *parent) : QWidget(parent)
{
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("kpiBreakdownGroup"));
    for (kpi::BreakdownBy by : {kpi::BreakdownBy::Technician, kpi::BreakdownBy::Territory, kpi::BreakdownBy::Employment,
                                kpi::BreakdownBy::WorkOrderType})
        m_group->addItem(kpi::breakdownTitle(by), int(by));
    m_showAll = new QToolButton(this);
    m_showAll->setObjectName(QStringLiteral("kpiBreakdownShowAll"));
    m_showAll->setText(tr("Show all bars"));
    m_showAll->setCheckable(true);
    m_showAll->setToolTip(tr("Off: the chart shows the top and the bottom of the ranking that fit. "
                             "On: every bar, in a chart that scrolls."));

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

    m_bars = new QCustomPlot;
    m_bars->setObjectName(QStringLiteral("kpiBreakdownBars"));
    auto *bars = new QCPBars(m_bars->yAxis, m_bars->xAxis); // horizontal bars: one per row
    bars->setBrush(QColor(0x2f, 0x6f, 0xb3, 170));
    bars->setPen(Qt::NoPen);
    bars->setWidth(0.7);
    m_bars->xAxis->ticker()->setTickCount(4);
    m_bars->yAxis->setTickLength(0, 0);
    m_bars->yAxis->setSubTicks(false);
    m_bars->yAxis->grid()->setVisible(false);
    m_bars->plotLayout()->insertRow(0);
    QFont titleFont = m_bars->font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(m_bars, QString(), titleFont);
    m_bars->plotLayout()->addElement(0, 0, m_title);
    m_bars->setToolTip(tr("Bars ranked by the KPI the table is sorted by, highest first, ties by name. "
                          "When not all fit, the chart shows the top and the bottom of the ranking; "
                          "\"Show all bars\" shows everyone in a chart that scrolls. The table lists them all."));
    m_bars->installEventFilter(this); // how many bars fit depends on the chart's height
    // In "show all" the chart grows taller than its place and scrolls; otherwise it fills it.
    m_barScroll = new QScrollArea(this);
    m_barScroll->setObjectName(QStringLiteral("kpiBreakdownBarScroll"));
    m_barScroll->setWidget(m_bars);
    m_barScroll->setWidgetResizable(true);
    m_barScroll->setFrameShape(QFrame::NoFrame);
    m_barScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The chart itself has no minimum width: one would make the scroll area scroll sideways.
    m_barScroll->setMinimumWidth(300);
    // Room for the smallest ranking at least: the first, the "⋯" and the last.
    const QFontMetrics fm(m_bars->yAxis->tickLabelFont());
    m_barScroll->setMinimumHeight(kOverheadLines * fm.height() + 3 * barPitch(fm));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Break down by"), this));
    top->addWidget(m_group);
    top->addStretch(1);
    top->addWidget(m_showAll);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_barScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The table's columns ask for all the width they could use; start the chart at two
    // fifths of the place all the same, so its names have room.
    split->setSizes({600, 400});
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(top);
    v->addWidget(split, 1);

    connect(m_group, &QComboBox::currentIndexChanged, this, &KpiBreakdownView::showGroup);
    connect(m_showAll, &QToolButton::toggled, this, &KpiBreakdownView::rebuildBars);
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

QString KpiBreakdownView::chartTitle() const { return m_title->text(); }

int KpiBreakdownView::nameWidth() const
{
    // About a third of the chart, so the bars keep most of it.
    return std::clamp(m_bars->width() / 3, 60, 200);
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
    m_chartKey = key;
    const std::vector<kpi::KpiBreakdownRow> rows = m_breakdowns.value(m_model->groupedBy());

    const QFontMetrics fm(m_bars->yAxis->tickLabelFont());
    const int pitch = barPitch(fm);
    const int overhead = kOverheadLines * fm.height();
    const bool all = m_showAll->isChecked();
    // Without "show all": as many bars as the place has slots for, one kept for the "⋯"
    // between the top and the bottom.
    const int slotsThatFit = std::max(0, m_barScroll->viewport()->height() - overhead) / pitch;
    const int room = all ? std::numeric_limits<int>::max() : slotsThatFit - 1;
    const kpi::KpiRanking ranking = kpi::rankBreakdown(rows, key, room);

    std::vector<kpi::KpiRankedRow> shown = ranking.top;
    if (ranking.isCut())
        shown.push_back({-1, 0, 0}); // the gap
    shown.insert(shown.end(), ranking.bottom.begin(), ranking.bottom.end());
    const int slotCount = int(shown.size());

    const int nameRoom = nameWidth();
    QVector<double> pos, val;
    QVector<QString> labels;
    for (int s = 0; s < slotCount; ++s) {
        const kpi::KpiRankedRow &r = shown[size_t(s)];
        const double at = double(slotCount - s); // the top of the ranking on top
        if (r.row < 0) {
            labels << QStringLiteral("⋯");
            pos << at;
            val << 0.0;
            continue;
        }
        const QString rank = tr("%1.").arg(r.rank) + QLatin1Char(' ');
        const QString name = fm.elidedText(rows[size_t(r.row)].label, Qt::ElideRight, nameRoom - fm.horizontalAdvance(rank));
        labels << rank + name;
        pos << at;
        val << kpi::plotValue(key, r.value);
    }
    bars->setData(pos, val, true);
    bars->setName(kpi::titleOf(key));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(pos, labels);
    m_bars->yAxis->setTicker(ticker);
    m_bars->yAxis->setRange(0.4, double(std::max(slotCount, 1)) + 0.6);
    double hi = 0;
    for (double x : val)
        hi = std::max(hi, x);
    m_bars->xAxis->setRange(0, hi > 0 ? hi * 1.1 : 1);
    m_bars->xAxis->setLabel(kpi::titleOf(key) + (kpi::unitOf(key) == kpi::KpiUnit::Rate ? tr(" (%)") : QString()));

    // Two halves, on one line when they fit, else on two (a narrow chart cut its title).
    const QString what = ranking.isCut() ? tr("Top %1 and bottom %2 of %3").arg(ranking.top.size()).arg(ranking.bottom.size()).arg(ranking.ranked)
                                         : tr("Ranked by %1,").arg(kpi::titleOf(key));
    QString how = ranking.isCut() ? tr("by %1").arg(kpi::titleOf(key)) : tr("highest first");
    if (ranking.withoutValue > 0)
        how += tr(" · %1 without a value").arg(ranking.withoutValue);
    const QString oneLine = what + QLatin1Char(' ') + how;
    const bool fits = QFontMetrics(m_title->font()).horizontalAdvance(oneLine) <= m_bars->width() - 8;
    m_title->setText(fits ? oneLine : what + QLatin1Char('\n') + how);
    // "Show all": tall enough for every bar; the scroll area scrolls it. Otherwise the chart
    // fits its place and never shows a scroll bar (the chart's own minimum could ask for one).
    m_barScroll->setVerticalScrollBarPolicy(all ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    m_bars->setMinimumHeight(all ? overhead + slotCount * pitch : 0);
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
