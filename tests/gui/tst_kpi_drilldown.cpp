// Drill-down from a technician to their visits and ratings, driven offscreen with the
// mouse: double-click a technician in the breakdown table and in the ratings ranking, wait
// for the visits read off the GUI thread, check them against the hand-built KPI dataset
// (tests/kpi/KpiFixture.h), and export the drill-down's and the ranking's tables as CSV.
// The visits query itself runs on both backends.
#include "../kpi/KpiFixture.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
#include "TestDatabases.h"
#include "interchange/CsvReader.h"
#include "itemmodels/KpiBreakdownModel.h"
#include "itemmodels/KpiRankingModel.h"
#include "itemmodels/KpiVisitsModel.h"
#include "kpi/KpiBreakdownView.h"
#include "kpi/KpiDashboard.h"
#include "kpi/KpiDrillDown.h"
#include "kpi/KpiFilterBar.h"
#include "kpi/KpiRatingsPanel.h"
#include "kpi/KpiService.h"
#include "kpi/KpiVisits.h"

#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {

// Double-clicks the row of `table` whose source row satisfies `match`.
bool doubleClickRow(QTableView *table, const std::function<bool(const QModelIndex &)> &match)
{
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        const QModelIndex idx = table->model()->index(r, 1);
        if (!match(idx))
            continue;
        table->scrollTo(idx);
        const QPoint at = table->visualRect(idx).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        return true;
    }
    return false;
}

QList<QStringList> readCsv(const QString &path)
{
    QList<QStringList> out;
    auto text = interchange::CsvReader::readUtf8File(path);
    if (!text)
        return out;
    interchange::CsvReader reader(*text);
    interchange::CsvRecord rec;
    while (reader.next(rec))
        if (!rec.isBlank())
            out << rec.cells;
    return out;
}

} // namespace

class TestKpiDrillDown : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void visitsOfATechnician_data() { test::addBackendRows(); }
    void visitsOfATechnician()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        const kpi::KpiPeriod period{QDate(2026, 3, 2), QDate(2026, 3, 3), QTimeZone::utc()};
        auto t2 = kpi::loadTechnicianVisits(*db, QStringLiteral("t2"), period);
        QVERIFY2(t2, qPrintable(t2 ? QString() : t2.error().message));
        QCOMPARE(t2->size(), size_t(2)); // a2 (late) and a4 (scheduled); a6 is before the period
        QCOMPARE(t2->at(0).appointmentId, QStringLiteral("a2"));
        QCOMPARE(t2->at(0).onTime(), std::optional<bool>(false));
        QCOMPARE(t2->at(1).appointmentId, QStringLiteral("a4"));
        QVERIFY(!t2->at(1).onTime());
        auto t1 = kpi::loadTechnicianVisits(*db, QStringLiteral("t1"), period);
        QVERIFY(t1);
        QCOMPARE(t1->size(), size_t(2)); // a1, a3; a5 is cancelled
        QCOMPARE(t1->at(0).workOrderType, QStringLiteral("corrective"));
        QVERIFY(t1->at(0).resolved);
        QVERIFY(!kpi::loadTechnicianVisits(*db, QStringLiteral("t1"), {QDate(2026, 3, 3), QDate(2026, 3, 2), QTimeZone::utc()}));
    }

    void doubleClickOpensVisitsAndRatingsAndExports()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        QTemporaryDir out;
        QVERIFY(out.isValid());

        test::KpiDashboardHarness harness(*DatabaseUrl::parse(url), QTimeZone::utc());
        widgets::KpiDashboard &dash = harness.dash;
        kpi::KpiService &service = harness.service;
        QVERIFY2(test::showKpiFixturePeriod(dash), "the dashboard was never exposed");
        QVERIFY(QTest::qWaitFor([&] { return !service.isBusy() && service.data() && service.data()->query.period.from == QDate(2026, 3, 2); }, 30000));

        // Breakdown table (by technician): Ana.
        QSignalSpy visits(&service, &kpi::KpiService::visitsReady);
        QVERIFY(doubleClickRow(dash.breakdown()->table(), [](const QModelIndex &i) { return i.data().toString() == QStringLiteral("Ana"); }));
        widgets::KpiDrillDown *drill = dash.drillDown();
        QVERIFY(QTest::qWaitForWindowExposed(drill));
        QCOMPARE(drill->technicianId(), QStringLiteral("t1"));
        QTRY_COMPARE_WITH_TIMEOUT(visits.count(), 1, 10000); // may arrive while the dialog is being exposed
        KpiVisitsModel *model = drill->visitsModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, KpiVisitsModel::WorkOrderColumn).data().toString(), QStringLiteral("w1"));
        QCOMPARE(model->index(0, KpiVisitsModel::OnTimeColumn).data().toString(), QStringLiteral("on time"));
        QCOMPARE(model->index(0, KpiVisitsModel::RatingColumn).data().toString(), QStringLiteral("5"));
        QCOMPARE(model->index(1, KpiVisitsModel::RatingColumn).data().toString(), QStringLiteral("—")); // w2 rated after the period
        QCOMPARE(drill->ratingsModel()->rowCount(), 1);
        QVERIFY2(drill->statusText().startsWith(QStringLiteral("2 visit")), qPrintable(drill->statusText()));

        // Ranking: Bruno, whose one rating counts (w4 closed by him before the period).
        dash.detailTabs()->setCurrentWidget(dash.ratings());
        QVERIFY(doubleClickRow(dash.ratings()->rankingTable(), [](const QModelIndex &i) { return i.data().toString() == QStringLiteral("Bruno"); }));
        QTRY_COMPARE_WITH_TIMEOUT(visits.count(), 2, 10000);
        QCOMPARE(drill->technicianId(), QStringLiteral("t2"));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, KpiVisitsModel::OnTimeColumn).data().toString(), QStringLiteral("late"));
        // Statuses read as words, the same as on the board.
        QStringList statuses{model->index(0, KpiVisitsModel::StatusColumn).data().toString(),
                             model->index(1, KpiVisitsModel::StatusColumn).data().toString()};
        statuses.sort();
        QCOMPARE(statuses, (QStringList{QStringLiteral("Completed"), QStringLiteral("Scheduled")}));
        QCOMPARE(drill->ratingsModel()->rowCount(), 1);
        QCOMPARE(drill->ratingsModel()->index(0, KpiRatingListModel::ScoreColumn).data().toInt(), 2);
        QVERIFY(drill->grab().save(fieldops::test::screenshotPath(QStringLiteral("kpi-drilldown.png")))); // for a look by eye

        // CSV of the drill-down: raw values, instants in UTC, empty for none.
        const QString visitsCsv = out.filePath(QStringLiteral("visits.csv"));
        QVERIFY(dash.exportDrillDownCsv(QStringLiteral("visits"), visitsCsv).ok());
        const QList<QStringList> v = readCsv(visitsCsv);
        QCOMPARE(v.size(), 3);
        QCOMPARE(v[0], KpiVisitsModel::csvColumns());
        QCOMPARE(v[1][0], QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(v[1][1], QStringLiteral("w2"));
        QCOMPARE(v[1][6], QStringLiteral("0")); // late
        QVERIFY(v[2][5].isEmpty());            // a4: no arrival
        QCOMPARE(v[1][4], QStringLiteral("Completed")); // words, as the type column
        const QString ratingsCsv = out.filePath(QStringLiteral("ratings.csv"));
        QVERIFY(dash.exportDrillDownCsv(QStringLiteral("ratings"), ratingsCsv).ok());
        const QList<QStringList> r = readCsv(ratingsCsv);
        QCOMPARE(r.size(), 2);
        QCOMPARE(r[1], (QStringList{QStringLiteral("2026-03-02T12:00:00Z"), QStringLiteral("w4"), QStringLiteral("2"),
                                    QStringLiteral("Voltou duas vezes")}));

        // The ranking table, exported while the Ratings tab is shown.
        const QString rankingCsv = out.filePath(QStringLiteral("ranking.csv"));
        QVERIFY(dash.exportCsv(rankingCsv).ok());
        const QList<QStringList> k = readCsv(rankingCsv);
        QCOMPARE(k.size(), 3);
        QCOMPARE(k[0].first(), QStringLiteral("rank"));
        QCOMPARE(k[1].mid(0, 3), (QStringList{QStringLiteral("1"), QStringLiteral("Ana"), QStringLiteral("1")}));
        QCOMPARE(k[1][4].toDouble(), dash.ratings()->rankingModel()->rowAt(0)->bayesian);
    }
};

QTEST_MAIN(TestKpiDrillDown)
#include "tst_kpi_drilldown.moc"
