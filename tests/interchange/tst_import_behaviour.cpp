// How an import behaves beyond single-row rules, on both backends: re-importing updates in
// place (never duplicates), id-less files are replaced per owner, skills join rows follow
// the skills column, unknown columns only warn, empty cells take defaults, appointments can
// be shifted in place, and cancel or a double booking refused by the database itself leave
// the database untouched.
#include "InterchangeFixture.h"
#include "TestDatabases.h"
#include "interchange/Importer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {
int count(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? v->toInt() : -1;
}

QString text(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? v->toString() : QStringLiteral("<error>");
}
} // namespace

class TestImportBehaviour : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_dirs = 0;

    QString dirWith(const QMap<QString, QString> &files)
    {
        const QString path = m_tmp.filePath(QStringLiteral("d%1").arg(m_dirs++));
        return test::writeDirectory(path, files) ? path : QString();
    }

    static bool importSample(Database &db, const QString &dir)
    {
        const auto r = interchange::Importer(db).importDirectory(dir);
        if (!r.ok())
            qWarning("%s", qPrintable(r.summary()));
        return r.ok();
    }

private slots:
    void importingTwiceUpdatesInPlace_data() { test::addBackendRows(); }
    void importingTwiceUpdatesInPlace()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString dir = dirWith(test::sampleDirectory());
        auto run = test::runCli(url, {QStringLiteral("import"), dir});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QMap<QString, int> first, second;
        const QString dump1 = test::domainDump(*db, &first);
        run = test::runCli(url, {QStringLiteral("import"), dir});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString dump2 = test::domainDump(*db, &second);
        QCOMPARE(second, first);
        QCOMPARE(dump2, dump1); // same facts, not only the same counts
        QCOMPARE(first.value(QStringLiteral("absences")), 2);
        QCOMPARE(first.value(QStringLiteral("ratings")), 2);
        // Upserted rows were updated, so their version moved on.
        QCOMPARE(count(*db, QStringLiteral("SELECT version FROM technicians WHERE id = 't1'")), 2);
        QCOMPARE(count(*db, QStringLiteral("SELECT version FROM appointments WHERE id = 'a1'")), 2);
    }

    void filesWithoutIdAreReplacedPerOwner_data() { test::addBackendRows(); }
    void filesWithoutIdAreReplacedPerOwner()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(importSample(*db, dirWith(test::sampleDirectory())));
        const QString dir = dirWith({
            {QStringLiteral("absences.csv"), QStringLiteral("technician_id,start,end,reason\n"
                                                            "t1,2026-04-01T00:00:00Z,2026-04-02T00:00:00Z,training\n"
                                                            "t1,2026-04-05T00:00:00Z,2026-04-06T00:00:00Z,doctor\n")},
            {QStringLiteral("ratings.csv"), QStringLiteral("work_order_id,score\nw3,4\n")},
            {QStringLiteral("stock.csv"), QStringLiteral("sku,location,quantity\np-cap,van:t2,1\n")},
            {QStringLiteral("positions.csv"), QStringLiteral("technician_id,at,lat,lon\nt2,2026-03-02T13:00:00Z,-23.61,-46.71\n")},
            {QStringLiteral("time_entries.csv"), QStringLiteral("technician_id,work_order_id,start,end\n"
                                                                "t2,w3,2026-03-02T14:00:00Z,2026-03-02T15:00:00Z\n")},
        });
        QVERIFY(importSample(*db, dir));
        // t1's absences replaced, t2's untouched.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't1'")), 2);
        QCOMPARE(text(*db, QStringLiteral("SELECT reason FROM absences WHERE technician_id = 't1' ORDER BY start_at")), QStringLiteral("training"));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'")), 1);
        // w3's ratings replaced by one, w1's kept.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM ratings WHERE work_order_id = 'w3'")), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT score FROM ratings WHERE work_order_id = 'w3'")), 4);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM ratings WHERE work_order_id = 'w1'")), 1);
        // Stock of p-cap replaced (both old locations gone), p-filter kept.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM stock WHERE sku = 'p-cap'")), 1);
        QCOMPARE(text(*db, QStringLiteral("SELECT location FROM stock WHERE sku = 'p-cap'")), QStringLiteral("van:t2"));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM stock WHERE sku = 'p-filter'")), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM positions")), 2);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM positions WHERE technician_id = 't2'")), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM time_entries WHERE technician_id = 't2'")), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM time_entries WHERE technician_id = 't1'")), 1);
    }

    void skillsFollowTheSkillsColumn_data() { test::addBackendRows(); }
    void skillsFollowTheSkillsColumn()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(importSample(*db, dirWith(test::sampleDirectory())));
        // Without a skills column the technician's skills stay as they were.
        QVERIFY(importSample(*db, dirWith({{QStringLiteral("technicians.csv"),
                                            QStringLiteral("id,name,home_lat,home_lon\nt1,Ana S.,-23.5,-46.6\n")}})));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't1'")), 2);
        QCOMPARE(text(*db, QStringLiteral("SELECT name FROM technicians WHERE id = 't1'")), QStringLiteral("Ana S."));
        // With it they are replaced; an empty cell clears them.
        QVERIFY(importSample(*db, dirWith({{QStringLiteral("technicians.csv"),
                                            QStringLiteral("id,name,home_lat,home_lon,skills\nt1,Ana,-23.5,-46.6,plumb\nt2,Zé,-23.6,-46.7,\n")}})));
        QCOMPARE(text(*db, QStringLiteral("SELECT skill_code FROM technician_skills WHERE technician_id = 't1'")), QStringLiteral("plumb"));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't1'")), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't2'")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM work_order_skills WHERE work_order_id = 'w1'")), 2);
    }

    void unknownColumnWarnsAndImports_data() { test::addBackendRows(); }
    void unknownColumnWarnsAndImports()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString dir = dirWith({{QStringLiteral("skills.csv"), QStringLiteral("code,colour,name\nhvac,blue,HVAC\n")},
                                     {QStringLiteral("notes.csv"), QStringLiteral("x\n1\n")}});
        const auto run = test::runCli(url, {QStringLiteral("import"), dir});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QLatin1String("warning: skills.csv: column \"colour\" is unknown and was ignored")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("warning: notes.csv:")), qPrintable(run.err));
        QCOMPARE(text(*db, QStringLiteral("SELECT name FROM skills WHERE code = 'hvac'")), QStringLiteral("HVAC"));
    }

    void emptyCellsAndAbsentColumnsTakeDefaults_data() { test::addBackendRows(); }
    void emptyCellsAndAbsentColumnsTakeDefaults()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString dir = dirWith({
            {QStringLiteral("technicians.csv"), QStringLiteral("id,name,home_lat,home_lon,time_zone,employment\n"
                                                               "t1,A,0,0,,\nt2,B,0,0,Europe/Lisbon,part_time\n")},
            {QStringLiteral("customers.csv"), QStringLiteral("id,name\nc1,C\n")},
            {QStringLiteral("sites.csv"), QStringLiteral("id,customer_id,lat,lon\ns1,c1,0,0\n")},
            {QStringLiteral("work_orders.csv"), QStringLiteral("id,site_id,duration_min,created_at,priority\n"
                                                               "w1,s1,30,2026-03-01T00:00:00Z,\n")},
        });
        const auto run = test::runCli(url, {QStringLiteral("import"), dir, QStringLiteral("--default-time-zone"), QStringLiteral("America/Sao_Paulo")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(text(*db, QStringLiteral("SELECT time_zone FROM technicians WHERE id = 't1'")), QStringLiteral("America/Sao_Paulo"));
        QCOMPARE(text(*db, QStringLiteral("SELECT time_zone FROM technicians WHERE id = 't2'")), QStringLiteral("Europe/Lisbon"));
        QCOMPARE(text(*db, QStringLiteral("SELECT time_zone FROM sites WHERE id = 's1'")), QStringLiteral("America/Sao_Paulo"));
        QCOMPARE(text(*db, QStringLiteral("SELECT employment FROM technicians WHERE id = 't1'")), QStringLiteral("employee"));
        QCOMPARE(text(*db, QStringLiteral("SELECT shift_start FROM technicians WHERE id = 't1'")), QStringLiteral("08:00"));
        QCOMPARE(text(*db, QStringLiteral("SELECT work_days FROM technicians WHERE id = 't1'")), QStringLiteral("Mon;Tue;Wed;Thu;Fri"));
        QCOMPARE(count(*db, QStringLiteral("SELECT priority FROM work_orders WHERE id = 'w1'")), 3);
        QCOMPARE(text(*db, QStringLiteral("SELECT type FROM work_orders WHERE id = 'w1'")), QStringLiteral("corrective"));
        QCOMPARE(text(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")), QStringLiteral("open"));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE sla_due IS NULL AND asset_id IS NULL")), 1);

        const auto bad = test::runCli(url, {QStringLiteral("import"), dir, QStringLiteral("--default-time-zone"), QStringLiteral("Nowhere/Land")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QLatin1String("Nowhere/Land")));
    }

    void appointmentsShiftInPlace_data() { test::addBackendRows(); }
    void appointmentsShiftInPlace()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(importSample(*db, dirWith(test::sampleDirectory())));
        // A new visit takes a1's slot (listed first), a1 moves later, and t2's a2 is
        // cancelled while a4 takes its slot: each intermediate state would double-book.
        const QString dir = dirWith({{QStringLiteral("appointments.csv"), QStringLiteral(
            "id,work_order_id,technician_id,start,end,status\n"
            "a8,w2,t1,2026-03-02T12:00:00Z,2026-03-02T13:00:00Z,scheduled\n"
            "a4,w3,t2,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,scheduled\n"
            "a1,w1,t1,2026-03-02T14:00:00Z,2026-03-02T15:30:00Z,completed\n"
            "a2,w3,t2,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,cancelled\n")}});
        const auto r = interchange::Importer(*db).importDirectory(dir);
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM appointments WHERE status <> 'cancelled'")), 3);
        QCOMPARE(text(*db, QStringLiteral("SELECT status FROM appointments WHERE id = 'a2'")), QStringLiteral("cancelled"));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM appointments WHERE id = 'a1' AND technician_id = 't1'")), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT version FROM appointments WHERE id = 'a1'")), 2);
    }

    void cancelLeavesTheDatabaseUnchanged_data() { test::addBackendRows(); }
    void cancelLeavesTheDatabaseUnchanged()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*db);
        int writes = 0;
        QList<int> percents;
        const auto r = interchange::Importer(*db).importDirectory(dirWith(test::sampleDirectory()),
                                                                   [&](int percent, const QString &stage) {
                                                                       percents << percent;
                                                                       // Cancel in the middle of writing.
                                                                       return !(stage == QLatin1String("writing") && ++writes > 5);
                                                                   });
        QVERIFY(!r.ok());
        QCOMPARE(int(r.failure->kind), int(Error::Kind::Cancelled));
        QVERIFY(writes > 5);
        QVERIFY(std::is_sorted(percents.begin(), percents.end()));
        QCOMPARE(test::dumpDatabase(*db), before);
    }

    void doubleBookingRefusedByTheDatabase_data() { test::addBackendRows(); }
    void doubleBookingRefusedByTheDatabase()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(importSample(*db, dirWith(test::sampleDirectory())));
        auto other = test::openUrl(url);
        QVERIFY(other);
        const QString dir = dirWith({{QStringLiteral("appointments.csv"), QStringLiteral(
            "id,work_order_id,technician_id,start,end\n"
            "a9,w2,t3,2026-03-05T09:00:00Z,2026-03-05T10:00:00Z\n")}});
        QString before;
        // Another console books t3 between our checks and our write: the database is the
        // last word, and says no.
        bool raced = false;
        const auto r = interchange::Importer(*db).importDirectory(dir, [&](int, const QString &stage) {
            if (stage == QLatin1String("writing") && !raced) {
                raced = true;
                Transaction tx(*other);
                if (!tx.status())
                    return false;
                auto q = other->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) "
                                                   "VALUES ('rival', 'w2', 't3', '2026-03-05T09:30:00Z', '2026-03-05T10:30:00Z')"));
                if (!q || !tx.commit())
                    return false;
                before = test::dumpDatabase(*other);
            }
            return true;
        });
        QVERIFY(raced);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.failure->kind), int(Error::Kind::DoubleBooking));
        QVERIFY2(r.failure->message.startsWith(QLatin1String("appointments.csv: ")), qPrintable(r.failure->message));
        QVERIFY(r.failure->message.contains(QLatin1String("double booking")));
        QCOMPARE(test::dumpDatabase(*db), before);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM appointments WHERE id = 'a9'")), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportBehaviour)
#include "tst_import_behaviour.moc"
