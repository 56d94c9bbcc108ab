// Schema v1 on both backends: migrations recorded, idempotent init, change log and audit
// triggers with the actor, and double booking refused by the database itself.
#include "TestDatabases.h"
#include "storage/Migrator.h"

#include <QtTest>
#include <future>

using namespace fieldops;

class TestSchema : public QObject {
    Q_OBJECT

    static void seedMinimal(Database &db)
    {
        const QStringList stmts{
            QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"),
            QStringLiteral("INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5, -46.6)"),
            QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.5, -46.6)"),
            QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('w1', 's1', 60, '2026-03-01T08:00:00Z')"),
            QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('w2', 's1', 60, '2026-03-01T08:00:00Z')"),
        };
        Transaction tx(db);
        QVERIFY(tx.status().ok());
        for (const QString &s : stmts)
            QVERIFY2(db.execDirect(s).ok(), qPrintable(s));
        QVERIFY(tx.commit().ok());
    }

    static Status book(Database &db, const QString &id, const QString &wo, const QString &start, const QString &end,
                       const QString &status = QStringLiteral("scheduled"))
    {
        Transaction tx(db);
        if (!tx.status())
            return tx.status();
        auto q = db.run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES (?, ?, 't1', ?, ?, ?)"),
                        {id, wo, start, end, status});
        if (!q)
            return q.error();
        return tx.commit();
    }

private slots:
    void migratesAndRecordsVersion_data() { test::addBackendRows(); }
    void migratesAndRecordsVersion()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend, false);
        QVERIFY2(db, qPrintable(test::lastError()));
        Migrator m(*db);
        QCOMPARE(m.currentVersion().value(), 0);
        auto v = m.migrate();
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().message + v.error().detail));
        QCOMPARE(*v, Migrator::latestVersion());
        QCOMPARE(m.currentVersion().value(), Migrator::latestVersion());
        // A second init changes nothing.
        const QString before = test::dumpDatabase(*db);
        QCOMPARE(m.migrate().value(), Migrator::latestVersion());
        QCOMPARE(test::dumpDatabase(*db), before);
        for (const char *table : {"skills", "territories", "technicians", "absences", "customers", "sites", "assets",
                                  "contracts", "maintenance_plans", "work_orders", "appointments", "ratings",
                                  "time_entries", "parts", "stock", "positions", "change_log", "audit_log"}) {
            auto n = db->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
            QVERIFY2(n.ok(), table);
        }
    }

    void changeLogAndAuditRecordActor_data() { test::addBackendRows(); }
    void changeLogAndAuditRecordActor()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        db->setActor(QStringLiteral("ana.dispatch"));
        seedMinimal(*db);
        {
            Transaction tx(*db);
            QVERIFY(db->run(QStringLiteral("UPDATE technicians SET name = 'Ana Souza', version = version + 1 WHERE id = 't1'")).ok());
            QVERIFY(tx.commit().ok());
        }
        auto q = db->run(QStringLiteral("SELECT entity, entity_id, op, actor FROM change_log WHERE entity = 'technicians' ORDER BY seq"));
        QVERIFY(q.ok());
        QStringList rows;
        while (q->next())
            rows << QStringList{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()}.join(QLatin1Char(','));
        QCOMPARE(rows, (QStringList{QStringLiteral("technicians,t1,insert,ana.dispatch"),
                                    QStringLiteral("technicians,t1,update,ana.dispatch")}));
        auto a = db->run(QStringLiteral("SELECT old_values, new_values, actor FROM audit_log WHERE entity = 'technicians' AND op = 'update'"));
        QVERIFY(a.ok() && a->next());
        QVERIFY(a->value(0).toString().contains(QLatin1String("\"Ana\"")));
        QVERIFY(a->value(1).toString().contains(QLatin1String("Ana Souza")));
        QCOMPARE(a->value(2).toString(), QStringLiteral("ana.dispatch"));
    }

    void doubleBookingRefused_data() { test::addBackendRows(); }
    void doubleBookingRefused()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        seedMinimal(*db);
        QVERIFY(book(*db, QStringLiteral("a1"), QStringLiteral("w1"), QStringLiteral("2026-03-02T09:00:00Z"), QStringLiteral("2026-03-02T10:00:00Z")).ok());
        // Overlapping: refused with the typed error.
        Status s = book(*db, QStringLiteral("a2"), QStringLiteral("w2"), QStringLiteral("2026-03-02T09:30:00Z"), QStringLiteral("2026-03-02T10:30:00Z"));
        QVERIFY(!s.ok());
        QCOMPARE(int(s.error().kind), int(Error::Kind::DoubleBooking));
        // Back-to-back touching at one instant is fine; a cancelled overlap is fine.
        QVERIFY(book(*db, QStringLiteral("a3"), QStringLiteral("w2"), QStringLiteral("2026-03-02T10:00:00Z"), QStringLiteral("2026-03-02T11:00:00Z")).ok());
        QVERIFY(book(*db, QStringLiteral("a4"), QStringLiteral("w2"), QStringLiteral("2026-03-02T09:15:00Z"), QStringLiteral("2026-03-02T09:45:00Z"), QStringLiteral("cancelled")).ok());
        // Un-cancelling into an overlap is refused too.
        {
            Transaction tx(*db);
            auto q = db->run(QStringLiteral("UPDATE appointments SET status = 'scheduled' WHERE id = 'a4'"));
            QVERIFY(!q.ok());
            QCOMPARE(int(q.error().kind), int(Error::Kind::DoubleBooking));
        }
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE status <> 'cancelled'")).value().toInt(), 2);
    }

    void racingConnectionsExactlyOneWins_data() { test::addBackendRows(); }
    void racingConnectionsExactlyOneWins()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        seedMinimal(*db);
        auto other = test::openUrl(url);
        QVERIFY(other);
        // Both transactions are open before either commits. On PostgreSQL the second
        // insert waits on the first's exclusion-constraint check; on SQLite the second
        // BEGIN IMMEDIATE waits for the write lock. Either way exactly one wins.
        Transaction t1(*db);
        QVERIFY(t1.status().ok());
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) VALUES ('r1', 'w1', 't1', '2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z')")).ok());
        auto second = std::async(std::launch::async, [&]() -> Status {
            // A QSqlDatabase must be used in the thread that opened it: open a third here.
            auto mine = test::openUrl(url);
            if (!mine)
                return Error::other(test::lastError());
            Transaction t2(*mine);
            if (!t2.status())
                return t2.status();
            auto q = mine->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) VALUES ('r2', 'w2', 't1', '2026-03-02T13:30:00Z', '2026-03-02T14:30:00Z')"));
            if (!q)
                return q.error();
            return t2.commit();
        });
        QTest::qWait(300);
        QVERIFY(t1.commit().ok());
        const Status s2 = second.get();
        QVERIFY(!s2.ok());
        QCOMPARE(int(s2.error().kind), int(Error::Kind::DoubleBooking));
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM appointments")).value().toInt(), 1);
        Q_UNUSED(other);
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
