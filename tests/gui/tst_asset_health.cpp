// The asset health tab on a real SQLite file, driven by mouse and keys: the at-risk list
// sorted by risk (a breached chiller, one 0.5 °C under its limit, a pump without
// readings), sortable by any column; an asset's chart with its readings, its usual band
// from four weeks of hourly means, the rule's limit and its past visit; the span choice;
// the links to the customer, the site on the map and the open work. Also the risk figure
// of each rule kind, by hand. A screenshot is left for a look.
#include "Screenshots.h"
#include "TestDatabases.h"
#include "conditions/AssetHealth.h"
#include "conditions/AssetHealthView.h"
#include "conditions/ConditionRuleStore.h"
#include "conditions/ConditionWatch.h"
#include "controllers/AssetHealthTabController.h"
#include "session/ConsoleSession.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QtTest>
#include <qcustomplot.h>

using namespace fieldops;
using namespace fieldops::conditions;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 2), QTime(13, 0), QTimeZone::utc()); // a Monday

QString iso(const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); } // "…Z" as SQLite stores it

QStringList fixture()
{
    QStringList sql{
        QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),
        QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
        QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo')"),
        QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200'), ('a2', 's1', 'CH-200'), ('a3', 's1', 'P-7')"),
        QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                       "('k1', 'c1', 'Acme 24x7', '2026-01-01', '2026-12-31', 6, '24x7')"),
        QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.5, -46.6)"),
        QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, type, duration_min, created_at, status) VALUES "
                       "('w-old', 's1', 'a1', 'preventive', 60, '2026-02-27T10:00:00Z', 'done'), "
                       "('w-a2', 's1', 'a2', 'corrective', 60, '2026-03-01T10:00:00Z', 'open')"),
        QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) VALUES "
                       "('v1', 'w-old', 't1', '2026-02-28T09:00:00Z', '2026-02-28T10:00:00Z', 'completed', '2026-02-28T09:00:00Z', '2026-02-28T10:00:00Z', 1)"),
    };
    // The last hour: a1 at 9 °C (over the limit of 8 for an hour), a2 at 7.5 °C.
    QStringList rows;
    for (int i = 0; i <= 60; ++i) {
        const QString at = iso(kNow.addSecs(-60LL * i));
        rows << QStringLiteral("('a1', '%1', 'temperature', 9, '°C')").arg(at) << QStringLiteral("('a2', '%1', 'temperature', 7.5, '°C')").arg(at);
    }
    sql << QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) VALUES ") + rows.join(QStringLiteral(", "));
    // a1's usual: four weeks of hourly means before the look-back, 5 and 6 in turn by week
    // (mean 5.5, sd 0.577 in every hour of the week).
    const qint64 lookback = lookbackStartMs(kNow.toMSecsSinceEpoch());
    QStringList hours;
    for (int week = 0; week < 4; ++week)
        for (int h = 0; h < 168; ++h) {
            const qint64 ms = lookback - (4 - week) * kWeekMs + h * kHourMs;
            hours << QStringLiteral("('a1', 'temperature', '%1', 1, %2, %2, %2)")
                         .arg(iso(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())))
                         .arg(week % 2 ? 6 : 5);
        }
    sql << QStringLiteral("INSERT INTO asset_reading_hours(asset_id, kind, hour, count, min, max, sum) VALUES ") + hours.join(QStringLiteral(", "));
    return sql;
}

const QByteArray kRule = R"({"id":"r-temp","asset_model":"CH-200","kind":"threshold","reading_kind":"temperature",
  "comparison":"above","threshold":8,"sustain_minutes":30,"task":"Check the chiller","required_skills":"hvac"})";
const QByteArray kPumpRule = R"({"id":"r-press","asset_id":"a3","kind":"threshold","reading_kind":"pressure",
  "comparison":"above","threshold":10,"sustain_minutes":30,"task":"Check the pump"})";

QStringList column(const QTableView *t, int c)
{
    QStringList out;
    for (int r = 0; r < t->model()->rowCount(); ++r)
        out << t->model()->index(r, c).data().toString();
    return out;
}

void clickHeader(QTableView *t, int section)
{
    QHeaderView *h = t->horizontalHeader();
    QTest::mouseClick(h->viewport(), Qt::LeftButton, {}, QPoint(h->sectionViewportPosition(section) + h->sectionSize(section) / 2, h->height() / 2));
}

void clickRow(QTableView *t, int row)
{
    const QRect r = t->visualRect(t->model()->index(row, widgets::AssetHealthView::AssetColumn));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, r.center());
}

ConditionRule rule(RuleKind kind, bool above, double limit)
{
    ConditionRule r;
    r.kind = kind;
    r.above = above;
    r.threshold = r.ratePerHour = r.usageInterval = r.bandSd = limit;
    return r;
}

Evaluation in(State s)
{
    Evaluation e;
    e.state = s;
    return e;
}

} // namespace

class TestAssetHealth : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void riskOfEachRuleKind()
    {
        // threshold above 8, latest 7.5: 1 − 0.5/8; below 2, latest 3: 1 − 1/2.
        QCOMPARE(riskOf(rule(RuleKind::Threshold, true, 8), in(State::Clear), 7.5), 0.9375);
        QCOMPARE(riskOf(rule(RuleKind::Threshold, false, 2), in(State::Clear), 3), 0.5);
        // Far on the safe side is 0, not negative.
        QCOMPARE(riskOf(rule(RuleKind::Threshold, true, 8), in(State::Clear), -20), 0.0);
        // rate above 2 per hour with a slope of 1.5: 1 − 0.5/2.
        QCOMPARE(riskOf(rule(RuleKind::Rate, true, 2), in(State::Clear), 1.5), 0.75);
        // usage 400 of 500; anomaly z 1.5 of a band of 3.
        QCOMPARE(riskOf(rule(RuleKind::Usage, true, 500), in(State::Clear), 400), 0.8);
        QCOMPARE(riskOf(rule(RuleKind::Anomaly, true, 3), in(State::Clear), 1.5), 0.5);
        // Breached is 1, pending 0.95, unknown 0; a clear figure never reaches pending's.
        QCOMPARE(riskOf(rule(RuleKind::Threshold, true, 8), in(State::Breached), 9), 1.0);
        QCOMPARE(riskOf(rule(RuleKind::Threshold, true, 8), in(State::Pending), 9), 0.95);
        QCOMPARE(riskOf(rule(RuleKind::Threshold, true, 8), in(State::Unknown), 9), 0.0);
        QVERIFY(riskOf(rule(RuleKind::Threshold, true, 8), in(State::Clear), 8) < 0.95);
    }

    void listChartAndLinks()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("health.db"));
        QString url;
        {
            auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
            QVERIFY2(db, qPrintable(test::lastError()));
            for (const QString &sql : fixture())
                QVERIFY2(db->execDirect(sql).ok(), qPrintable(sql.left(100)));
            ConditionRuleStore store(*db);
            for (const QByteArray &json : {kRule, kPumpRule}) {
                std::optional<workorders::FieldIssue> issue;
                auto r = store.fromJson(QJsonDocument::fromJson(json).object(), issue);
                QVERIFY(r);
                QVERIFY(store.create(*r).ok());
            }
        }
        ConsoleSession session;
        session.setClockOverride(kNow);
        gui::AssetHealthTabController tab(&session);
        QSignalSpy listed(&tab, &gui::AssetHealthTabController::listLoaded);
        QSignalSpy charted(&tab, &gui::AssetHealthTabController::chartLoaded);
        session.connectTo(*DatabaseUrl::parse(url));
        // The console's own evaluation opens a1's proactive work order; the list follows it.
        QTRY_VERIFY_WITH_TIMEOUT(session.conditionWatch()->role() == ConditionWatch::Role::ThisConsole, 15000);
        QCOMPARE(session.conditionWatch()->lastReport().opened.size(), 1);
        const QString proactive = session.conditionWatch()->lastReport().opened.front().workOrderId;
        listed.clear();
        tab.reload();
        QVERIFY(listed.wait(10000));

        widgets::AssetHealthView *view = tab.view();
        view->resize(1200, 600);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QTableView *table = view->table();
        using V = widgets::AssetHealthView;
        QCOMPARE(column(table, V::AssetColumn), (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));
        QCOMPARE(column(table, V::RiskColumn), (QStringList{QStringLiteral("100%"), QStringLiteral("94%"), QStringLiteral("0%")}));
        QCOMPARE(column(table, V::OpenWorkColumn), (QStringList{QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("0")}));
        QVERIFY2(column(table, V::ReasonColumn).at(0).startsWith(QStringLiteral("breached: temperature 9")), qPrintable(column(table, V::ReasonColumn).at(0)));
        QCOMPARE(column(table, V::ReasonColumn).at(2), QStringLiteral("no recent readings"));

        // Sort by the site … then by risk, lowest first, then highest first again.
        clickHeader(table, V::RiskColumn);
        QCOMPARE(column(table, V::AssetColumn), (QStringList{QStringLiteral("a3"), QStringLiteral("a2"), QStringLiteral("a1")}));
        clickHeader(table, V::RiskColumn);
        QCOMPARE(column(table, V::AssetColumn), (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));

        // a1's chart: the hour of readings, the band over the week shown, the limit, the visit.
        charted.clear();
        clickRow(table, 0);
        QVERIFY(charted.wait(10000));
        const AssetChart &c = view->chart();
        QCOMPARE(c.assetId, QStringLiteral("a1"));
        QCOMPARE(c.kind, QStringLiteral("temperature"));
        QCOMPARE(c.unit, QStringLiteral("°C"));
        QCOMPARE(c.readings.size(), 61);
        QCOMPARE(c.band.size(), 168);
        QCOMPARE(c.band.front().low, 5.5 - 3 * std::sqrt(1.0 / 3));
        QCOMPARE(c.lines.size(), 1);
        QCOMPARE(c.lines.front().value, 8.0);
        QCOMPARE(c.visits.size(), 1);
        QCOMPARE(c.visits.front(), QDateTime(QDate(2026, 2, 28), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch());
        QCOMPARE(view->plot()->graph(2)->dataCount(), 61);
        QCOMPARE(view->kindCombo()->currentText(), QStringLiteral("temperature"));
        view->grab().save(test::screenshotPath(QStringLiteral("asset-health.png")));

        // 24 hours: the band of a day; the visit two days ago is out of it.
        charted.clear();
        view->spanCombo()->setFocus();
        QTest::keyClick(view->spanCombo(), Qt::Key_Up);
        QVERIFY(charted.wait(10000));
        QCOMPARE(view->spanMs(), 24LL * 3600 * 1000);
        QCOMPARE(view->chart().band.size(), 24);
        QCOMPARE(view->chart().visits.size(), 0);

        // Links: the customer, the site on the map, the open work (a1's is the proactive one).
        QSignalSpy customer(&tab, &gui::AssetHealthTabController::customerRequested);
        QSignalSpy map(&tab, &gui::AssetHealthTabController::siteOnMapRequested);
        QSignalSpy work(&tab, &gui::AssetHealthTabController::workOrderRequested);
        QTest::mouseClick(view->assetButton(), Qt::LeftButton);
        QCOMPARE(customer.size(), 1);
        QCOMPARE(customer.front().front().toString(), QStringLiteral("c1"));
        QTest::mouseClick(view->mapButton(), Qt::LeftButton);
        QCOMPARE(map.size(), 1);
        QCOMPARE(map.front().at(0).toDouble(), -23.55);
        QCOMPARE(map.front().at(1).toDouble(), -46.63);
        QTest::mouseClick(view->workButton(), Qt::LeftButton);
        QCOMPARE(work.size(), 1);
        QCOMPARE(work.front().front().toString(), proactive);
        // a2's open work is its corrective one; a3 has none to open and no readings to chart.
        clickRow(table, 1);
        QTest::mouseClick(view->workButton(), Qt::LeftButton);
        QCOMPARE(work.size(), 2);
        QCOMPARE(work.back().front().toString(), QStringLiteral("w-a2"));
        charted.clear();
        clickRow(table, 2);
        QVERIFY(!view->workButton()->isEnabled());
        QVERIFY(charted.wait(10000));
        QCOMPARE(view->chart().readings.size(), 0);
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("assetHealthMessage"))->text().contains(QStringLiteral("a3 has no readings")));
        QVERIFY(!view->findChild<QLabel *>(QStringLiteral("atRiskHint"))->isVisible());
    }

    // A database without rules says so, and how to write one, instead of an empty list.
    void emptyDatabaseSaysWhatToDo()
    {
        QString url;
        {
            auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
            QVERIFY2(db, qPrintable(test::lastError()));
        }
        ConsoleSession session;
        session.setClockOverride(kNow);
        gui::AssetHealthTabController tab(&session);
        QSignalSpy listed(&tab, &gui::AssetHealthTabController::listLoaded);
        session.connectTo(*DatabaseUrl::parse(url));
        tab.reload();
        QVERIFY(listed.wait(10000));
        widgets::AssetHealthView *view = tab.view();
        view->resize(1000, 500);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QCOMPARE(view->table()->model()->rowCount(), 0);
        auto *hint = view->findChild<QLabel *>(QStringLiteral("atRiskHint"));
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().startsWith(QStringLiteral("No condition rules yet")), qPrintable(hint->text()));
        QVERIFY2(hint->text().contains(QStringLiteral("New rule")) == view->newRuleButton()->isVisible(), qPrintable(hint->text()));
        view->grab().save(test::screenshotPath(QStringLiteral("asset-health-empty.png")));
    }
};

QTEST_MAIN(TestAssetHealth)
#include "tst_asset_health.moc"
