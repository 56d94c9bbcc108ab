// A lost race in words, on both backends: two independent consoles (connections) on one
// database; B edits, A's write from the version it saw is refused, and the message names
// B and what B did, with times in the console's zone (São Paulo here, UTC−3).
#include "AuditFixture.h"
#include "TestDatabases.h"
#include "audit/LostRaceExplainer.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "repositories/AppointmentWriter.h"
#include "repositories/WorkOrderRepository.h"
#include "util/TimeFormat.h"

#include <QtTest>

using namespace fieldops;

namespace {
QDateTime utc(const char *iso) { return timefmt::parseIsoWithOffset(QString::fromLatin1(iso)); }
}

class TestLostRace : public QObject {
    Q_OBJECT

    struct Consoles {
        QString url;
        std::unique_ptr<Database> a; // the one that loses
        std::unique_ptr<Database> b; // Ana's
        std::unique_ptr<Database> c; // Caio's
        bool open(const QString &backend)
        {
            auto seed = test::freshDatabase(backend, true, &url);
            if (!seed || !test::seedAuditSchedule(*seed).ok())
                return false;
            a = test::openAs(url, QStringLiteral("Bia"));
            b = test::openAs(url, QStringLiteral("Ana"));
            c = test::openAs(url, QStringLiteral("Caio"));
            return a && b && c;
        }
    };

    template <typename F>
    static bool inTx(Database &db, F f)
    {
        Transaction tx(db);
        if (!tx.status() || !f())
            return false;
        return tx.commit().ok();
    }

    // A's move from version 1, refused: the message.
    static Error staleMove(Database &a)
    {
        Transaction tx(a);
        auto r = AppointmentWriter(a).setInterval(QStringLiteral("a1"), 1, QStringLiteral("t1"),
                                                  utc("2026-03-02T12:00:00Z"), utc("2026-03-02T13:00:00Z"));
        return r ? Error{} : r.error();
    }

private slots:
    void moveNamesWhoAndTheNewTime_data() { test::addBackendRows(); }
    void moveNamesWhoAndTheNewTime()
    {
        QFETCH(QString, backend);
        Consoles k;
        QVERIFY2(k.open(backend), qPrintable(test::lastError()));
        QVERIFY(inTx(*k.b, [&] {
            return AppointmentWriter(*k.b).setInterval(QStringLiteral("a1"), 1, QStringLiteral("t1"),
                                                       utc("2026-03-02T17:00:00Z"), utc("2026-03-02T18:00:00Z")).ok();
        }));
        const Error e = staleMove(*k.a);
        QCOMPARE(e.kind, Error::Kind::StaleVersion);
        QCOMPARE(e.message, QStringLiteral("Ana moved this visit to 14:00 while you were editing"));
        // Nothing of A's was written: the row is Ana's.
        auto start = k.a->scalar(QStringLiteral("SELECT start_at FROM appointments WHERE id = 'a1'"));
        QCOMPARE(timefmt::fromSql(*start), utc("2026-03-02T17:00:00Z"));
    }

    void reassignNamesTheTechnician_data() { test::addBackendRows(); }
    void reassignNamesTheTechnician()
    {
        QFETCH(QString, backend);
        Consoles k;
        QVERIFY2(k.open(backend), qPrintable(test::lastError()));
        QVERIFY(inTx(*k.b, [&] {
            return AppointmentWriter(*k.b).setInterval(QStringLiteral("a1"), 1, QStringLiteral("t2"),
                                                       utc("2026-03-02T09:00:00Z"), utc("2026-03-02T10:00:00Z")).ok();
        }));
        QCOMPARE(staleMove(*k.a).message, QStringLiteral("Ana reassigned this visit to Otto while you were editing"));
        QVERIFY(inTx(*k.b, [&] {
            return AppointmentWriter(*k.b).setInterval(QStringLiteral("a1"), 2, QStringLiteral("t1"),
                                                       utc("2026-03-03T11:30:00Z"), utc("2026-03-03T12:30:00Z")).ok();
        }));
        // Another day: the date is part of the time. Both of Ana's edits since version 1.
        QCOMPARE(staleMove(*k.a).message, QStringLiteral("Ana moved this visit to 3 Mar 08:30 while you were editing"));
    }

    void statusChangeNamesTheStatus_data() { test::addBackendRows(); }
    void statusChangeNamesTheStatus()
    {
        QFETCH(QString, backend);
        Consoles k;
        QVERIFY2(k.open(backend), qPrintable(test::lastError()));
        QVERIFY(inTx(*k.b, [&] { return AppointmentWriter(*k.b).setStatus(QStringLiteral("a1"), 1, QStringLiteral("on_site")).ok(); }));
        Transaction tx(*k.a);
        auto r = AppointmentWriter(*k.a).setLocked(QStringLiteral("a1"), 1, true);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::StaleVersion);
        QCOMPARE(r.error().message, QStringLiteral("Ana changed the status of this visit to on site while you were editing"));
        QVERIFY(r.error().detail.contains(QStringLiteral("changed by someone else")));
    }

    void unassignAndDeleteAreNamed_data() { test::addBackendRows(); }
    void unassignAndDeleteAreNamed()
    {
        QFETCH(QString, backend);
        Consoles k;
        QVERIFY2(k.open(backend), qPrintable(test::lastError()));
        QVERIFY(inTx(*k.b, [&] { return AppointmentWriter(*k.b).setStatus(QStringLiteral("a1"), 1, QStringLiteral("cancelled")).ok(); }));
        QCOMPARE(staleMove(*k.a).message, QStringLiteral("Ana unassigned this visit while you were editing"));
        QVERIFY(inTx(*k.c, [&] { return AppointmentWriter(*k.c).remove(QStringLiteral("a1"), 2).ok(); }));
        const Error gone = staleMove(*k.a);
        QCOMPARE(gone.kind, Error::Kind::NotFound);
        QCOMPARE(gone.message, QStringLiteral("Caio deleted this visit while you were editing"));
        // An undo of A's (remove from the version A saw) names the deletion too.
        Transaction tx(*k.a);
        Status s = AppointmentWriter(*k.a).remove(QStringLiteral("a1"), 1);
        QCOMPARE(s.error().message, QStringLiteral("Caio deleted this visit while you were editing"));
    }

    // The same user in a second window (another connection, same actor) is "you".
    void ownOtherWindowIsYou_data() { test::addBackendRows(); }
    void ownOtherWindowIsYou()
    {
        QFETCH(QString, backend);
        Consoles k;
        QVERIFY2(k.open(backend), qPrintable(test::lastError()));
        auto other = test::openAs(k.url, QStringLiteral("Bia")); // Bia's second window
        QVERIFY(other);
        QVERIFY(inTx(*other, [&] {
            return AppointmentWriter(*other).setInterval(QStringLiteral("a1"), 1, QStringLiteral("t1"),
                                                         utc("2026-03-02T17:00:00Z"), utc("2026-03-02T18:00:00Z")).ok();
        }));
        QCOMPARE(staleMove(*k.a).message, QStringLiteral("You (in another window) moved this visit to 14:00 while you were editing"));
        // With someone else as well, the other person comes first and "you" is not capitalised.
        QVERIFY(inTx(*k.b, [&] { return AppointmentWriter(*k.b).setLocked(QStringLiteral("a1"), 2, true).ok(); }));
        QVERIFY(inTx(*other, [&] { return AppointmentWriter(*other).setLocked(QStringLiteral("a1"), 3, false).ok(); }));
        Transaction tx(*k.a);
        auto r = AppointmentWriter(*k.a).setStatus(QStringLiteral("a1"), 2, QStringLiteral("en_route"));
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(QStringLiteral("Ana and you (in another window) ")), qPrintable(r.error().message));
    }

    void twoPeopleBothNamed_data() { test::addBackendRows(); }
    void twoPeopleBothNamed()
    {
        QFETCH(QString, backend);
        Consoles k;
        QVERIFY2(k.open(backend), qPrintable(test::lastError()));
        QVERIFY(inTx(*k.b, [&] {
            return AppointmentWriter(*k.b).setInterval(QStringLiteral("a1"), 1, QStringLiteral("t1"),
                                                       utc("2026-03-02T13:00:00Z"), utc("2026-03-02T14:00:00Z")).ok();
        }));
        QVERIFY(inTx(*k.c, [&] { return AppointmentWriter(*k.c).setLocked(QStringLiteral("a1"), 2, true).ok(); }));
        QCOMPARE(staleMove(*k.a).message,
                 QStringLiteral("Ana and Caio moved this visit to 10:00 and locked this visit while you were editing"));
        // A console that saw version 2 only lost to Caio.
        Transaction tx(*k.a);
        auto r = AppointmentWriter(*k.a).setStatus(QStringLiteral("a1"), 2, QStringLiteral("en_route"));
        QCOMPARE(r.error().message, QStringLiteral("Caio locked this visit while you were editing"));
    }

    void workOrderStatusRace_data() { test::addBackendRows(); }
    void workOrderStatusRace()
    {
        QFETCH(QString, backend);
        Consoles k;
        QVERIFY2(k.open(backend), qPrintable(test::lastError()));
        QVERIFY(WorkOrderRepository(*k.b).updateStatus(QStringLiteral("w1"), 1, QStringLiteral("cancelled")).ok());
        auto r = WorkOrderRepository(*k.a).updateStatus(QStringLiteral("w1"), 1, QStringLiteral("scheduled"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::StaleVersion);
        QCOMPARE(r.error().message, QStringLiteral("Ana changed the status of this work order to %1 while you were editing")
                                        .arg(WorkOrderTableModel::statusText(QStringLiteral("cancelled"))));
    }

    // Any versioned table reads the same way (the KPI targets' writer can use it as is).
    void otherTablesNameTheFields()
    {
        AuditEntry e;
        e.actor = QStringLiteral("Maria");
        e.entity = QStringLiteral("kpi_targets");
        e.entityId = QStringLiteral("7");
        e.op = QStringLiteral("update");
        e.oldValues = QJsonObject{{QStringLiteral("target"), 0.8}, {QStringLiteral("amber_threshold"), 0.7},
                                  {QStringLiteral("version"), 1}, {QStringLiteral("updated_by"), QStringLiteral("x")}};
        e.newValues = QJsonObject{{QStringLiteral("target"), 0.9}, {QStringLiteral("amber_threshold"), 0.7},
                                  {QStringLiteral("version"), 2}, {QStringLiteral("updated_by"), QStringLiteral("Maria")}};
        QCOMPARE(LostRaceExplainer::describe(QStringLiteral("kpi_targets"), {e}, {}, QTimeZone::utc()),
                 QStringLiteral("Maria changed the target of this KPI target while you were editing"));
        e.op = QStringLiteral("delete");
        QCOMPARE(LostRaceExplainer::describe(QStringLiteral("kpi_targets"), {e}, {}, QTimeZone::utc()),
                 QStringLiteral("Maria deleted this KPI target while you were editing"));
        QCOMPARE(LostRaceExplainer::describe(QStringLiteral("kpi_targets"), {}, {}, QTimeZone::utc()), QString());
    }
};

int main(int argc, char **argv)
{
    // The console's zone for the expected clock times; set before Qt reads it.
    qputenv("TZ", "America/Sao_Paulo");
    QCoreApplication app(argc, argv);
    TestLostRace t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_lost_race.moc"
