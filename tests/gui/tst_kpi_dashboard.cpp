// The KPI dashboard driven like a manager would (offscreen) on a real SQLite file holding
// the hand-built KPI dataset (tests/kpi/KpiFixture.h): type a custom period, pick a
// territory, wait for the off-thread result, and read the known values off the cards
// ("—" where a denominator is empty), the trend, the breakdown and the ratings; export
// PNG, PDF and CSV (the CSV matches the table). Last, a render on a demo-seeded database
// is written to kpi-dashboard.png. Targets: the cards' red/amber/green state, the
// trend's target line, a manager's edit through the editor (saved, refused, lost race).
#include "../kpi/KpiFixture.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
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
#include "kpi/KpiTargetEditor.h"
#include "kpi/KpiTargetRepository.h"
#include "kpi/KpiTrendChart.h"

#include <QComboBox>
#include <QAbstractButton>
#include <QCheckBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QPushButton>
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

    // What the manager chose comes back after a restart; a hand-edited settings file with
    // nonsense in it changes nothing and breaks nothing.
    void viewStateRoundTripsAndIgnoresNonsense()
    {
        QVariantMap saved;
        {
            kpi::KpiService service;
            widgets::KpiDashboard dash(&service);
            dash.filterBar()->setCustomPeriod(QDate(2026, 2, 1), QDate(2026, 2, 14));
            QVERIFY(test::chooseByKeys(dash.filterBar()->bucketCombo(), int(kpi::BucketSize::Month)));
            dash.trendChart()->setKey(QStringLiteral("billable_ratio"));
            QVERIFY(test::chooseByKeys(dash.breakdown()->groupCombo(), int(kpi::BreakdownBy::Employment)));
            dash.detailTabs()->setCurrentIndex(1);
            saved = dash.viewState();
        }
        kpi::KpiService service;
        widgets::KpiDashboard dash(&service);
        dash.restoreViewState(saved);
        const kpi::KpiQuery q = dash.filterBar()->query();
        QCOMPARE(q.period.from, QDate(2026, 2, 1));
        QCOMPARE(q.period.to, QDate(2026, 2, 14));
        QCOMPARE(q.bucketSize, kpi::BucketSize::Month);
        QCOMPARE(dash.trendChart()->key(), QStringLiteral("billable_ratio"));
        QCOMPARE(dash.breakdown()->groupCombo()->currentData().toInt(), int(kpi::BreakdownBy::Employment));
        QCOMPARE(dash.detailTabs()->currentIndex(), 1);

        const QVariantMap nonsense{{QStringLiteral("preset"), int(widgets::KpiFilterBar::Custom)},
                                   {QStringLiteral("from"), QStringLiteral("2026-13-45")},
                                   {QStringLiteral("to"), QStringLiteral("yesterday")},
                                   {QStringLiteral("bucket"), 99},
                                   {QStringLiteral("trendKey"), QStringLiteral("'; DROP TABLE kpi_targets; --")},
                                   {QStringLiteral("breakdownBy"), QStringLiteral("astrology")},
                                   {QStringLiteral("detailTab"), 7},
                                   {QStringLiteral("splitter"), QByteArray("not a splitter state")}};
        dash.restoreViewState(nonsense);
        QCOMPARE(dash.filterBar()->query().period.from, QDate(2026, 2, 1));
        QCOMPARE(dash.filterBar()->query().bucketSize, kpi::BucketSize::Month);
        QCOMPARE(dash.trendChart()->key(), QStringLiteral("billable_ratio"));
        QCOMPARE(dash.breakdown()->groupCombo()->currentData().toInt(), int(kpi::BreakdownBy::Employment));
        QCOMPARE(dash.detailTabs()->currentIndex(), 1);
    }

    // A fresh read shows the period first, its comparison marked as still being read,
    // then the change against the previous period; the busy indicator stays on until then.
    void comparisonArrivesAfterThePeriod()
    {
        test::KpiDashboardHarness harness(*DatabaseUrl::parse(m_url), QTimeZone::utc());
        widgets::KpiDashboard &dash = harness.dash;
        kpi::KpiService &service = harness.service;
        dash.filterBar()->setToday(QDate(2026, 3, 3));
        dash.filterBar()->setCustomPeriod(QDate(2026, 3, 2), QDate(2026, 3, 3));
        QVERIFY2(test::showExposed(dash, QSize(1400, 900)), "the dashboard was never exposed");
        QStringList changeTexts; // the billable-ratio card's change line at each update
        QStringList busyAtUpdate;
        connect(&dash, &widgets::KpiDashboard::updated, this, [&] {
            if (changeTexts.isEmpty()) // what the user sees while the comparison is read
                dash.renderImage().save(fieldops::test::screenshotPath(QStringLiteral("kpi-dashboard-pending.png")));
            changeTexts << dash.card(QStringLiteral("billable_ratio"))->changeText();
            busyAtUpdate << (dash.filterBar()->busyIndicator()->isVisible() ? QStringLiteral("busy") : QStringLiteral("idle"));
        });
        dash.refresh();
        QVERIFY(waitForResult(dash, service));
        QCOMPARE(changeTexts.size(), 2);
        QCOMPARE(changeTexts.first(), QStringLiteral("comparing with the previous period…"));
        QCOMPARE(busyAtUpdate, (QStringList{QStringLiteral("busy"), QStringLiteral("idle")}));
        QCOMPARE(changeTexts.last(), QStringLiteral("−25.0 pts vs previous"));
        QCOMPARE(cardText(dash, "billable_ratio"), QStringLiteral("75.0%"));
    }

    void customPeriodAndFilterShowKnownValues()
    {
        test::KpiDashboardHarness harness(*DatabaseUrl::parse(m_url), QTimeZone::utc());
        widgets::KpiDashboard &dash = harness.dash;
        kpi::KpiService &service = harness.service;
        dash.filterBar()->setToday(QDate(2026, 3, 3));
        QVERIFY2(test::showExposed(dash, QSize(1400, 900)), "the dashboard was never exposed");

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
        // A two-day period: one tick per day, each date once, on midnight.
        const QVector<QString> labels = plot->xAxis->tickVectorLabels();
        QVERIFY2(labels.contains(QStringLiteral("2 Mar")) && labels.contains(QStringLiteral("3 Mar")), qPrintable(QStringList(labels).join(QLatin1Char(','))));
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        for (double tick : plot->xAxis->tickVector())
            QCOMPARE(QCPAxisTickerDateTime::keyToDateTime(tick).time(), QTime(0, 0));

        // Ratings: w4's 2 (t2) and w1's 5 (t1); t1 ranks first.
        QCOMPARE(dash.ratings()->rankingModel()->rowCount(), 2);
        QCOMPARE(dash.ratings()->rankingModel()->rowAt(0)->technicianId, QStringLiteral("t1"));
        QCOMPARE(dash.ratings()->rankingModel()->index(0, KpiRankingModel::BayesianColumn).data().toString(),
                 QStringLiteral("3.75"));

        // The user picks the southern territory: Bruno closed nothing → "—" on the rates of
        // closed work orders, never 0.
        QVERIFY(test::chooseByKeys(dash.filterBar()->territoryCombo(), QStringLiteral("south")));
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
        test::KpiDashboardHarness harness(*DatabaseUrl::parse(m_url), QTimeZone::utc());
        widgets::KpiDashboard &dash = harness.dash;
        kpi::KpiService &service = harness.service;
        QVERIFY2(test::showKpiFixturePeriod(dash), "the dashboard was never exposed");
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

    void targetsShowStateAndAManagerEditsThem()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        kpi::KpiTargetRepository repo(*db);
        auto store = [&](const char *key, double target, std::optional<double> amber) {
            kpi::KpiTarget t;
            t.kpiKey = QString::fromLatin1(key);
            t.target = target;
            t.amberThreshold = amber;
            return repo.save(t);
        };
        QVERIFY(store("first_time_fix_rate", 0.6, 0.4));      // 50%: amber
        QVERIFY(store("on_time_arrival_rate", 0.5, std::nullopt)); // 66.7%: green
        QVERIFY(store("sla_compliance_rate", 0.9, 0.8));      // 33.3%: red
        QVERIFY(store("mean_time_to_resolve_h", 24, 36));     // 27.5 h, lower is better: amber

        test::KpiDashboardHarness harness(*DatabaseUrl::parse(url), QTimeZone::utc());
        widgets::KpiDashboard &dash = harness.dash;
        kpi::KpiService &service = harness.service;
        QVERIFY2(test::showKpiFixturePeriod(dash), "the dashboard was never exposed");
        QVERIFY(waitForResult(dash, service));

        auto rag = [&](const char *key) { return dash.card(QString::fromLatin1(key))->rag(); };
        QCOMPARE(rag("first_time_fix_rate"), kpi::KpiRag::Amber);
        QCOMPARE(rag("on_time_arrival_rate"), kpi::KpiRag::Green);
        QCOMPARE(rag("sla_compliance_rate"), kpi::KpiRag::Red);
        QCOMPARE(rag("mean_time_to_resolve_h"), kpi::KpiRag::Amber);
        QCOMPARE(rag("utilization"), kpi::KpiRag::None);
        QCOMPARE(dash.card(QStringLiteral("sla_compliance_rate"))->targetText(), QStringLiteral("Target 90.0% · off target"));
        QVERIFY(dash.card(QStringLiteral("utilization"))->targetText().isEmpty());
        dash.trendChart()->setKey(QStringLiteral("first_time_fix_rate"));
        QCOMPARE(dash.trendChart()->targetLine().value_or(-1), 0.6);
        QCOMPARE(dash.trendChart()->plot()->graph(2)->dataCount(), 2);
        dash.trendChart()->setKey(QStringLiteral("utilization"));
        QVERIFY(!dash.trendChart()->targetLine());

        // The manager opens the editor from the dashboard and lowers first-time fix to 45%.
        QVERIFY(dash.targetsButton()->isVisible());
        dash.trendChart()->setKey(QStringLiteral("first_time_fix_rate"));
        QTest::mouseClick(dash.targetsButton(), Qt::LeftButton);
        widgets::KpiTargetEditor *editor = dash.targetEditor();
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        auto *value = editor->findChild<QDoubleSpinBox *>(QStringLiteral("targetValue"));
        QCOMPARE(value->value(), 60.0); // the stored target, in percent
        value->setFocus();
        value->selectAll();
        QTest::keyClicks(value, QStringLiteral("45"));
        QCOMPARE(value->value(), 45.0);
        QSignalSpy saved(&service, &kpi::KpiService::targetSaved);
        QSignalSpy refused(&service, &kpi::KpiService::targetSaveFailed);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(rag("first_time_fix_rate"), kpi::KpiRag::Green);
        QVERIFY2(editor->statusText().startsWith(QStringLiteral("Saved")), qPrintable(editor->statusText()));
        QCOMPARE(repo.all()->front().target, 0.45);

        // An amber band above a higher-is-better target is refused before anything is sent.
        auto *hasAmber = editor->findChild<QCheckBox *>(QStringLiteral("targetHasAmber"));
        auto *amber = editor->findChild<QDoubleSpinBox *>(QStringLiteral("targetAmber"));
        QVERIFY(hasAmber->isChecked());
        amber->setValue(70);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY2(editor->statusText().contains(QStringLiteral("amber threshold")), qPrintable(editor->statusText()));
        QCOMPARE(refused.count(), 0);

        // Someone else changed the target meanwhile: the save loses and says so.
        amber->setValue(40);
        kpi::KpiTarget theirs = editor->draft();
        theirs.target = 0.55;
        QVERIFY(repo.save(theirs));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        // …naming who changed what, from the audit log.
        QVERIFY2(editor->statusText().contains(QStringLiteral("changed the target")), qPrintable(editor->statusText()));
        QVERIFY2(editor->statusText().contains(QStringLiteral("while you were editing")), qPrintable(editor->statusText()));

        // Roles that may not edit do not see the editor at all.
        dash.setTargetsEditable(false);
        QVERIFY(!dash.targetsButton()->isVisible());
        QVERIFY(!editor->isVisible());
    }

    void screenshotOnTheDemoDatabase()
    {
        const test::DemoDatabase demo({.technicians = 30, .days = 60, .customers = 400, .today = QDate()});
        QVERIFY2(demo.db, qPrintable(demo.error));

        test::KpiDashboardHarness harness(*DatabaseUrl::parse(demo.url));
        widgets::KpiDashboard &dash = harness.dash;
        kpi::KpiService &service = harness.service;
        dash.filterBar()->setToday(demo.summary.today);
        QVERIFY2(test::showExposed(dash, QSize(1500, 1000)), "the dashboard was never exposed");
        dash.filterBar()->setPreset(widgets::KpiFilterBar::Last30);
        dash.reload(); // what the tab does on connecting
        QVERIFY(waitForResult(dash, service));
        QVERIFY(dash.breakdown()->model()->rowCount() == 30);
        QVERIFY(cardText(dash, "work_orders_closed") != QStringLiteral("0"));
        // Targets on a few cards so the screenshot shows the three states.
        kpi::KpiTargetRepository targets(*demo.db);
        for (const auto &[key, goal, amber] : {std::tuple{"first_time_fix_rate", 0.8, 0.7}, std::tuple{"on_time_arrival_rate", 0.5, 0.4},
                                               std::tuple{"sla_compliance_rate", 0.99, 0.98}, std::tuple{"utilization", 0.3, 0.2}}) {
            kpi::KpiTarget t;
            t.kpiKey = QString::fromLatin1(key);
            t.target = goal;
            t.amberThreshold = amber;
            QVERIFY(targets.save(t));
        }
        dash.refresh();
        QVERIFY(QTest::qWaitFor([&] { return !service.isBusy() && service.data() && !service.data()->targets.empty(); }, 30000));
        QVERIFY(dash.card(QStringLiteral("first_time_fix_rate"))->rag() != kpi::KpiRag::None);
        QTest::qWait(100);
        const QImage shot = dash.renderImage();
        QVERIFY(shot.save(fieldops::test::screenshotPath(QStringLiteral("kpi-dashboard.png"))));
        qInfo() << "screenshot: kpi-dashboard.png" << shot.size() << "load+compute ms"
                << service.data()->loadMs << service.data()->computeMs;
        dash.detailTabs()->setCurrentIndex(1);
        QTest::qWait(50);
        QVERIFY(dash.renderImage().save(fieldops::test::screenshotPath(QStringLiteral("fieldops-kpi-ratings.png"))));
    }
};

QTEST_MAIN(TestKpiDashboard)
#include "tst_kpi_dashboard.moc"
