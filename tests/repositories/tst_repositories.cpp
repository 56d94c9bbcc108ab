// The console's read/write queries on both backends: a work order's details for the
// inspector, optimistic-concurrency status updates, technicians with skills, the alert
// rules at chosen instants, and the connection probe.
#include "../itemmodels/WorkOrderFixture.h"
#include "TestDatabases.h"
#include "repositories/AlertRepository.h"
#include "repositories/ConnectionProbe.h"
#include "repositories/TechnicianRepository.h"
#include "repositories/WorkOrderRepository.h"
#include "storage/Migrator.h"

#include <QtTest>

using namespace fieldops;

class TestRepositories : public QObject {
    Q_OBJECT

    static std::unique_ptr<Database> fixtureDb(const QString &backend)
    {
        auto db = test::freshDatabase(backend);
        if (!db)
            return nullptr;
        const QString failed = test::insertWorkOrderFixture(*db);
        if (!failed.isEmpty()) {
            qWarning() << failed;
            return nullptr;
        }
        return db;
    }

private slots:
    void detailsOfAWorkOrder_data() { test::addBackendRows(); }
    void detailsOfAWorkOrder()
    {
        QFETCH(QString, backend);
        auto db = fixtureDb(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto d = WorkOrderRepository(*db).details(QStringLiteral("w1"));
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->order.summary, QStringLiteral("Chiller down in cold room"));
        QCOMPARE(d->order.priority, 1);
        QCOMPARE(d->order.windowStart, QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        QCOMPARE(d->order.requiredSkills, (QStringList{QStringLiteral("elec"), QStringLiteral("hvac")}));
        QCOMPARE(d->site.name, QStringLiteral("Acme Plant"));
        QCOMPARE(d->site.address, QStringLiteral("Rua A 1, Sao Paulo"));
        QCOMPARE(d->site.timeZone, QStringLiteral("America/Sao_Paulo"));
        QCOMPARE(d->customer.name, QStringLiteral("Acme Foods"));
        QCOMPARE(d->customer.email, QStringLiteral("ops@acme.example"));
        QVERIFY(d->asset.has_value());
        QCOMPARE(d->asset->model, QStringLiteral("Carrier 30RB"));
        QCOMPARE(d->asset->warrantyUntil, QDate(2027, 1, 10));
        QCOMPARE(d->contractName, QStringLiteral("Acme Gold"));
        QCOMPARE(int(d->appointments.size()), 0);

        auto w6 = WorkOrderRepository(*db).details(QStringLiteral("w6"));
        QVERIFY(w6.ok());
        QVERIFY(!w6->asset.has_value());
        QCOMPARE(w6->contractName, QString());
        QCOMPARE(int(w6->appointments.size()), 2);
        QCOMPARE(w6->appointments[0].appointment.id, QStringLiteral("ap3"));
        QCOMPARE(w6->appointments[0].technicianName, QStringLiteral("Ana Souza"));
        QCOMPARE(w6->appointments[0].appointment.status, QStringLiteral("completed"));
        QCOMPARE(w6->appointments[0].appointment.arrivedAt, QDateTime(QDate(2026, 2, 27), QTime(10, 10), Qt::UTC));
        QCOMPARE(w6->appointments[0].appointment.resolved, false);
        QCOMPARE(w6->appointments[1].appointment.status, QStringLiteral("cancelled"));

        auto missing = WorkOrderRepository(*db).details(QStringLiteral("nope"));
        QVERIFY(!missing.ok());
        QCOMPARE(int(missing.error().kind), int(Error::Kind::NotFound));
    }

    void updateStatusChecksTheVersion_data() { test::addBackendRows(); }
    void updateStatusChecksTheVersion()
    {
        QFETCH(QString, backend);
        auto db = fixtureDb(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        WorkOrderRepository repo(*db);
        auto v2 = repo.updateStatus(QStringLiteral("w2"), 1, QStringLiteral("cancelled"));
        QVERIFY2(v2.ok(), qPrintable(v2.ok() ? QString() : v2.error().message));
        QCOMPARE(*v2, 2);
        // A second console still holding version 1 loses the race and is told so.
        auto stale = repo.updateStatus(QStringLiteral("w2"), 1, QStringLiteral("open"));
        QVERIFY(!stale.ok());
        QCOMPARE(int(stale.error().kind), int(Error::Kind::StaleVersion));
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w2'")).value().toString(),
                 QStringLiteral("cancelled"));
        auto gone = repo.updateStatus(QStringLiteral("w99"), 1, QStringLiteral("open"));
        QCOMPARE(int(gone.error().kind), int(Error::Kind::NotFound));
        // A value the schema refuses is an Invalid error, and nothing changes.
        auto bad = repo.updateStatus(QStringLiteral("w2"), 2, QStringLiteral("lost"));
        QVERIFY(!bad.ok());
        QCOMPARE(int(bad.error().kind), int(Error::Kind::Invalid));
        QCOMPARE(db->scalar(QStringLiteral("SELECT version FROM work_orders WHERE id = 'w2'")).value().toInt(), 2);
    }

    void techniciansWithSkills_data() { test::addBackendRows(); }
    void techniciansWithSkills()
    {
        QFETCH(QString, backend);
        auto db = fixtureDb(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto list = TechnicianRepository(*db).list();
        QVERIFY(list.ok());
        QCOMPARE(int(list->size()), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("Ana Souza"));
        QCOMPARE(list->at(0).skills, QStringList{QStringLiteral("hvac")});
        QCOMPARE(list->at(1).skills, (QStringList{QStringLiteral("elec"), QStringLiteral("hvac")}));
        QCOMPARE(list->at(1).shiftStart, QTime(8, 0));
        QCOMPARE(list->at(1).workDays.size(), 5);
    }

    void alertRules_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("horizonHours");
        QTest::addColumn<QStringList>("expected"); // kind:work order[:appointment]
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            QTest::addRow("%s at noon", backend) << b << test::fixtureNow() << 4
                << QStringList{QStringLiteral("breached:w1"), QStringLiteral("soon:w2"), QStringLiteral("late:w4:ap1"), QStringLiteral("unresolved:w6:ap3")};
            // A narrower horizon drops w2 (due in 2 h).
            QTest::addRow("%s one hour horizon", backend) << b << test::fixtureNow() << 1
                << QStringList{QStringLiteral("breached:w1"), QStringLiteral("late:w4:ap1"), QStringLiteral("unresolved:w6:ap3")};
            // At 11:10 the visit began 10 minutes ago: inside the 15-minute grace.
            QTest::addRow("%s within grace", backend) << b << QDateTime(QDate(2026, 3, 2), QTime(11, 10), Qt::UTC) << 4
                << QStringList{QStringLiteral("breached:w1"), QStringLiteral("soon:w2"), QStringLiteral("unresolved:w6:ap3")};
            // Next morning w4's SLA is near and its visit (22 h ago) is still within the look-back.
            QTest::addRow("%s next morning", backend) << b << QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC) << 4
                << QStringList{QStringLiteral("breached:w1"), QStringLiteral("breached:w2"), QStringLiteral("soon:w4"),
                               QStringLiteral("late:w4:ap1"), QStringLiteral("unresolved:w6:ap3")};
            // Two days on the missed visit is history, not an alert; SLAs in due order.
            QTest::addRow("%s two days on", backend) << b << QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC) << 4
                << QStringList{QStringLiteral("breached:w1"), QStringLiteral("breached:w2"), QStringLiteral("breached:w4"),
                               QStringLiteral("unresolved:w6:ap3")};
        }
    }
    void alertRules()
    {
        QFETCH(QString, backend);
        QFETCH(QDateTime, now);
        QFETCH(int, horizonHours);
        QFETCH(QStringList, expected);
        auto db = fixtureDb(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        AlertRules rules;
        rules.slaHorizonHours = horizonHours;
        auto alerts = AlertRepository(*db).current(now, rules);
        QVERIFY(alerts.ok());
        QStringList got;
        for (const Alert &a : *alerts) {
            const QString kind = a.kind == Alert::Kind::SlaBreached ? QStringLiteral("breached")
                : a.kind == Alert::Kind::SlaDueSoon                 ? QStringLiteral("soon")
                : a.kind == Alert::Kind::LateArrival                ? QStringLiteral("late")
                                                                    : Alert::kindCode(a.kind);
            QString s = kind + QLatin1Char(':') + a.workOrderId;
            if (!a.appointmentId.isEmpty())
                s += QLatin1Char(':') + a.appointmentId;
            got << s;
        }
        QCOMPARE(got, expected);
    }

    void probeTellsSchemaAndWritability_data() { test::addBackendRows(); }
    void probeTellsSchemaAndWritability()
    {
        QFETCH(QString, backend);
        auto empty = test::freshDatabase(backend, false);
        QVERIFY2(empty, qPrintable(test::lastError()));
        auto before = probeConnection(*empty);
        QVERIFY(before.ok());
        QCOMPARE(before->schemaVersion, 0);
        QCOMPARE(before->latestVersion, Migrator::latestVersion());
        QCOMPARE(before->actor, QStringLiteral("tester"));
        QVERIFY(Migrator(*empty).migrate().ok());
        auto after = probeConnection(*empty);
        QVERIFY(after.ok());
        QCOMPARE(after->schemaVersion, Migrator::latestVersion());
        QCOMPARE(after->readOnly, false);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
