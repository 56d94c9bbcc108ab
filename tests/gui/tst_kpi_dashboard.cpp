// The KPI dashboard driven like a manager would (offscreen) on a real SQLite file holding
// the hand-built KPI dataset (tests/kpi/KpiFixture.h): type a custom period, pick a
// territory, wait for the off-thread result, and read the known values off the cards
// ("—" where a denominator is empty), the trend, the breakdown and the ratings; export
// PNG, PDF and CSV (the CSV matches the table). Last, a render on a demo-seeded database
// is written to /tmp/fieldops-kpi.png.
#include "../kpi/KpiFixture.h"
#include "TestDatabases.h"
#include "demo/DemoSeeder.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/KpiBreakdownModel.h"
#include "itemmodels/KpiRankingModel.h"
#include "interchange/CsvReader.h"
#include "kpi/KpiBreakdownView.h"
#include "kpi/KpiCard.h"
#include "kpi/KpiDashboard.h"
#include "kpi/KpiFilterBar.h"
#include "kpi/KpiKeys.h"
#include "kpi/KpiRatingsPanel.h"
#include "kpi/KpiService.h"
#include "kpi/KpiTrendChart.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace fieldops;

namespace {

// Types a date into a QDateEdit the way a user does: select all, type the digits.
void typeDate(QDateEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Enter);
}

// Moves a combo with the arrow keys until it shows `code`.
bool chooseByKeys(QComboBox *combo, const QString &code)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->currentData().toString() == code)
            return true;
        QTest::keyClick(combo, Qt::Key_Down);
    }
    return combo->currentData().toString() == code;
}

QString cardText(widgets::KpiDashboard &d, const char *key) { return d.card(QString::fromLatin1(key))->valueText(); }

} // namespace

class TestKpiDashboard : public QObject {
    Q_OBJECT
private:
    QString m_url;
    std::unique_ptr<Database> m_db;
    QTemporaryDir m_out;

    // Waits until the service answered the filter bar's current query.
    bool waitForResult(widgets::KpiDashboard &dash, kpi::KpiService &service)
    {
        const kpi::KpiQuery want = dash.filterBar()->query();
        return QTest::qWaitFor(
            [&] {
                if (service.isBusy() || !service.data())
                    return false;
                const kpi::KpiQuery &got = service.data()->query;
                return got.period.from == want.period.from && got.period.to == want.period.to
                       && got.territoryId == want.territoryId && got.workOrderType == want.workOrderType;
            },
            30000);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_db = test::freshDatabase(QStringLiteral("sqlite"), true, &m_url);
        QVERIFY2(m_db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*m_db));
        QVERIFY(m_out.isValid());
    }

    void customPeriodAndFilterShowKnownValues()
    {
        kpi::KpiService service;
        service.setDatabaseUrl(*DatabaseUrl::parse(m_url));
        widgets::KpiDashboard dash(&service);
        dash.filterBar()->setTimeZone(QTimeZone::utc());
        dash.filterBar()->setToday(QDate(2026, 3, 3));
        dash.resize(1400, 900);
        dash.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dash));

        // The user types the custom period; each keystroke may start a query, only the
        // last one's result is shown.
        typeDate(dash.filterBar()->fromEdit(), QStringLiteral("2026-03-02"));
        typeDate(dash.filterBar()->toEdit(), QStringLiteral("2026-03-03"));
        QCOMPARE(dash.filterBar()->fromEdit()->date(), QDate(2026, 3, 2));
        QCOMPARE(dash.filterBar()->toEdit()->date(), QDate(2026, 3, 3));
        QCOMPARE(dash.filterBar()->presetCombo()->currentData().toInt(), int(widgets::KpiFilterBar::Custom));
        QVERIFY(waitForResult(dash, service));
        QVERIFY(!dash.filterBar()->busyIndicator()->isVisible());

        QCOMPARE(cardText(dash, "work_orders_closed"), QStringLiteral("2"));
        QCOMPARE(cardText(dash, "first_time_fix_rate"), QStringLiteral("50.0%"));
        QCOMPARE(cardText(dash, "on_time_arrival_rate"), QStringLiteral("66.7%"));
        QCOMPARE(cardText(dash, "sla_compliance_rate"), QStringLiteral("33.3%"));
        QCOMPARE(cardText(dash, "mean_time_to_resolve_h"), QStringLiteral("27.5 h"));
        QCOMPARE(cardText(dash, "utilization"), QStringLiteral("10.1%")); // 140 min over 23 h
        QCOMPARE(cardText(dash, "billable_ratio"), QStringLiteral("75.0%"));
        QCOMPARE(cardText(dash, "avg_rating"), QStringLiteral("3.50"));
        QCOMPARE(cardText(dash, "ratings_count"), QStringLiteral("2"));
        QCOMPARE(cardText(dash, "jobs_per_technician_day"), QStringLiteral("0.75"));
        // The previous period (a weekend) had only t2's billable hour: +25 points lower now.
        QCOMPARE(dash.card(QStringLiteral("billable_ratio"))->changeText(), QStringLiteral("−25.0 pts vs previous"));
        QCOMPARE(dash.card(QStringLiteral("first_time_fix_rate"))->changeText(), QStringLiteral("no previous data"));
        QCOMPARE(dash.card(QStringLiteral("utilization"))->sparkline()->graph(0)->dataCount(), 2);

        // Trend: daily buckets; hovering Tuesday shows w2's 31 hours.
        widgets::KpiTrendChart *trend = dash.trendChart();
        trend->setKey(QStringLiteral("mean_time_to_resolve_h"));
        QCOMPARE(trend->hoverText(1), QStringLiteral("Tue 3 Mar 2026: 31.0 h"));
        QCustomPlot *plot = trend->plot();
        plot->replot();
        const double x = plot->graph(0)->data()->at(1)->key;
        const QPoint over(int(plot->xAxis->coordToPixel(x)), plot->axisRect()->center().y());
        QCOMPARE(trend->bucketAt(over), 1);
        QVERIFY(plot->axisRect()->rangeDrag() == Qt::Horizontal);
        QVERIFY(plot->axisRect()->rangeZoom() == Qt::Horizontal);

        // Ratings: w4's 2 (t2) and w1's 5 (t1); t1 ranks first.
        QCOMPARE(dash.ratings()->rankingModel()->rowCount(), 2);
        QCOMPARE(dash.ratings()->rankingModel()->rowAt(0)->technicianId, QStringLiteral("t1"));
        QCOMPARE(dash.ratings()->rankingModel()->index(0, KpiRankingModel::BayesianColumn).data().toString(),
                 QStringLiteral("3.75"));

        // The user picks the southern territory: Bruno closed nothing → "—" on the rates of
        // closed work orders, never 0.
        QVERIFY(chooseByKeys(dash.filterBar()->territoryCombo(), QStringLiteral("south")));
        QVERIFY(waitForResult(dash, service));
        QCOMPARE(cardText(dash, "work_orders_closed"), QStringLiteral("0"));
        QCOMPARE(cardText(dash, "first_time_fix_rate"), QStringLiteral("—"));
        QCOMPARE(cardText(dash, "mean_time_to_resolve_h"), QStringLiteral("—"));
        QCOMPARE(cardText(dash, "on_time_arrival_rate"), QStringLiteral("0.0%"));
        QCOMPARE(cardText(dash, "utilization"), QStringLiteral("6.3%")); // 30 min over 8 h
        QCOMPARE(cardText(dash, "avg_rating"), QStringLiteral("2.00"));
        QCOMPARE(dash.breakdown()->model()->rowCount(), 1);
        QCOMPARE(dash.breakdown()->model()->rowAt(0)->key, QStringLiteral("t2"));
    }

    void breakdownSortsOnRawValuesAndExports()
    {
        kpi::KpiService service;
        service.setDatabaseUrl(*DatabaseUrl::parse(m_url));
        widgets::KpiDashboard dash(&service);
        dash.filterBar()->setTimeZone(QTimeZone::utc());
        dash.resize(1400, 900);
        dash.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dash));
        dash.filterBar()->setCustomPeriod(QDate(2026, 3, 2), QDate(2026, 3, 3));
        QVERIFY(waitForResult(dash, service));

        widgets::KpiBreakdownView *b = dash.breakdown();
        KpiBreakdownModel *model = b->model();
        QCOMPARE(model->rowCount(), 2);
        // Sorting on utilization descending: t1 (12.2%) above t2 (6.3%), as numbers.
        const int utilization = model->columnOf(QStringLiteral("utilization"));
        b->table()->sortByColumn(utilization, Qt::DescendingOrder);
        QCOMPARE(b->proxy()->index(0, 0).data().toString(), QStringLiteral("t1"));
        // Sorting on first-time fix ascending: t2's null sorts below t1's 50%.
        b->table()->sortByColumn(model->columnOf(QStringLiteral("first_time_fix_rate")), Qt::AscendingOrder);
        QCOMPARE(b->proxy()->index(0, 0).data().toString(), QStringLiteral("t2"));
        QCOMPARE(b->proxy()->index(0, model->columnOf(QStringLiteral("first_time_fix_rate"))).data().toString(), QStringLiteral("—"));

        // Territory rows run the same formulas with the territory as the filter.
        b->setGrouping(kpi::BreakdownBy::Territory);
        QCOMPARE(model->rowCount(), 2); // north and south; nobody lacks a territory
        b->setGrouping(kpi::BreakdownBy::Technician);

        // CSV: the table in the order shown, full-precision values, empty for null.
        const QString csvPath = m_out.filePath(QStringLiteral("kpis.csv"));
        QVERIFY(dash.exportCsv(csvPath).ok());
        auto text = interchange::CsvReader::readUtf8File(csvPath);
        QVERIFY(text);
        interchange::CsvReader reader(*text);
        interchange::CsvRecord rec;
        QVERIFY(reader.next(rec));
        QCOMPARE(rec.cells.mid(0, 3), (QStringList{QStringLiteral("technician_id"), QStringLiteral("name"), QStringLiteral("territory")}));
        QCOMPARE(rec.cells.mid(3), kpi::keys());
        for (int r = 0; r < b->proxy()->rowCount(); ++r) {
            QVERIFY(reader.next(rec));
            QCOMPARE(rec.cells.size(), model->columnCount());
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex idx = b->proxy()->index(r, c);
                const QString key = model->keyAt(c);
                if (key.isEmpty()) {
                    QCOMPARE(rec.cells[c], idx.data().toString());
                } else if (idx.data().toString() == QStringLiteral("—")) {
                    QVERIFY(rec.cells[c].isEmpty());
                } else {
                    QCOMPARE(rec.cells[c].toDouble(), idx.data(roles::SortValue).toDouble());
                }
            }
        }
        QVERIFY(!reader.next(rec) || rec.isBlank());

        const QString png = m_out.filePath(QStringLiteral("kpis.png"));
        const QString pdf = m_out.filePath(QStringLiteral("kpis.pdf"));
        QVERIFY(dash.exportPng(png).ok());
        QVERIFY(dash.exportPdf(pdf).ok());
        QImage image(png);
        QCOMPARE(image.size(), dash.size());
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.size() > 10000);
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(!dash.exportCsv(QStringLiteral("/nonexistent-dir/x.csv")).ok());
    }

    void screenshotOnTheDemoDatabase()
    {
        QString url;
        auto demo = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(demo, qPrintable(test::lastError()));
        DemoOptions options;
        options.technicians = 30;
        options.customers = 400;
        options.days = 60;
        auto seeded = DemoSeeder(*demo).seed(options);
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().message));

        kpi::KpiService service;
        service.setDatabaseUrl(*DatabaseUrl::parse(url));
        widgets::KpiDashboard dash(&service);
        dash.filterBar()->setToday(seeded->today);
        dash.resize(1500, 1000);
        dash.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dash));
        dash.filterBar()->setPreset(widgets::KpiFilterBar::Last30);
        dash.reload(); // what the tab does on connecting
        QVERIFY(waitForResult(dash, service));
        QVERIFY(dash.breakdown()->model()->rowCount() == 30);
        QVERIFY(cardText(dash, "work_orders_closed") != QStringLiteral("0"));
        QTest::qWait(100);
        const QImage shot = dash.renderImage();
        QVERIFY(shot.save(QStringLiteral("/tmp/fieldops-kpi.png")));
        qInfo() << "screenshot: /tmp/fieldops-kpi.png" << shot.size() << "load+compute ms"
                << service.data()->loadMs << service.data()->computeMs;
        dash.detailTabs()->setCurrentIndex(1);
        QTest::qWait(50);
        QVERIFY(dash.renderImage().save(QStringLiteral("/tmp/fieldops-kpi-ratings.png")));
    }
};

QTEST_MAIN(TestKpiDashboard)
#include "tst_kpi_dashboard.moc"
