// Roles on a real PostgreSQL server: the server refuses what a role may not write,
// whatever the console shows. Users are created through `fieldops-cli user add`.
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "parts/StockRepository.h"
#include "repositories/Permissions.h"
#include "session/ConsoleSession.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

class TestRoles : public QObject {
    Q_OBJECT
    QString m_url;
    QString m_dbName;

    static int cli(const QStringList &args, QString *err = nullptr)
    {
        QProcess p;
        p.start(qEnvironmentVariable("FIELDOPS_CLI"), args);
        p.waitForFinished(60000);
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    }

    std::unique_ptr<Database> as(const QString &user)
    {
        return test::openUrl(test::PgTestServer::shared()->urlFor(m_dbName, user));
    }

    static Status write(Database &db, const QString &sql)
    {
        Transaction tx(db);
        if (!tx.status())
            return tx.status();
        auto q = db.run(sql);
        if (!q)
            return q.error();
        return tx.commit();
    }

private slots:
    void initTestCase()
    {
        auto db = test::freshDatabase(QStringLiteral("postgres"), true, &m_url);
        QVERIFY2(db, qPrintable(test::lastError()));
        m_dbName = m_url.section(QLatin1Char('/'), -1);
        for (const char *sql : {
                                "INSERT INTO territories(id, name) VALUES ('north', 'Zona Norte'), ('south', 'Zona Sul')",
                                "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
                                "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5, -46.6)",
                                "INSERT INTO technicians(id, name, territory_id, home_lat, home_lon) VALUES ('tn', 'Nina', 'north', -23.5, -46.6), ('ts', 'Saulo', 'south', -23.6, -46.7)",
                                "INSERT INTO contracts(id, customer_id, starts_on, ends_on) VALUES ('k1', 'c1', '2026-01-01', '2026-12-31')",
                                "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('w1', 's1', 60, '2026-03-01T08:00:00Z'), ('w2', 's1', 60, '2026-03-01T08:00:00Z')"})
            QVERIFY2(write(*db, QString::fromLatin1(sql)).ok(), sql);
        QString err;
        QCOMPARE(cli({QStringLiteral("--db"), m_url, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ana"), QStringLiteral("--role"), QStringLiteral("dispatcher")}, &err), 0);
        QCOMPARE(cli({QStringLiteral("--db"), m_url, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("paulo"), QStringLiteral("--role"), QStringLiteral("planner")}, &err), 0);
        QCOMPARE(cli({QStringLiteral("--db"), m_url, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("maria"), QStringLiteral("--role"), QStringLiteral("manager")}, &err), 0);
        QCOMPARE(cli({QStringLiteral("--db"), m_url, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("root; DROP TABLE x"), QStringLiteral("--role"), QStringLiteral("admin")}, &err), 0);
        QVERIFY2(cli({QStringLiteral("--db"), m_url, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bad"), QStringLiteral("--role"), QStringLiteral("king")}, &err) == 2, qPrintable(err));
    }

    // Dispatchers and planners move stock between warehouses and vans and say what a work
    // order needs; a manager only reads, and the refused transfer leaves the stock as it was.
    void stockTransfersByRole()
    {
        auto owner = test::openUrl(m_url);
        QVERIFY2(owner, qPrintable(test::lastError()));
        QVERIFY(write(*owner, QStringLiteral("INSERT INTO parts(sku, name) VALUES ('FLT-100', 'Air filter')")).ok());
        QVERIFY(write(*owner, QStringLiteral("INSERT INTO stock(sku, location, quantity, min_quantity) VALUES ('FLT-100', 'warehouse:central', 10, 2)")).ok());
        auto ana = as(QStringLiteral("ana"));
        QVERIFY2(ana, qPrintable(test::lastError()));
        auto moved = parts::StockRepository(*ana).transfer({QStringLiteral("FLT-100"), QStringLiteral("warehouse:central"), QStringLiteral("van:tn"), 3});
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message));
        QCOMPARE(moved->toQuantity, 3.0);
        auto who = ana->scalar(QStringLiteral("SELECT db_role FROM change_log WHERE entity = 'stock_transfers' ORDER BY seq DESC LIMIT 1"));
        QCOMPARE(who.value().toString(), QStringLiteral("ana"));
        QVERIFY(write(*ana, QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity) VALUES ('w2', 'FLT-100', 1)")).ok());
        auto paulo = as(QStringLiteral("paulo"));
        QVERIFY2(paulo, qPrintable(test::lastError()));
        QVERIFY(parts::StockRepository(*paulo).transfer({QStringLiteral("FLT-100"), QStringLiteral("van:tn"), QStringLiteral("van:ts"), 1}));

        auto maria = as(QStringLiteral("maria"));
        QVERIFY2(maria, qPrintable(test::lastError()));
        auto refused = parts::StockRepository(*maria).transfer({QStringLiteral("FLT-100"), QStringLiteral("warehouse:central"), QStringLiteral("van:ts"), 1});
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().kind), int(Error::Kind::PermissionDenied));
        auto left = owner->scalar(QStringLiteral("SELECT quantity FROM stock WHERE sku = 'FLT-100' AND location = 'warehouse:central'"));
        QCOMPARE(left.value().toDouble(), 7.0);
        QVERIFY(!write(*maria, QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity) VALUES ('w1', 'FLT-100', 1)")).ok());
    }

    void dispatcherWritesScheduleNotContracts()
    {
        auto ana = as(QStringLiteral("ana"));
        QVERIFY2(ana, qPrintable(test::lastError()));
        QVERIFY(write(*ana, QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) VALUES ('a1', 'w1', 'tn', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')")).ok());
        Status s = write(*ana, QStringLiteral("UPDATE contracts SET name = 'mine' WHERE id = 'k1'"));
        QVERIFY(!s.ok());
        QCOMPARE(int(s.error().kind), int(Error::Kind::PermissionDenied));
        // The change log names the server role, whatever label the client gave itself.
        auto who = ana->scalar(QStringLiteral("SELECT db_role FROM change_log WHERE entity = 'appointments' AND entity_id = 'a1'"));
        QCOMPARE(who.value().toString(), QStringLiteral("ana"));
        // And the logs themselves are not writable.
        QVERIFY(!write(*ana, QStringLiteral("DELETE FROM audit_log")).ok());
    }

    void plannerEditsContractsNotAppointments()
    {
        auto paulo = as(QStringLiteral("paulo"));
        QVERIFY2(paulo, qPrintable(test::lastError()));
        QVERIFY(write(*paulo, QStringLiteral("UPDATE contracts SET name = 'Gold', version = version + 1 WHERE id = 'k1'")).ok());
        Status s = write(*paulo, QStringLiteral("UPDATE appointments SET start_at = '2026-03-02T11:00:00Z', end_at = '2026-03-02T12:00:00Z' WHERE id = 'a1'"));
        QVERIFY(!s.ok());
        QCOMPARE(int(s.error().kind), int(Error::Kind::PermissionDenied));
    }

    void managerWritesNothing()
    {
        auto maria = as(QStringLiteral("maria"));
        QVERIFY2(maria, qPrintable(test::lastError()));
        QCOMPARE(maria->scalar(QStringLiteral("SELECT count(*) FROM appointments")).value().toInt(), 1);
        for (const char *sql : {"UPDATE appointments SET status = 'cancelled' WHERE id = 'a1'",
                                "INSERT INTO customers(id, name) VALUES ('c9', 'X')",
                                "UPDATE work_orders SET priority = 1 WHERE id = 'w1'",
                                "DELETE FROM technicians WHERE id = 'ts'"}) {
            Status s = write(*maria, QString::fromLatin1(sql));
            QVERIFY2(!s.ok(), sql);
            QCOMPARE(int(s.error().kind), int(Error::Kind::PermissionDenied));
        }
    }

    void territoryLimitedDispatcher()
    {
        QString err;
        QCOMPARE(cli({QStringLiteral("--db"), m_url, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zoe"),
                      QStringLiteral("--role"), QStringLiteral("dispatcher"), QStringLiteral("--territory"), QStringLiteral("south")}, &err), 0);
        auto zoe = as(QStringLiteral("zoe"));
        QVERIFY2(zoe, qPrintable(test::lastError()));
        Status north = write(*zoe, QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) VALUES ('z1', 'w2', 'tn', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z')"));
        QVERIFY(!north.ok());
        QCOMPARE(int(north.error().kind), int(Error::Kind::PermissionDenied));
        QVERIFY(write(*zoe, QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) VALUES ('z2', 'w2', 'ts', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z')")).ok());
        // Moving someone else's territory's visit silently matches no row.
        auto moved = zoe->run(QStringLiteral("UPDATE appointments SET status = 'tentative' WHERE id = 'a1'"));
        QVERIFY(moved.ok());
        QCOMPARE(moved->numRowsAffected(), 0);
    }

    void adminAddsUsersWithAwkwardNames()
    {
        const QString adminUrl = test::PgTestServer::shared()->urlFor(m_dbName, QStringLiteral("root; DROP TABLE x"));
        QString err;
        QVERIFY2(cli({QStringLiteral("--db"), adminUrl, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("João \"O'Brien\""),
                      QStringLiteral("--role"), QStringLiteral("planner")}, &err) == 0, qPrintable(err));
        auto joao = as(QStringLiteral("João \"O'Brien\""));
        QVERIFY2(joao, qPrintable(test::lastError()));
        QVERIFY(write(*joao, QStringLiteral("UPDATE contracts SET name = 'Platinum', version = version + 1 WHERE id = 'k1'")).ok());
        // A dispatcher cannot add users.
        const QString anaUrl = test::PgTestServer::shared()->urlFor(m_dbName, QStringLiteral("ana"));
        QVERIFY(cli({QStringLiteral("--db"), anaUrl, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("eve"),
                     QStringLiteral("--role"), QStringLiteral("admin")}, &err) != 0);
    }

    // What the console offers each role matches what the server grants it.
    void permissionsPerRole_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("schedule");
        QTest::addColumn<bool>("contracts");
        QTest::addColumn<bool>("targets");
        QTest::addColumn<bool>("users");
        QTest::addColumn<bool>("workOrders");
        QTest::addColumn<bool>("customers");
        QTest::addColumn<bool>("technicians");
        QTest::addColumn<bool>("absences");
        QTest::addColumn<bool>("time");
        QTest::addColumn<bool>("stock");
        QTest::addColumn<bool>("reorder");
        QTest::newRow("dispatcher") << QStringLiteral("ana") << true << false << false << false << true << false << false << true << true << true << false;
        QTest::newRow("planner") << QStringLiteral("paulo") << false << true << false << false << true << true << false << false << false << true << true;
        QTest::newRow("manager") << QStringLiteral("maria") << false << false << true << false << false << false << false << false << false << false << false;
        QTest::newRow("admin") << QStringLiteral("root; DROP TABLE x") << true << true << true << true << true << true << true << true << true << true << true;
        QTest::newRow("superuser") << QStringLiteral("postgres") << true << true << true << true << true << true << true << true << true << true << true;
    }
    void permissionsPerRole()
    {
        QFETCH(QString, user);
        auto db = as(user);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto p = readPermissions(*db);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QTEST(p->editSchedule, "schedule");
        QTEST(p->editContracts, "contracts");
        QTEST(p->editTargets, "targets");
        QTEST(p->manageUsers, "users");
        QTEST(p->editWorkOrders, "workOrders");
        QTEST(p->editCustomers, "customers");
        QTEST(p->editTechnicians, "technicians");
        QTEST(p->editAbsences, "absences");
        QTEST(p->reviewTime, "time");
        QTEST(p->moveStock, "stock");
        QTEST(p->editReorderPoints, "reorder");
    }

    // The session publishes them once connected and withdraws them on disconnect.
    void sessionPublishesPermissions()
    {
        ConsoleSession session;
        QSignalSpy changed(&session, &ConsoleSession::permissionsChanged);
        QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
        QCOMPARE(session.permissions(), Permissions::none());
        session.connectTo(*DatabaseUrl::parse(test::PgTestServer::shared()->urlFor(m_dbName, QStringLiteral("paulo"))));
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(changed.count(), 1);
        const Permissions planner = changed.at(0).at(0).value<Permissions>();
        QVERIFY(planner.editContracts && !planner.editSchedule && !planner.manageUsers);
        QCOMPARE(session.permissions(), planner);
        // A planner may change contracts: connected, not read-only.
        QCOMPARE(session.state(), ConsoleSession::State::Connected);
        QVERIFY(!session.connectionInfo().readOnly);
        session.disconnectFromDatabase();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(session.permissions(), Permissions::none());
    }

    // SQLite: everything, unless the file is read-only.
    void sqlitePermissions()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QCOMPARE(readPermissions(*db).value(), Permissions::all());
        const QString path = db->url().path;
        db.reset();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup);
        auto ro = test::openUrl(url);
        QVERIFY2(ro, qPrintable(test::lastError()));
        // root may write any file: then the console rightly offers everything.
        const bool writable = QFileInfo(path).isWritable();
        QCOMPARE(readPermissions(*ro).value(), writable ? Permissions::all() : Permissions::none());
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
