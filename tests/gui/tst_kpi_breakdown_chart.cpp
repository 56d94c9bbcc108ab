// The KPI breakdown chart with sixty technicians reads as a ranking: the bars run from the
// highest value down (ties by name), every bar shown is named (long names end in "…"), no
// two names overlap, and when not all fit the chart shows the top and the bottom and says
// so in its title; "Show all bars" (clicked) makes it show all sixty in a chart that scrolls.
#include "../kpi/BreakdownRowsFixture.h"
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "itemmodels/KpiBreakdownModel.h"
#include "kpi/KpiBreakdownView.h"
#include "kpi/KpiFormat.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QtTest>
#include <qcustomplot.h>

using namespace fieldops;

namespace {
struct DrawnBar {
    double at = 0; // the bar's position on the y axis (the top bar has the highest)
    double value = 0;
    QString label;
    QRect labelRect; // where its name is drawn, in the chart's pixels
};

// The bars and their names as the chart draws them, top to bottom: the names come from
// the y axis's text ticker, their places from the axis's own coordinate mapping.
std::vector<DrawnBar> drawnBars(QCustomPlot *chart)
{
    std::vector<DrawnBar> out;
    auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(chart->yAxis->ticker());
    auto *bars = qobject_cast<QCPBars *>(chart->plottable(0));
    if (!ticker || !bars)
        return out;
    const QFontMetrics fm(chart->yAxis->tickLabelFont());
    const int right = chart->axisRect()->left() - chart->yAxis->tickLabelPadding();
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        DrawnBar b;
        b.at = it->key;
        b.value = it->value;
        b.label = ticker->ticks().value(it->key);
        const int y = int(chart->yAxis->coordToPixel(it->key));
        const int w = fm.horizontalAdvance(b.label);
        b.labelRect = QRect(right - w, y - fm.height() / 2, w, fm.height());
        out.push_back(b);
    }
    std::sort(out.begin(), out.end(), [](const DrawnBar &a, const DrawnBar &b) { return a.at > b.at; });
    return out;
}

const QString kGap = QStringLiteral("⋯");
} // namespace

class TestKpiBreakdownChart : public QObject {
    Q_OBJECT

    std::vector<kpi::KpiBreakdownRow> m_rows = test::sixtyTechnicianRows();

    // The full name of the row whose drawn label is `label` ("12. Maria Aparecida dos…").
    bool namesARow(const QString &label, int *rank, QString *fullName) const
    {
        const int dot = label.indexOf(QStringLiteral(". "));
        if (dot < 1)
            return false;
        *rank = label.left(dot).toInt();
        QString name = label.mid(dot + 2);
        const bool elided = name.endsWith(QChar(0x2026));
        if (elided)
            name.chop(1);
        for (const kpi::KpiBreakdownRow &r : m_rows)
            if (elided ? r.label.startsWith(name) : r.label == name) {
                *fullName = r.label;
                return true;
            }
        return false;
    }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_kpi_breakdown_chart")); }

    void rankedNamedApart_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("showAll");
        QTest::addColumn<bool>("allShown");
        QTest::newRow("short chart: top and bottom") << 330 << false << false;
        QTest::newRow("tall chart: all sixty") << 1500 << false << true;
        QTest::newRow("short chart, show all: scrolls") << 330 << true << true;
    }

    void rankedNamedApart()
    {
        QFETCH(int, height);
        QFETCH(bool, showAll);
        QFETCH(bool, allShown);
        widgets::KpiBreakdownView view;
        view.setBreakdowns({{kpi::BreakdownBy::Technician, m_rows}});
        const QString key = QStringLiteral("first_time_fix_rate");
        view.table()->sortByColumn(view.model()->columnOf(key), Qt::DescendingOrder);
        QVERIFY(test::showExposed(view, QSize(900, height)));
        if (showAll)
            QTest::mouseClick(view.showAllButton(), Qt::LeftButton);
        QCOMPARE(view.showAllButton()->isChecked(), showAll);
        QCustomPlot *chart = view.barChart();
        QTest::qWait(20); // let the scroll area settle the chart's height
        chart->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(view.chartKey(), key);

        const std::vector<DrawnBar> drawn = drawnBars(chart);
        std::vector<DrawnBar> named;
        for (const DrawnBar &b : drawn)
            if (b.label != kGap)
                named.push_back(b);
        if (allShown) {
            QCOMPARE(int(named.size()), 60);
            QCOMPARE(int(drawn.size()), 60); // no gap
            QCOMPARE(view.chartTitle().simplified(), QStringLiteral("Ranked by %1, highest first").arg(kpi::titleOf(key)));
        } else {
            QVERIFY2(named.size() >= 6 && named.size() < 60, qPrintable(QString::number(named.size())));
            const int top = int((named.size() + 1) / 2), bottom = int(named.size()) - top;
            QCOMPARE(view.chartTitle().simplified(), QStringLiteral("Top %1 and bottom %2 of 60 by %3").arg(top).arg(bottom).arg(kpi::titleOf(key)));
            QCOMPARE(drawn[size_t(top)].label, kGap); // between the top and the bottom
        }

        // Every bar named, ranked from the highest value down, ties by name; the ranks run
        // 1… from the top and end at 60 at the bottom.
        const QFontMetrics fm(chart->yAxis->tickLabelFont());
        double lastValue = std::numeric_limits<double>::max();
        QString lastName;
        int lastRank = 0;
        for (const DrawnBar &b : named) {
            int rank = 0;
            QString name;
            QVERIFY2(namesARow(b.label, &rank, &name), qPrintable(b.label));
            QVERIFY2(rank > lastRank, qPrintable(b.label));
            QVERIFY2(b.value <= lastValue, qPrintable(b.label));
            if (b.value == lastValue)
                QVERIFY2(lastName.localeAwareCompare(name) <= 0, qPrintable(lastName + QStringLiteral(" before ") + name));
            QVERIFY2(fm.horizontalAdvance(b.label) <= view.nameWidth(), qPrintable(b.label)); // long names are cut
            lastValue = b.value, lastName = name, lastRank = rank;
        }
        QCOMPARE(namesARow(named.front().label, &lastRank, &lastName) ? lastRank : 0, 1);
        QCOMPARE(namesARow(named.back().label, &lastRank, &lastName) ? lastRank : 0, 60);
        // Long names are there, cut.
        QVERIFY(std::any_of(named.begin(), named.end(), [](const DrawnBar &b) { return b.label.endsWith(QChar(0x2026)); }));

        // No two names overlap; all of them lie left of the bars and inside the chart.
        for (size_t i = 0; i < drawn.size(); ++i) {
            QVERIFY2(chart->rect().contains(drawn[i].labelRect), qPrintable(drawn[i].label));
            QVERIFY2(drawn[i].labelRect.right() < chart->axisRect()->left(), qPrintable(drawn[i].label));
            if (i > 0)
                QVERIFY2(!drawn[i].labelRect.intersects(drawn[i - 1].labelRect),
                         qPrintable(drawn[i - 1].label + QStringLiteral(" overlaps ") + drawn[i].label));
        }

        // Without "show all" the chart fits its place; with it, it scrolls.
        QScrollArea *scroll = view.barScroll();
        QCOMPARE(scroll->verticalScrollBar()->isVisible(), showAll && height < 1000);
        if (!showAll)
            QCOMPARE(chart->height(), scroll->viewport()->height());
        QVERIFY(view.grab().save(test::screenshotPath(QStringLiteral("breakdown-%1%2.png").arg(height).arg(showAll ? QStringLiteral("-all") : QString()))));
    }

    void sortingTheTableChangesTheRankedKpi()
    {
        widgets::KpiBreakdownView view;
        view.setBreakdowns({{kpi::BreakdownBy::Technician, m_rows}});
        QVERIFY(test::showExposed(view, QSize(900, 1500)));
        const QString key = QStringLiteral("utilization");
        view.table()->sortByColumn(view.model()->columnOf(key), Qt::AscendingOrder);
        view.barChart()->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(view.chartKey(), key);
        // Three technicians have no utilization: they are counted, not drawn.
        QCOMPARE(view.chartTitle().simplified(), QStringLiteral("Ranked by %1, highest first · 3 without a value").arg(kpi::titleOf(key)));
        const std::vector<DrawnBar> drawn = drawnBars(view.barChart());
        QCOMPARE(int(drawn.size()), 57);
        // Utilization rises with the row, so the last technician is first whatever the
        // table's direction.
        QVERIFY2(drawn.front().label.startsWith(QStringLiteral("1. ")), qPrintable(drawn.front().label));
        QCOMPARE(drawn.front().value, kpi::plotValue(key, 0.4 + 0.01 * 59));
    }
};

QTEST_MAIN(TestKpiBreakdownChart)
#include "tst_kpi_breakdown_chart.moc"
