// OsrmTravelTime against a stand-in routing service on 127.0.0.1 (FakeOsrmServer): one
// request per matrix with the coordinates as lon,lat, each distinct place once, sources and
// destinations indexing them; seconds rounded up to minutes; the same site 0 without asking;
// matrices beyond the coordinate limit split into blocks. Every way the service can fail
// (slow, refused, HTTP 500, not JSON, a refusal code, a wrong table) gives the straight-line
// minutes and a reason in words; a null duration falls back for its pair alone; after a
// failure the service is left alone for the back-off period; and it works from a worker
// thread with no event loop running.
#include "FakeOsrmServer.h"
#include "scheduling/OsrmTravelTime.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QtTest>
#include <cmath>

using namespace fieldops;
using namespace fieldops::scheduling;
using test::FakeOsrmServer;
using test::FakeReply;

namespace {

// Places on a parallel far from the equator, so lat,lon and lon,lat differ.
GeoPlace place(const char *id, double lon) { return {QString::fromLatin1(id), 40.5, lon}; }
const GeoPlace a = place("a", 1), b = place("b", 2), c = place("c", 3), d = place("d", 4), e = place("e", 5), f = place("f", 6);

// The service's rule: (10·lon(from) + lon(to)) minutes and one second, so each answer
// rounds up, differs from the straight-line model, and tells which end was which. It does
// not know sites: the same place asked is not 0.
double serviceSeconds(double fromLon, double toLon) { return (10 * fromLon + toLon) * 60 + 1; }
int serviceMinutes(const GeoPlace &from, const GeoPlace &to) { return int(10 * from.lon + to.lon) + 1; }

struct Parsed {
    QStringList coords;
    QList<int> sources, destinations;
};

Parsed parse(const QString &target)
{
    Parsed p;
    const QUrl url(QStringLiteral("http://x") + target);
    p.coords = url.path().section(QLatin1Char('/'), 4).split(QLatin1Char(';'));
    const QUrlQuery q(url);
    for (const QString &s : q.queryItemValue(QStringLiteral("sources")).split(QLatin1Char(';')))
        p.sources << s.toInt();
    for (const QString &s : q.queryItemValue(QStringLiteral("destinations")).split(QLatin1Char(';')))
        p.destinations << s.toInt();
    return p;
}

// Answers any table request by the rule above; `nullFromLon`: that source's row is null.
FakeReply tableReply(const QString &target, double nullFromLon = -1)
{
    const Parsed p = parse(target);
    QStringList rows;
    for (const int s : p.sources) {
        const double fromLon = p.coords.value(s).section(QLatin1Char(','), 0, 0).toDouble();
        QStringList cells;
        for (const int dd : p.destinations) {
            const double toLon = p.coords.value(dd).section(QLatin1Char(','), 0, 0).toDouble();
            cells << (fromLon == nullFromLon ? QStringLiteral("null") : QString::number(serviceSeconds(fromLon, toLon)));
        }
        rows << QLatin1Char('[') + cells.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    return {200, (QStringLiteral(R"({"code":"Ok","durations":[)") + rows.join(QLatin1Char(',')) + QStringLiteral("]}")).toUtf8(), 0};
}

OsrmConfig configFor(const QString &url, int timeoutMs = 3000)
{
    OsrmConfig config;
    config.baseUrl = QUrl(url);
    config.timeoutMs = timeoutMs;
    return config;
}

std::vector<int> straightLine(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to)
{
    return HaversineTravelTime().matrix(from, to);
}

} // namespace

class TestOsrmTravelTime : public QObject {
    Q_OBJECT

private slots:
    void oneRequestWithDistinctLonLatPlaces()
    {
        FakeOsrmServer server([](const QString &t) { return tableReply(t); });
        const OsrmTravelTime osrm(configFor(server.url()));
        const GeoPlace bAgain{QStringLiteral("b2"), b.lat, b.lon}; // another id, the same coordinates
        const std::vector<int> got = osrm.matrix({a, b, a}, {b, c, a, bAgain});
        QCOMPARE(server.requests(), 1);
        // a and b as sources, then c: each place once, longitude first.
        QCOMPARE(server.targets().first(), QStringLiteral("/table/v1/driving/1.000000,40.500000;2.000000,40.500000;3.000000,40.500000"
                                                          "?sources=0;1&destinations=1;2;0&annotations=duration"));
        const std::vector<int> want{serviceMinutes(a, b), serviceMinutes(a, c), 0, serviceMinutes(a, b),
                                    0, serviceMinutes(b, c), serviceMinutes(b, a), serviceMinutes(b, b),
                                    serviceMinutes(a, b), serviceMinutes(a, c), 0, serviceMinutes(a, b)};
        QCOMPARE(got, want);
        QCOMPARE(got[0], 13); // 721 s rounds up to 13 min, not down to 12
        QVERIFY2(osrm.lastProblem().isEmpty(), qPrintable(osrm.lastProblem()));
        QCOMPARE(osrm.fallbacksUsed(), 0);
    }

    void minutesAskOnePairAndBoundIsTheAnswer()
    {
        FakeOsrmServer server([](const QString &t) { return tableReply(t); });
        const OsrmTravelTime osrm(configFor(server.url()));
        QCOMPARE(osrm.minutes(b, a), 22);
        QCOMPARE(server.targets().value(0), QStringLiteral("/table/v1/driving/2.000000,40.500000;1.000000,40.500000"
                                                           "?sources=0&destinations=1&annotations=duration"));
        // The bound is the road answer, even where it exceeds the straight-line bound.
        const GeoPlace near{QStringLiteral("n"), 40.5, 1.001};
        QCOMPARE(osrm.upperBoundMinutes(a, near), serviceMinutes(a, near));
        QVERIFY(osrm.upperBoundMinutes(a, near) > HaversineTravelTime().upperBoundMinutes(a, near));
        // The same site: 0 without asking.
        const int before = server.requests();
        QCOMPARE(osrm.minutes(a, a), 0);
        QCOMPARE(server.requests(), before);
    }

    void beyondTheLimitSplitsIntoBlocks()
    {
        FakeOsrmServer server([](const QString &t) { return tableReply(t); });
        OsrmConfig config = configFor(server.url());
        config.maxCoordinates = 4;
        const OsrmTravelTime osrm(config);
        const std::vector<GeoPlace> from{a, b, c}, to{d, e, f};
        const std::vector<int> got = osrm.matrix(from, to);
        QCOMPARE(server.requests(), 4); // sources {a,b},{c} × destinations {d,e},{f}
        for (const QString &t : server.targets())
            QVERIFY2(parse(t).coords.size() <= 4, qPrintable(t));
        std::vector<int> want;
        for (const GeoPlace &x : from)
            for (const GeoPlace &y : to)
                want.push_back(serviceMinutes(x, y));
        QCOMPARE(got, want);
    }

    void failureFallsBackWithAReason_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<QString>("reason");
        QTest::newRow("slow") << 200 << QByteArray(R"({"code":"Ok","durations":[[1]]})") << 2000 << "no answer within 0.3 s";
        QTest::newRow("not JSON") << 200 << QByteArray("{durations: oops") << 0 << "not JSON";
        QTest::newRow("refused query") << 400 << QByteArray(R"({"code":"InvalidQuery","message":"Query string malformed"})") << 0
                                       << "\"InvalidQuery\" (Query string malformed)";
        QTest::newRow("code only") << 200 << QByteArray(R"({"code":"NoTable"})") << 0 << "\"NoTable\"";
        QTest::newRow("HTTP 500") << 500 << QByteArray("internal error") << 0 << "HTTP status 500";
        QTest::newRow("wrong shape") << 200 << QByteArray(R"({"code":"Ok","durations":[[60,60]]})") << 0 << "not a table of 2 × 2";
        QTest::newRow("no durations") << 200 << QByteArray(R"({"code":"Ok"})") << 0 << "not a table of 2 × 2";
    }
    void failureFallsBackWithAReason()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, delayMs);
        QFETCH(QString, reason);
        FakeOsrmServer server([&](const QString &) { return FakeReply{status, body, delayMs}; });
        const OsrmTravelTime osrm(configFor(server.url(), 300));
        QElapsedTimer clock;
        clock.start();
        const std::vector<int> got = osrm.matrix({a, b}, {c, d});
        QVERIFY2(clock.elapsed() < 1500, "the timeout ends the wait");
        QCOMPARE(server.requests(), 1);
        QCOMPARE(got, straightLine({a, b}, {c, d}));
        const QString problem = osrm.lastProblem();
        QVERIFY2(problem.contains(reason), qPrintable(problem));
        QVERIFY2(problem.startsWith(QStringLiteral("routing service at %1: ").arg(server.url())), qPrintable(problem));
        QVERIFY2(problem.endsWith(QLatin1String("; using straight-line travel times")), qPrintable(problem));
    }

    void refusedConnectionFallsBack()
    {
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(FakeOsrmServer::closedPort());
        const OsrmTravelTime osrm(configFor(url));
        QCOMPARE(osrm.matrix({a}, {b, c}), straightLine({a}, {b, c}));
        QCOMPARE(osrm.requestsSent(), 1);
        QVERIFY2(osrm.lastProblem().startsWith(QStringLiteral("routing service at %1: ").arg(url))
                     && osrm.lastProblem().contains(QLatin1String("refused"), Qt::CaseInsensitive),
                 qPrintable(osrm.lastProblem()));
    }

    void nullDurationFallsBackForThatPairOnly()
    {
        FakeOsrmServer server([](const QString &t) { return tableReply(t, 2); }); // b's row: no road
        const OsrmTravelTime osrm(configFor(server.url()));
        const std::vector<int> got = osrm.matrix({a, b}, {c});
        QCOMPARE(got, (std::vector<int>{serviceMinutes(a, c), HaversineTravelTime().minutes(b, c)}));
        QVERIFY2(osrm.lastProblem().contains(QLatin1String("no road route from b to c")), qPrintable(osrm.lastProblem()));
        // The service is fine: the next question is asked.
        QCOMPARE(osrm.minutes(a, c), serviceMinutes(a, c));
        QCOMPARE(server.requests(), 2);
    }

    void afterAFailureTheServiceIsLeftAlone()
    {
        FakeOsrmServer server([](const QString &) { return FakeReply{500, "down", 0}; });
        OsrmConfig config = configFor(server.url());
        config.backoffMs = 400;
        const OsrmTravelTime osrm(config);
        QCOMPARE(osrm.minutes(a, b), HaversineTravelTime().minutes(a, b));
        QCOMPARE(server.requests(), 1);
        QCOMPARE(osrm.matrix({a, b}, {c}), straightLine({a, b}, {c}));
        QCOMPARE(osrm.minutes(c, d), HaversineTravelTime().minutes(c, d));
        QCOMPARE(server.requests(), 1); // within the back-off: not asked
        QCOMPARE(osrm.requestsSent(), 1);
        QCOMPARE(osrm.fallbacksUsed(), 3); // each question, though only the first was sent
        QVERIFY(osrm.lastProblem().contains(QLatin1String("HTTP status 500")));
        QTest::qWait(500);
        osrm.minutes(a, b);
        QCOMPARE(server.requests(), 2); // asked again once it is over
    }

    void worksFromAWorkerThread()
    {
        FakeOsrmServer server([](const QString &t) { return tableReply(t); });
        const OsrmTravelTime osrm(configFor(server.url()));
        std::vector<int> got;
        std::unique_ptr<QThread> worker(QThread::create([&] { got = osrm.matrix({a, b}, {c}); }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QCOMPARE(got, (std::vector<int>{serviceMinutes(a, c), serviceMinutes(b, c)}));
        QCOMPARE(server.requests(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOsrmTravelTime)
#include "tst_osrm_travel_time.moc"
