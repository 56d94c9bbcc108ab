// KPI targets: the red/amber/green rule (data-driven, both directions), validation, the
// repository's round trip and optimistic version on both backends, and on PostgreSQL the
// server refusing roles other than manager and admin.
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "kpi/KpiTargetRepository.h"
#include "storage/Database.h"

#include <QProcess>
#include <QtTest>

using namespace fieldops;
using kpi::KpiRag;

Q_DECLARE_METATYPE(kpi::KpiRag)

namespace {
kpi::KpiTarget target(const QString &key, double value, std::optional<double> amber = std::nullopt, const QString &territory = {})
{
    kpi::KpiTarget t;
    t.kpiKey = key;
    t.target = value;
    t.amberThreshold = amber;
    t.territoryId = territory;
    return t;
}

bool exec(Database &db, const char *sql) { return db.run(QString::fromUtf8(sql)).ok(); }
} // namespace

class TestKpiTargets : public QObject {
    Q_OBJECT
private slots:
    void ragState_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("goal");
        QTest::addColumn<double>("amber"); // NaN: no amber band
        QTest::addColumn<KpiRag>("want");
        const double none = qQNaN();
        const QString ftf = QStringLiteral("first_time_fix_rate"), ttr = QStringLiteral("mean_time_to_resolve_h");
        QTest::newRow("higher: above target") << ftf << 0.90 << 0.85 << 0.75 << KpiRag::Green;
        QTest::newRow("higher: exactly the target") << ftf << 0.85 << 0.85 << 0.75 << KpiRag::Green;
        QTest::newRow("higher: inside the amber band") << ftf << 0.80 << 0.85 << 0.75 << KpiRag::Amber;
        QTest::newRow("higher: exactly the amber threshold") << ftf << 0.75 << 0.85 << 0.75 << KpiRag::Amber;
        QTest::newRow("higher: below the band") << ftf << 0.70 << 0.85 << 0.75 << KpiRag::Red;
        QTest::newRow("higher: no band, short of target") << ftf << 0.84 << 0.85 << none << KpiRag::Red;
        QTest::newRow("lower: quicker than target") << ttr << 20.0 << 24.0 << 36.0 << KpiRag::Green;
        QTest::newRow("lower: inside the band") << ttr << 30.0 << 24.0 << 36.0 << KpiRag::Amber;
        QTest::newRow("lower: slower than the band") << ttr << 40.0 << 24.0 << 36.0 << KpiRag::Red;
    }
    void ragState()
    {
        QFETCH(QString, key);
        QFETCH(double, value);
        QFETCH(double, goal);
        QFETCH(double, amber);
        QFETCH(KpiRag, want);
        const kpi::KpiTarget t = target(key, goal, qIsNaN(amber) ? std::nullopt : std::optional<double>(amber));
        QCOMPARE(kpi::ragState(key, value, &t), want);
    }

    void nullValueOrNoTargetHasNoState()
    {
        const kpi::KpiTarget t = target(QStringLiteral("utilization"), 0.7);
        QCOMPARE(kpi::ragState(QStringLiteral("utilization"), std::nullopt, &t), KpiRag::None);
        QCOMPARE(kpi::ragState(QStringLiteral("utilization"), 0.9, nullptr), KpiRag::None);
    }

    void territoryTargetWinsOverEveryTerritory()
    {
        const std::vector<kpi::KpiTarget> all{target(QStringLiteral("utilization"), 0.7),
                                              target(QStringLiteral("utilization"), 0.8, std::nullopt, QStringLiteral("north"))};
        QCOMPARE(kpi::targetFor(all, QStringLiteral("utilization"), QStringLiteral("north"))->target, 0.8);
        QCOMPARE(kpi::targetFor(all, QStringLiteral("utilization"), QStringLiteral("south"))->target, 0.7);
        QCOMPARE(kpi::targetFor(all, QStringLiteral("utilization"), QString())->target, 0.7);
        QVERIFY(!kpi::targetFor(all, QStringLiteral("avg_rating"), QString()));
    }

    void rules_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("goal");
        QTest::addColumn<double>("amber");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << QStringLiteral("happiness") << 1.0 << qQNaN() << QStringLiteral("unknown KPI");
        QTest::newRow("rate above 100%") << QStringLiteral("utilization") << 1.5 << qQNaN() << QStringLiteral("100%");
        QTest::newRow("rating of 6") << QStringLiteral("avg_rating") << 6.0 << qQNaN() << QStringLiteral("between 1 and 5");
        QTest::newRow("amber above a higher-is-better target") << QStringLiteral("first_time_fix_rate") << 0.8 << 0.9 << QStringLiteral("amber");
        QTest::newRow("amber below a lower-is-better target") << QStringLiteral("mean_time_to_resolve_h") << 24.0 << 12.0 << QStringLiteral("amber");
        QTest::newRow("not a number") << QStringLiteral("billable_ratio") << qInf() << qQNaN() << QStringLiteral("number");
    }
    void rules()
    {
        QFETCH(QString, key);
        QFETCH(double, goal);
        QFETCH(double, amber);
        QFETCH(QString, mentions);
        const QString p = kpi::KpiTargetRules::problem(target(key, goal, qIsNaN(amber) ? std::nullopt : std::optional<double>(amber)));
        QVERIFY2(p.contains(mentions), qPrintable(p));
        QVERIFY(kpi::KpiTargetRules::problem(target(QStringLiteral("mean_time_to_resolve_h"), 24, 36)).isEmpty());
    }

    void roundTrip_data() { test::addBackendRows(); }
    void roundTrip()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(exec(*db, "INSERT INTO territories(id, name) VALUES ('north', 'Zona Norte')"));
        kpi::KpiTargetRepository repo(*db);
        auto everywhere = repo.save(target(QStringLiteral("first_time_fix_rate"), 0.85, 0.75));
        QVERIFY2(everywhere, qPrintable(everywhere ? QString() : everywhere.error().message));
        QVERIFY(everywhere->id > 0);
        QCOMPARE(everywhere->version, 1);
        QVERIFY(everywhere->territoryId.isEmpty());
        QVERIFY(everywhere->updatedAt.isValid());
        auto north = repo.save(target(QStringLiteral("first_time_fix_rate"), 0.9, std::nullopt, QStringLiteral("north")));
        QVERIFY(north);
        QVERIFY(!north->amberThreshold);

        auto all = repo.all();
        QVERIFY(all);
        QCOMPARE(all->size(), size_t(2));

        kpi::KpiTarget edit = *everywhere;
        edit.target = 0.8;
        auto updated = repo.save(edit);
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().message));
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->target, 0.8);
        QCOMPARE(*updated->amberThreshold, 0.75);

        // The same edit again starts from version 1: the change already saved wins (this
        // user's own, as from another window).
        auto stale = repo.save(edit);
        QVERIFY(!stale);
        QCOMPARE(int(stale.error().kind), int(Error::Kind::StaleVersion));
        QVERIFY2(stale.error().message.contains(QStringLiteral("while you were editing")), qPrintable(stale.error().message));
        QVERIFY2(stale.error().message.startsWith(QStringLiteral("You (in another window) changed the target")),
                 qPrintable(stale.error().message));
        // A second target for the same KPI and scope is a lost race too, never a duplicate.
        auto duplicate = repo.save(target(QStringLiteral("first_time_fix_rate"), 0.5));
        QVERIFY(!duplicate);
        QCOMPARE(int(duplicate.error().kind), int(Error::Kind::StaleVersion));

        // In the change log like every editable table.
        auto logged = db->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'kpi_targets'"));
        QVERIFY(logged);
        QCOMPARE(logged->toInt(), 3);

        QVERIFY(repo.remove(north->id, north->version).ok());
        QCOMPARE(repo.all()->size(), size_t(1));
        QVERIFY(!repo.remove(north->id, north->version).ok());
    }

    void invalidTargetWritesNothing_data() { test::addBackendRows(); }
    void invalidTargetWritesNothing()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        kpi::KpiTargetRepository repo(*db);
        auto r = repo.save(target(QStringLiteral("on_time_arrival_rate"), 0.9, 0.95));
        QVERIFY(!r);
        QCOMPARE(int(r.error().kind), int(Error::Kind::Invalid));
        QVERIFY2(r.error().message.contains(QStringLiteral("On-time arrival")), qPrintable(r.error().message));
        QCOMPARE(repo.all()->size(), size_t(0));
    }

    void onlyManagersAndAdminsWriteOnPostgres()
    {
        QString url;
        auto owner = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(owner, qPrintable(test::lastError()));
        const QString dbName = url.section(QLatin1Char('/'), -1);
        auto addUser = [&](const QString &name, const QString &role) {
            QProcess p;
            p.start(qEnvironmentVariable("FIELDOPS_CLI"), {QStringLiteral("--db"), url, QStringLiteral("user"), QStringLiteral("add"), name,
                                                           QStringLiteral("--role"), role});
            p.waitForFinished(60000);
            if (p.exitCode() != 0)
                qWarning() << p.readAllStandardError();
            return p.exitCode();
        };
        QCOMPARE(addUser(QStringLiteral("kpi_maria"), QStringLiteral("manager")), 0);
        QCOMPARE(addUser(QStringLiteral("kpi_ana"), QStringLiteral("dispatcher")), 0);
        auto maria = test::openUrl(test::PgTestServer::shared()->urlFor(dbName, QStringLiteral("kpi_maria")));
        auto ana = test::openUrl(test::PgTestServer::shared()->urlFor(dbName, QStringLiteral("kpi_ana")));
        QVERIFY2(maria && ana, qPrintable(test::lastError()));

        auto saved = kpi::KpiTargetRepository(*maria).save(target(QStringLiteral("utilization"), 0.7, 0.6));
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QVERIFY2(!saved->updatedBy.isEmpty(), "who set the target is recorded");

        kpi::KpiTargetRepository asDispatcher(*ana);
        QCOMPARE(asDispatcher.all()->size(), size_t(1)); // everyone reads
        kpi::KpiTarget edit = *saved;
        edit.target = 0.65;
        auto refused = asDispatcher.save(edit);
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().kind), int(Error::Kind::PermissionDenied));
        QVERIFY2(refused.error().message.contains(QStringLiteral("managers")), qPrintable(refused.error().message));
        QCOMPARE(kpi::KpiTargetRepository(*maria).all()->front().target, 0.7); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestKpiTargets)
#include "tst_kpi_targets.moc"
