// The routing settings page, offscreen, typed into with QTest: a URL that is not http or https
// with a host is refused with a message naming it and the stored setting stays as it was; a good
// one is stored, and emptying the field goes back to straight-line travel times. The speeds
// learned per territory it is handed are listed read-only, one row each, with what planning
// does with them; a reading that failed says why.
#include "GuiTestSupport.h"
#include "scheduling/TravelSpeedLoader.h"
#include "settings/ConsoleSettings.h"
#include "settings/RoutingPage.h"

#include <QLineEdit>
#include <QTableWidget>
#include <QtTest>

using namespace fieldops;

class TestRoutingPage : public QObject {
    Q_OBJECT

    static void typeInto(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_routing_page")); }

    void refusesABadUrlAndKeepsTheSetting_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:5000");
        QTest::newRow("ftp") << QStringLiteral("ftp://osrm.example");
        QTest::newRow("no host") << QStringLiteral("http://");
    }
    void refusesABadUrlAndKeepsTheSetting()
    {
        QFETCH(QString, typed);
        settings::routingServiceUrl().set(QStringLiteral("http://10.0.0.5:5000"));
        widgets::RoutingPage page;
        QCOMPARE(page.urlEdit()->text(), QStringLiteral("http://10.0.0.5:5000")); // shows what is stored
        typeInto(page.urlEdit(), typed);
        QVERIFY(!page.apply());
        QVERIFY2(page.message().contains(QStringLiteral("\"%1\" is not a routing service URL").arg(typed)), qPrintable(page.message()));
        QCOMPARE(settings::routingServiceUrl().get(), QStringLiteral("http://10.0.0.5:5000"));
    }

    void storesAGoodUrlAndEmptyMeansStraightLine()
    {
        settings::routingServiceUrl().set(QString());
        widgets::RoutingPage page;
        QVERIFY(page.urlEdit()->text().isEmpty());
        typeInto(page.urlEdit(), QStringLiteral("https://osrm.example:443 "));
        QVERIFY(page.apply());
        QVERIFY(page.message().isEmpty());
        QCOMPARE(settings::routingServiceUrl().get(), QStringLiteral("https://osrm.example:443"));
        typeInto(page.urlEdit(), QString());
        QVERIFY(page.apply());
        QCOMPARE(settings::routingServiceUrl().get(), QString());
    }

    void listsTheLearnedSpeeds()
    {
        widgets::RoutingPage page;
        QCOMPARE(page.learnedSpeeds()->rowCount(), 0);
        scheduling::TravelSpeeds speeds;
        speeds.from = QDate(2025, 12, 2);
        speeds.to = QDate(2026, 3, 1);
        speeds.territories = {{QStringLiteral("north"), QStringLiteral("North"), 30, 2, 1.5, true},
                              {QStringLiteral("south"), QStringLiteral("South"), 5, 0, 1.2, false},
                              {QStringLiteral("abc"), QString(), 44, 1, 0.9, true}};
        page.showLearnedSpeeds(speeds);
        QTableWidget *table = page.learnedSpeeds();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("North"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("30"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("1.50"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("planning counts the straight-line time × 1.50"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("not enough history (5 of 30 legs): straight-line times"));
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("abc")); // no name: the id
        QVERIFY2(table->item(2, 3)->text().startsWith(QLatin1String("not slower than the straight-line model")),
                 qPrintable(table->item(2, 3)->text()));
        QVERIFY(table->editTriggers() == QAbstractItemView::NoEditTriggers);
        QVERIFY2(page.learnedSpeedsNote().contains(QLatin1String("30 legs")), qPrintable(page.learnedSpeedsNote()));

        page.showLearnedSpeedsProblem(QStringLiteral("not connected to a database"));
        QCOMPARE(table->rowCount(), 0);
        QVERIFY2(page.learnedSpeedsNote().endsWith(QLatin1String("not connected to a database")), qPrintable(page.learnedSpeedsNote()));
    }
};

QTEST_MAIN(TestRoutingPage)
#include "tst_routing_page.moc"
