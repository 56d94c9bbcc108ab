// The routing settings page, offscreen, typed into with QTest: a URL that is not http or https
// with a host is refused with a message naming it and the stored setting stays as it was; a good
// one is stored, and emptying the field goes back to straight-line travel times.
#include "GuiTestSupport.h"
#include "settings/ConsoleSettings.h"
#include "settings/RoutingPage.h"

#include <QLineEdit>
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
};

QTEST_MAIN(TestRoutingPage)
#include "tst_routing_page.moc"
