// The map tab driven like a dispatcher would: QTest mouse and keys on the real widget over
// a real database (both backends). A pin dragged onto a technician books the next
// feasible slot through the undo stack; clicks and a rubber band select; the keyboard
// zooms and pans; a lasso selects what is inside it; the board's filter hides technicians.
// Also renders the demo operation offscreen to fieldops-map.png.
#include "../map/MapFixtures.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
#include "TestDatabases.h"
#include "controllers/MapAssignController.h"
#include "controllers/MapTabController.h"
#include "demo/DemoSeeder.h"
#include "document/ScheduleDocument.h"
#include "map/MapLiveSync.h"
#include "map/MapModel.h"
#include "map/MapQueries.h"
#include "map/MapView.h"
#include "map/TileSource.h"
#include "map/TileStore.h"
#include "selection/SelectionService.h"
#include "selection/ViewFilterService.h"
#include "session/ConsoleSession.h"

#include <QLabel>
#include <QTimeZone>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::map;

class TestMapView : public QObject {
    Q_OBJECT

    // The database comes first so it outlives the session reading it.
    struct Console {
        std::unique_ptr<Database> db;
        QString url;
        QDateTime now;
        std::unique_ptr<ConsoleSession> session;
        std::unique_ptr<gui::MapTabController> tab;
        std::unique_ptr<QWidget> host;
        QString failure; // the setup step that went wrong
    };

    // The map world seeded on a fresh `backend` database, a session on it and the map tab
    // shown at 900×700, loaded. False with c.failure set when a step went wrong.
    static bool openConsole(const QString &backend, Console &c)
    {
        auto fail = [&c](const QString &why) {
            c.failure = why;
            return false;
        };
        c.db = test::freshDatabase(backend, true, &c.url);
        if (!c.db)
            return fail(test::lastError());
        c.now = test::mapTestNow();
        if (const Status seeded = test::seedMapWorld(*c.db, c.now); !seeded.ok())
            return fail(QStringLiteral("seeding the map world: ") + seeded.error().message + QLatin1Char(' ') + seeded.error().detail);
        c.session = std::make_unique<ConsoleSession>();
        c.session->setClockOverride(c.now);
        QSignalSpy refreshed(c.session.get(), &ConsoleSession::refreshed);
        c.tab = std::make_unique<gui::MapTabController>(c.session.get());
        c.tab->sync()->setClockOverride(c.now);
        c.tab->assigner()->setClockOverride(c.now);
        QSignalSpy loaded(c.tab->sync(), &MapLiveSync::loaded);
        c.session->connectTo(DatabaseUrl::parse(c.url).value());
        if (!refreshed.wait(20000))
            return fail(QStringLiteral("the session did not refresh within 20 s"));
        if (!QTest::qWaitFor([&loaded] { return loaded.count() == 1; }, 20000))
            return fail(QStringLiteral("the map loaded %1 times in 20 s, not once").arg(loaded.count()));
        c.host.reset(c.tab->widget());
        if (!test::showExposed(*c.host, QSize(900, 700)))
            return fail(QStringLiteral("the map tab was never exposed"));
        // Close enough that every pin stands alone (no cluster bubbles).
        c.tab->view()->setView(QGeoCoordinate(-23.565, -46.675), 13);
        return true;
    }

    static QPoint screenOf(widgets::MapView *v, double lat, double lon)
    {
        return v->screenPosOf(QGeoCoordinate(lat, lon)).toPoint();
    }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_map_view"));
        // Tests never reach the internet: no tile source, the graticule background.
        TileSource::none().toSettings();
    }

    void dragPinOntoTechnicianAssigns_data() { test::addBackendRows(); }
    void dragPinOntoTechnicianAssigns()
    {
        QFETCH(QString, backend);
        Console c;
        QVERIFY2(openConsole(backend, c), qPrintable(c.failure));
        Database *db = c.db.get();
        const QDateTime now = c.now;
        widgets::MapView *view = c.tab->view();
        QVERIFY(c.tab->model()->job(QStringLiteral("w2"))->job.unassigned);

        std::optional<SlotProposal> asked;
        c.tab->assigner()->setConfirm([&asked](const SlotProposal &p, const QString &text) {
            asked = p;
            return !text.isEmpty();
        });
        QSignalSpy assigned(c.tab->assigner(), &gui::MapAssignController::assigned);
        QSignalSpy problems(c.tab->assigner(), &gui::MapAssignController::problem);

        const QPoint pin = screenOf(view, -23.5670, -46.6930); // w2 at Pinheiros (unassigned)
        const QPoint tech = screenOf(view, -23.60, -46.70);     // Bruno (t2)
        QCOMPARE(view->hitTest(pin).kind, widgets::MapHit::Kind::Job);
        QCOMPARE(view->hitTest(tech).id, QStringLiteral("t2"));

        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, pin);
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(view, pin + (tech - pin) * i / 10);
        QCOMPARE(view->paintState().draggedJob, QStringLiteral("w2"));
        QCOMPARE(view->paintState().dropTechnician, QStringLiteral("t2"));
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, tech);
        // The slot is found on the session's worker, then booked.
        QTRY_COMPARE_WITH_TIMEOUT(assigned.count() + problems.count(), 1, 10000);
        QCOMPARE(problems.count(), 0);
        QCOMPARE(assigned.count(), 1);
        QVERIFY(asked.has_value());
        QCOMPARE(asked->technicianId, QStringLiteral("t2"));
        QVERIFY(asked->verdict.clean());
        QCOMPARE(asked->start, now); // t2 is free at once
        QVERIFY(view->paintState().draggedJob.isEmpty());

        // Written to the database, one step on the shared undo stack.
        {
            // Scoped: an open SQLite statement would pin this connection's read snapshot.
            auto row = db->run(QStringLiteral("SELECT technician_id, start_at FROM appointments WHERE work_order_id = 'w2' AND status = 'scheduled'"));
            QVERIFY(row.ok() && row->next());
            QCOMPARE(row->value(0).toString(), QStringLiteral("t2"));
            QCOMPARE(timefmt::fromSql(row->value(1)), now);
        }
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w2'")).value().toString(),
                 QStringLiteral("scheduled"));
        QUndoStack *stack = c.session->document()->undoStack();
        QCOMPARE(stack->count(), 1);
        // Through the editor's path: the console's version ledger knows the new visit.
        QString visit;
        {
            auto row = db->run(QStringLiteral("SELECT id FROM appointments WHERE work_order_id = 'w2' AND status = 'scheduled'"));
            QVERIFY(row.ok() && row->next());
            visit = row->value(0).toString();
        }
        QCOMPARE(c.session->document()->versions()->expected(visit, -1), 1);

        // The change feed brings it back to the map: the pin is no longer unassigned.
        c.tab->sync()->applyChanges({Change{0, QStringLiteral("work_orders"), QStringLiteral("w2"), QStringLiteral("update"), {}, {}}});
        QTRY_VERIFY_WITH_TIMEOUT(!c.tab->model()->job(QStringLiteral("w2"))->job.unassigned, 20000);

        // An assigned pin does not drag: the press pans the map instead.
        asked.reset();
        const QPoint pin2 = screenOf(view, -23.5670, -46.6930);
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, pin2);
        QTest::mouseMove(view, pin2 + QPoint(30, 0));
        QTest::mouseMove(view, pin2 + QPoint(60, 0));
        QVERIFY(view->paintState().draggedJob.isEmpty());
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, pin2 + QPoint(60, 0));
        QVERIFY(!asked.has_value());
        QCOMPARE((screenOf(view, -23.5670, -46.6930) - pin2).x(), 60);

        // Undo removes the visit and reopens the work order.
        QSignalSpy refused(c.session->document(), &ScheduleDocument::editRefused);
        stack->undo();
        QVERIFY2(refused.isEmpty(), refused.isEmpty() ? "" : qPrintable(refused.first().at(0).value<Error>().message + QLatin1Char(' ') + refused.first().at(0).value<Error>().detail));
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'w2'")).value().toInt(), 0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w2'")).value().toString(), QStringLiteral("open"));

        // Redo books it again; Maria moves it from another console; undoing now would
        // delete her visit: refused, in words naming her, and nothing is written.
        stack->redo();
        QVERIFY(refused.isEmpty());
        auto maria = Database::open(*DatabaseUrl::parse(c.url), QStringLiteral("maria"));
        QVERIFY(maria.ok());
        {
            Transaction tx(**maria);
            QVERIFY((*maria)->run(QStringLiteral("UPDATE appointments SET start_at = ?, end_at = ?, version = version + 1 WHERE id = ?"),
                                  {timefmt::toSql(now.addSecs(3600)), timefmt::toSql(now.addSecs(7200)), visit}).ok());
            QVERIFY(tx.commit().ok());
        }
        stack->undo();
        QCOMPARE(refused.count(), 1);
        const Error lost = refused.at(0).at(0).value<Error>();
        QCOMPARE(lost.kind, Error::Kind::StaleVersion);
        QVERIFY2(lost.message.contains(QLatin1String("maria")), qPrintable(lost.message));
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE id = ?"), {visit}).value().toInt(), 1);
    }

    void clickRubberBandAndKeys()
    {
        Console c;
        QVERIFY2(openConsole(QStringLiteral("sqlite"), c), qPrintable(c.failure));
        widgets::MapView *view = c.tab->view();
        SelectionService *selection = c.session->selection();

        // Click a pin: shared selection (board, queue, inspector follow).
        QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, screenOf(view, -23.5614, -46.6559));
        QCOMPARE(selection->workOrderId(), QStringLiteral("w1"));
        QCOMPARE(view->selectedJobs(), QStringList{QStringLiteral("w1")});
        // Selecting elsewhere shows on the map.
        selection->selectWorkOrder(QStringLiteral("w2"));
        QCOMPARE(view->selectedJobs(), QStringList{QStringLiteral("w2")});
        // A click on a technician selects them (their trail and route are drawn).
        QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, screenOf(view, -23.55, -46.64));
        QCOMPARE(view->selectedTechnician(), QStringLiteral("t1"));
        // Empty ground clears.
        QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, QPoint(880, 20));
        QVERIFY(view->selectedTechnician().isEmpty());
        QVERIFY(view->selectedJobs().isEmpty());

        // Shift+drag: a rubber band around both pins and nothing else.
        const QPoint a = screenOf(view, -23.5614, -46.6559), b = screenOf(view, -23.5670, -46.6930);
        const QPoint from(std::min(a.x(), b.x()) - 15, std::min(a.y(), b.y()) - 15);
        const QPoint to(std::max(a.x(), b.x()) + 15, std::max(a.y(), b.y()) + 15);
        QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(view, (from + to) / 2);
        QTest::mouseMove(view, to);
        QVERIFY(!view->paintState().rubberBand.isEmpty());
        QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier, to);
        QStringList sel = view->selectedJobs();
        sel.sort();
        QCOMPARE(sel, (QStringList{QStringLiteral("w1"), QStringLiteral("w2")}));
        QVERIFY(view->paintState().rubberBand.isEmpty());

        // Keys: + zooms a level, arrows pan, Home fits everything.
        const double z = view->viewport().zoom();
        QTest::keyClick(view, Qt::Key_Plus);
        QCOMPARE(view->viewport().zoom(), z + 1);
        QTest::keyClick(view, Qt::Key_Minus);
        QCOMPARE(view->viewport().zoom(), z);
        const QPointF before = view->screenPosOf(QGeoCoordinate(-23.5614, -46.6559));
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(view->screenPosOf(QGeoCoordinate(-23.5614, -46.6559)).x() < before.x() - 50);
        // Wheel zoom keeps the point under the cursor in place.
        const QPoint cursor(300, 250);
        const QGeoCoordinate under = view->viewport().screenToCoord(cursor);
        QWheelEvent wheel(QPointF(cursor), view->mapToGlobal(QPointF(cursor)), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &wheel);
        QCOMPARE(view->viewport().zoom(), z + 1);
        QVERIFY((view->screenPosOf(under) - QPointF(cursor)).manhattanLength() < 0.01);
        QTest::keyClick(view, Qt::Key_Home);
        const QRectF screen(QPointF(0, 0), QSizeF(view->size()));
        for (const auto &t : c.tab->model()->technicians())
            QVERIFY(screen.contains(view->viewport().worldToScreen(t.world)));
    }

    void lassoSelectsInsideThePolygon()
    {
        Console c;
        QVERIFY2(openConsole(QStringLiteral("sqlite"), c), qPrintable(c.failure));
        widgets::MapView *view = c.tab->view();
        SelectionService *selection = c.session->selection();
        const QPoint w1 = screenOf(view, -23.5614, -46.6559), w2 = screenOf(view, -23.5670, -46.6930);

        // Ctrl+drag draws a lasso: a triangle whose bounding box holds both pins but whose
        // inside holds only w1 (the polygon decides, not its box).
        auto lasso = [view](const QList<QPoint> &corners) {
            QTest::mousePress(view, Qt::LeftButton, Qt::ControlModifier, corners.first());
            for (int k = 1; k <= corners.size(); ++k) {
                const QPoint from = corners[k - 1], to = corners[k % corners.size()];
                for (int i = 1; i <= 8; ++i)
                    QTest::mouseMove(view, from + (to - from) * i / 8);
            }
            QVERIFY(view->paintState().lasso.size() > 3); // drawn while dragging
            QTest::mouseRelease(view, Qt::LeftButton, Qt::ControlModifier, corners.first());
        };
        const QList<QPoint> triangle{w2 + QPoint(-30, 30), w1 + QPoint(40, -40), w1 + QPoint(40, 40)};
        QVERIFY(QRect(QPoint(w2.x() - 30, w1.y() - 40), QPoint(w1.x() + 40, w2.y() + 30)).contains(w2));
        lasso(triangle);
        QVERIFY(view->paintState().lasso.isEmpty());
        QCOMPARE(view->selectedJobs(), QStringList{QStringLiteral("w1")});
        QCOMPARE(selection->workOrderId(), QStringLiteral("w1"));

        // A lasso around both pins selects both; the shared selection holds one of them.
        lasso({QPoint(w2.x() - 30, w1.y() - 40), QPoint(w1.x() + 30, w1.y() - 40), QPoint(w1.x() + 30, w2.y() + 30),
               QPoint(w2.x() - 30, w2.y() + 30)});
        QStringList both = view->selectedJobs();
        both.sort();
        QCOMPARE(both, (QStringList{QStringLiteral("w1"), QStringLiteral("w2")}));
        QVERIFY(both.contains(selection->workOrderId()));

        // A lasso over empty ground clears the selection everywhere.
        lasso({QPoint(20, 640), QPoint(120, 640), QPoint(70, 690)});
        QVERIFY(view->selectedJobs().isEmpty());
        QVERIFY(selection->workOrderId().isEmpty());
    }

    void sharedFilterHidesTechnicians()
    {
        Console c;
        QVERIFY2(openConsole(QStringLiteral("sqlite"), c), qPrintable(c.failure));
        widgets::MapView *view = c.tab->view();
        const QPoint ana = screenOf(view, -23.55, -46.64), bruno = screenOf(view, -23.60, -46.70);
        QCOMPARE(view->hitTest(ana).id, QStringLiteral("t1"));
        // The board's toolbar writes the shared filter; the map tab follows it.
        board::BoardFilter onlyBruno;
        onlyBruno.search = QStringLiteral("bruno");
        ViewFilterService::sharedWith(c.session->selection())->setFilter(onlyBruno);
        QCOMPARE(c.tab->model()->filter(), onlyBruno);
        // The tab says why Ana is missing.
        QLabel *note = c.host->findChild<QLabel *>(QStringLiteral("mapFilterNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("1 of 2")), qPrintable(note->text()));
        QVERIFY(view->hitTest(ana).kind != widgets::MapHit::Kind::Technician);
        QCOMPARE(view->hitTest(bruno).id, QStringLiteral("t2"));
        // Ana's job (w1) goes with her; the unassigned w2 stays.
        QCOMPARE(view->hitTest(screenOf(view, -23.5614, -46.6559)).kind, widgets::MapHit::Kind::None);
        QCOMPARE(view->hitTest(screenOf(view, -23.5670, -46.6930)).id, QStringLiteral("w2"));
        ViewFilterService::sharedWith(c.session->selection())->setFilter({});
        QCOMPARE(view->hitTest(ana).id, QStringLiteral("t1"));
        QVERIFY(!note->isVisible());
    }

    void demoScreenshot()
    {
        // The demo operation (a smaller crew than the real demo), on the plain background.
        const DemoOptions options{.technicians = 40, .days = 3, .futureDays = 2, .customers = 400, .today = QDate()};
        const test::DemoDatabase demo(options);
        QVERIFY2(demo.db, qPrintable(demo.error));
        const QDateTime now = QDateTime(demo.summary.today, options.nowLocal, QTimeZone("America/Sao_Paulo")).toUTC();
        const QDateTime dayStart = QDateTime(demo.summary.today, QTime(0, 0), QTimeZone("America/Sao_Paulo")).toUTC();
        auto snap = MapQueries(*demo.db).snapshot(now, dayStart, dayStart.addDays(1), dayStart.addDays(3));
        QVERIFY(snap.ok());
        MapModel model;
        model.reset(*snap, now);
        QVERIFY(model.technicians().size() == 40);
        QVERIFY(model.technicianIndex().size() > 0);
        QVERIFY(model.jobIndex().size() > 0);

        TileStore tiles;
        widgets::MapView view(&model, &tiles);
        view.setAttribution(TileSource::none().attributionText());
        view.resize(1400, 900);
        view.fitAll();
        // Select a busy technician so the picture shows a trail and a route.
        QString busiest;
        qsizetype stops = 0;
        for (const auto &t : model.technicians())
            if (t.route.size() > stops && t.hasFix) {
                stops = t.route.size();
                busiest = t.id;
            }
        view.selectTechnician(busiest);
        const QImage overview = view.renderToImage();
        QVERIFY(overview.save(fieldops::test::screenshotPath(QStringLiteral("fieldops-map.png"))));
        // Zoomed on that technician: names, headings and the numbered route.
        view.setView(QGeoCoordinate(model.technician(busiest)->lat, model.technician(busiest)->lon), 13.5);
        const QImage close = view.renderToImage();
        QVERIFY(close.save(fieldops::test::screenshotPath(QStringLiteral("fieldops-map-zoomed.png"))));
        // Not a blank picture: markers in state colours are present.
        int coloured = 0;
        for (int y = 0; y < overview.height(); y += 3)
            for (int x = 0; x < overview.width(); x += 3) {
                const QColor px = overview.pixelColor(x, y);
                coloured += px.saturation() > 120 ? 1 : 0;
            }
        QVERIFY2(coloured > 200, qPrintable(QString::number(coloured)));
    }
};

QTEST_MAIN(TestMapView)
#include "tst_map_view.moc"
