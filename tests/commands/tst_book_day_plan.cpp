// Accepting an "Optimize day" proposal on both backends, through BoardEditor as the console
// does: the board fixture's Monday planned for real (DayPlanLoader + planDay), then booked as
// one undo step, checked in the undo stack, the database and the board's model; a change to
// the schedule after the read refuses it whole, a change elsewhere does not; an undo that
// lost a race to another planner is dropped and says why.
#include "../board/BoardFixture.h"
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"
#include "dayplan/DayPlanLoader.h"
#include "dayplan/DayPlanner.h"
#include "document/ScheduleDocument.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace fieldops;

namespace {
struct Harness {
    std::unique_ptr<Database> db;
    QString url;
    ScheduleDocument document;
    board::BoardModel model;
    std::unique_ptr<BoardEditor> editor;
    dayplan::DayPlanInput input;
    dayplan::DayPlan plan;

    bool open(const QString &backend)
    {
        db = test::freshDatabase(backend, true, &url);
        if (!db || !test::seedBoard(*db).ok())
            return false;
        if (!model.load(*db, test::boardFrom(), test::boardTo()).ok())
            return false;
        editor = std::make_unique<BoardEditor>(db.get(), &document, &model);
        auto read = dayplan::DayPlanLoader(*db).load(QDate(2026, 3, 2), QString());
        if (!read)
            return false;
        input = *read;
        dayplan::DayPlanOptions options;
        options.timeLimitSeconds = 0.2;
        plan = dayplan::planDay(input, options);
        return plan.visits.size() == 2; // w3 and w4 fit the fixture's Monday
    }
    Result<QStringList> book() { return editor->bookDayPlan(input.date, plan.visits, input.changeSeq); }
    int activeVisits()
    {
        auto n = db->scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id IN ('w3', 'w4')"));
        return n ? n->toInt() : -1;
    }
    QUndoStack *stack() { return document.undoStack(); }
};
} // namespace

class TestBookDayPlan : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void booksEveryVisitAsOneStep_data() { test::addBackendRows(); }
    void booksEveryVisitAsOneStep()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        auto ids = h.book();
        QVERIFY2(ids.ok(), qPrintable(ids.ok() ? QString() : ids.error().message));
        QCOMPARE(ids->size(), 2);
        QCOMPARE(h.stack()->count(), 1);
        // The English plural needs the translations, which this test does not install.
        QVERIFY(h.stack()->undoText().startsWith(QStringLiteral("Optimize Mon 2 Mar: 2 visit")));
        for (int i = 0; i < 2; ++i) {
            const dayplan::PlannedVisit &v = h.plan.visits[size_t(i)];
            const test::StoredAppointment s = test::stored(*h.db, ids->at(i));
            QVERIFY(s.exists);
            QCOMPARE(s.technician, v.technicianId);
            QCOMPARE(s.start, timefmt::toIsoUtc(v.start));
            QCOMPARE(s.end, timefmt::toIsoUtc(v.end));
            QCOMPARE(s.version, 1);
            QCOMPARE(s.status, QStringLiteral("scheduled"));
            QCOMPARE(test::workOrderStatus(*h.db, v.workOrderId), QStringLiteral("scheduled"));
            QVERIFY(h.model.item(ids->at(i))); // the board picked the new rows up
        }

        h.stack()->undo();
        QCOMPARE(h.activeVisits(), 0);
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w3")), QStringLiteral("open"));
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w4")), QStringLiteral("open"));
        for (const QString &id : *ids)
            QVERIFY(h.model.item(id) == nullptr || h.model.item(id)->isRemoved());

        // Redo after undo: the schedule changed (by this very step), yet it books again.
        h.stack()->redo();
        QCOMPARE(h.stack()->count(), 1);
        QCOMPARE(h.activeVisits(), 2);
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w3")), QStringLiteral("scheduled"));
    }

    void aScheduleChangeSinceTheReadRefusesIt_data() { test::addBackendRows(); }
    void aScheduleChangeSinceTheReadRefusesIt()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        auto other = test::openUrl(h.url);
        QVERIFY(other);
        QVERIFY(test::touchAppointment(*other, QStringLiteral("a2")).ok());
        const QString before = test::dumpDatabase(*h.db);
        auto ids = h.book();
        QVERIFY(!ids.ok());
        QCOMPARE(ids.error().kind, Error::Kind::StaleVersion);
        QVERIFY(ids.error().message.contains(QStringLiteral("changed since this day was optimized")));
        QCOMPARE(h.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*h.db), before); // nothing written
    }

    void aChangeElsewhereDoesNot_data() { test::addBackendRows(); }
    void aChangeElsewhereDoesNot()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        auto other = test::openUrl(h.url);
        QVERIFY(other);
        QVERIFY(other->run(QStringLiteral("UPDATE customers SET name = 'Acme Ltd' WHERE id = 'c1'")).ok());
        QVERIFY(h.book().ok());
        QCOMPARE(h.activeVisits(), 2);
    }

    void anUndoThatLostARaceIsDroppedAndSaysWhy_data() { test::addBackendRows(); }
    void anUndoThatLostARaceIsDroppedAndSaysWhy()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        auto ids = h.book();
        QVERIFY(ids.ok());
        auto other = test::openUrl(h.url);
        QVERIFY(test::touchAppointment(*other, ids->at(0)).ok());
        QSignalSpy refused(&h.document, &ScheduleDocument::editRefused);
        h.stack()->undo();
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.at(0).at(0).value<Error>().message.contains(QStringLiteral("while you were editing")));
        QCOMPARE(h.stack()->count(), 0);
        QCOMPARE(h.activeVisits(), 2); // all or nothing: the other visit stays too
    }
};

QTEST_GUILESS_MAIN(TestBookDayPlan)
#include "tst_book_day_plan.moc"
