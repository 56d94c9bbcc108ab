// The board in "each technician's own zone" (README, "Time zone"), over a real SQLite file:
// Sofia works in São Paulo (UTC−3), Luís in Lisbon (UTC+1 in July). Shown per technician,
// their 08:00 shifts and their 09:00 visits line up under the same column and each row has
// its own "now"; a drop from the queue, a mouse drag between rows, Alt+arrows and Enter on the
// focus cell write the UTC instant of the TARGET row's local time (worked out by hand below);
// switching back to one zone restores the old placement; the conflicts list reads each
// technician's zone; the choice is stored and followed by the window, the KPIs keeping this
// computer's zone. The wall-clock axis stays right across a DST change.
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "TestDatabases.h"
#include "board/BoardClocks.h"
#include "board/BoardMime.h"
#include "board/BoardModel.h"
#include "board/ConflictListModel.h"
#include "board/SchedulePage.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "conflicts/ConflictsPanel.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/ItemRoles.h"
#include "scheduling/Violation.h"
#include "selection/SelectionService.h"
#include "settings/ConsoleSettings.h"
#include "settings/DisplayPage.h"
#include "settings/DisplayZone.h"
#include "util/TimeFormat.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;
using widgets::ScheduleBoard;
using widgets::SchedulePage;

namespace {

QDateTime utcAt(const char *iso) { return timefmt::parseIsoWithOffset(QString::fromLatin1(iso)); }
qint64 ms(const char *iso) { return utcAt(iso).toMSecsSinceEpoch(); }

// Monday 6 July 2026: São Paulo is UTC−3, Lisbon UTC+1 (summer time), four hours apart.
//   sp Sofia (America/Sao_Paulo)  asp  09:00–10:00 local = 12:00–13:00Z
//   lx Luís  (Europe/Lisbon)      alx  09:00–10:00 local = 08:00–09:00Z
//   w3, w4, w5 open, 60 min each.
const QStringList kSeed{
    QStringLiteral("INSERT INTO territories(id, name) VALUES ('west', 'West')"),
    QStringLiteral("INSERT INTO technicians(id, name, employment, territory_id, home_lat, home_lon, time_zone, shift_start, "
                   "shift_end, work_days) VALUES "
                   "('sp', 'Sofia', 'employee', 'west', -23.55, -46.63, 'America/Sao_Paulo', '08:00', '17:00', "
                   "'Mon;Tue;Wed;Thu;Fri;Sat;Sun'),"
                   "('lx', 'Luís', 'employee', 'west', 38.72, -9.14, 'Europe/Lisbon', '08:00', '17:00', "
                   "'Mon;Tue;Wed;Thu;Fri;Sat;Sun')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Paulista', -23.56, -46.65), "
                   "('s2', 'c1', 'Baixa', 38.71, -9.14)"),
    QStringLiteral("INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, status, summary) VALUES "
                   "('w1', 's1', 3, 60, '2026-07-01T08:00:00Z', 'scheduled', 'Chiller'),"
                   "('w2', 's2', 3, 60, '2026-07-01T08:00:00Z', 'scheduled', 'Pump'),"
                   "('w3', 's1', 3, 60, '2026-07-02T08:00:00Z', 'open', 'Leak'),"
                   "('w4', 's2', 3, 60, '2026-07-02T08:00:00Z', 'open', 'Noise'),"
                   "('w5', 's1', 3, 60, '2026-07-02T08:00:00Z', 'open', 'Filter')"),
    QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                   "('asp', 'w1', 'sp', '2026-07-06T12:00:00Z', '2026-07-06T13:00:00Z', 'scheduled'),"
                   "('alx', 'w2', 'lx', '2026-07-06T08:00:00Z', '2026-07-06T09:00:00Z', 'scheduled')"),
};

struct Stored {
    QString technician, start, end;
};

Stored storedOf(Database &db, const QString &column, const QString &id)
{
    Stored s;
    auto q = db.run(QStringLiteral("SELECT technician_id, start_at, end_at FROM appointments WHERE %1 = ? AND status <> 'cancelled'")
                        .arg(column),
                    {id});
    if (q && q->next()) {
        s.technician = q->value(0).toString();
        s.start = timefmt::toIsoUtc(timefmt::fromSql(q->value(1)));
        s.end = timefmt::toIsoUtc(timefmt::fromSql(q->value(2)));
    }
    return s;
}

bool isShiftWhite(const QColor &c) { return c == QColor(Qt::white); }
bool isNowRed(const QColor &c) { return c == QColor(0xd3, 0x2f, 0x2f); }

struct ZonesBoard {
    std::unique_ptr<Database> db;
    QString url;
    ScheduleDocument document;
    board::BoardModel model;
    SelectionService selection;
    std::unique_ptr<BoardEditor> editor;
    std::unique_ptr<SchedulePage> page;

    // `tweak`: statements run after the seed, before the board reads it.
    bool open(bool perTechnician, const QStringList &tweak = {})
    {
        db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        if (!db)
            return false;
        for (const QString &sql : kSeed + tweak) {
            if (!db->execDirect(sql).ok())
                return false;
        }
        editor = std::make_unique<BoardEditor>(db.get(), &document, &model);
        page = std::make_unique<SchedulePage>(editor.get());
        board()->setWorkOrderSelection(&selection);
        // The shared zone UTC: in per-technician mode it only places what has no row.
        board()->setDisplayZone(QTimeZone::utc(), perTechnician);
        board()->setNowOverride(utcAt("2026-07-06T12:30:00Z"));
        QAction *undo = document.undoStack()->createUndoAction(page.get());
        undo->setShortcut(QKeySequence::Undo);
        undo->setShortcutContext(Qt::WindowShortcut);
        page->addAction(undo);
        page->resize(1300, 400);
        page->show();
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page.get()))
            return false;
        page->showDate(QDate(2026, 7, 6));
        showFrom05();
        return model.isLoaded();
    }
    // 05:00 at the left edge: UTC when one zone is shown, the wall clock per technician.
    void showFrom05() { board()->scrollToTime(ms("2026-07-06T05:00:00Z"), 0.0); }
    ScheduleBoard *board() const { return page->board(); }
    QWidget *viewport() const { return board()->viewport(); }
    int x(const char *tech, const char *iso) const { return board()->viewportX(QString::fromLatin1(tech), ms(iso)); }
    int rowY(const char *tech) const { return board()->viewportRowCenter(QString::fromLatin1(tech)); }
    int rowTop(const char *tech) const { return rowY(tech) - board::RowLayout::kRowHeight / 2; }
    double pxPerHour() const { return board()->scale().pxPerHour(); }
    QRect bar(const char *id) const { return board()->barViewportRect(QString::fromLatin1(id)); }

    // Where the row's white shift shading begins, read off the painted pixels (above the bars).
    int shiftStartX(const char *tech) const
    {
        const QImage img = viewport()->grab().toImage();
        const int y = rowTop(tech) + 3;
        for (int px = 1; px < img.width(); ++px) {
            if (isShiftWhite(img.pixelColor(px, y)) && !isShiftWhite(img.pixelColor(px - 1, y)))
                return px;
        }
        return -1;
    }
    bool redNear(const QImage &img, int px, int y) const
    {
        for (int dx = -1; dx <= 2; ++dx) {
            if (px + dx >= 0 && px + dx < img.width() && isNowRed(img.pixelColor(px + dx, y)))
                return true;
        }
        return false;
    }
    void drag(QPoint from, QPoint to)
    {
        QTest::mousePress(viewport(), Qt::LeftButton, Qt::NoModifier, from);
        for (int i = 1; i <= 6; ++i) {
            const QPoint p = from + (to - from) * i / 6;
            QMouseEvent move(QEvent::MouseMove, p, viewport()->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport(), &move);
        }
        QTest::mouseRelease(viewport(), Qt::LeftButton, Qt::NoModifier, to);
    }
    // The queue's drag of a work order, let go at `at`.
    void dropFromQueue(const QString &workOrderId, QPoint at)
    {
        QMimeData mime;
        mime.setData(board::workOrderMimeType(), workOrderId.toUtf8());
        QDragEnterEvent enter(at, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &enter);
        QDragMoveEvent move(at, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &move);
        QDropEvent drop(at, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport(), &drop);
    }
    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) { QTest::keyClick(board(), k, mods); }
};

} // namespace

class TestBoardTechnicianZones : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_board_technician_zones")); }

    void shiftsVisitsAndNowLineUpPerTechnician()
    {
        ZonesBoard t;
        QVERIFY2(t.open(false), qPrintable(test::lastError()));
        const double hour = t.pxPerHour();
        // One zone (UTC): Lisbon's 08:00 is 07:00Z, São Paulo's 11:00Z, four hours to the right.
        QVERIFY(qAbs(t.shiftStartX("lx") - t.x("lx", "2026-07-06T07:00:00Z")) <= 2);
        QVERIFY(qAbs(t.shiftStartX("sp") - t.x("sp", "2026-07-06T11:00:00Z")) <= 2);
        QVERIFY(qAbs(t.bar("asp").left() - t.bar("alx").left() - 4 * hour) <= 2);

        t.board()->setDisplayZone(QTimeZone::utc(), true);
        t.showFrom05();
        QVERIFY(t.board()->perTechnicianZones());
        // Per technician: both 08:00 shifts and both 09:00 visits share a column.
        const int lxShift = t.shiftStartX("lx"), spShift = t.shiftStartX("sp");
        QVERIFY2(lxShift > 0 && qAbs(lxShift - spShift) <= 1, qPrintable(QStringLiteral("%1 vs %2").arg(lxShift).arg(spShift)));
        QVERIFY(qAbs(t.bar("asp").left() - t.bar("alx").left()) <= 1);
        QVERIFY(qAbs(t.bar("asp").left() - lxShift - hour) <= 2); // an hour after the shift starts
        // Each row its own now (12:30Z: 09:30 in São Paulo, 13:30 in Lisbon).
        const QImage img = t.viewport()->grab().toImage();
        const int spNow = t.x("sp", "2026-07-06T12:30:00Z"), lxNow = t.x("lx", "2026-07-06T12:30:00Z");
        QVERIFY(qAbs(lxNow - spNow - 4 * hour) <= 2);
        QVERIFY(t.redNear(img, spNow, t.rowY("sp")));
        QVERIFY(t.redNear(img, lxNow, t.rowY("lx")));
        QVERIFY(!t.redNear(img, lxNow, t.rowY("sp")));
        QVERIFY(!t.redNear(img, spNow, t.rowY("lx")));
        // The corner over the rows says whose clock the hours are.
        auto *label = t.board()->findChild<QLabel *>(QStringLiteral("boardZoneLabel"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QLatin1String("local time")), qPrintable(label->text()));
        QVERIFY(!label->toolTip().isEmpty());
        // A visit's tooltip-facing words come in its technician's zone.
        t.board()->selectAppointments({QStringLiteral("asp")});
        QVERIFY2(t.board()->accessibleDescription().contains(QLocale().toString(QTime(9, 0), QLocale::ShortFormat)),
                 qPrintable(t.board()->accessibleDescription()));
        t.page->grab().save(QDir::temp().filePath(QStringLiteral("board-technician-zones.png"))); // for a look
    }

    void dropFromTheQueueBooksTheTargetRowsLocalTime()
    {
        ZonesBoard t;
        QVERIFY2(t.open(true), qPrintable(test::lastError()));
        // The column of 11:00 local time: the same x on both rows.
        const int at = t.x("sp", "2026-07-06T14:00:00Z");
        QVERIFY(qAbs(at - t.x("lx", "2026-07-06T10:00:00Z")) <= 1);
        t.dropFromQueue(QStringLiteral("w3"), QPoint(at + 1, t.rowY("sp")));
        Stored s = storedOf(*t.db, QStringLiteral("work_order_id"), QStringLiteral("w3"));
        QCOMPARE(s.technician, QStringLiteral("sp"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T14:00:00Z")); // 11:00 in São Paulo (UTC−3)
        QCOMPARE(s.end, QStringLiteral("2026-07-06T15:00:00Z"));
        t.dropFromQueue(QStringLiteral("w4"), QPoint(at + 1, t.rowY("lx")));
        s = storedOf(*t.db, QStringLiteral("work_order_id"), QStringLiteral("w4"));
        QCOMPARE(s.technician, QStringLiteral("lx"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T10:00:00Z")); // 11:00 in Lisbon (UTC+1)
        QCOMPARE(s.end, QStringLiteral("2026-07-06T11:00:00Z"));
        QCOMPARE(t.document.undoStack()->count(), 2);
    }

    void aDragBetweenRowsKeepsTheWallClock()
    {
        ZonesBoard t;
        QVERIFY2(t.open(true), qPrintable(test::lastError()));
        const int hour = int(t.pxPerHour());
        // Sofia's 09:00 visit dragged onto Luís's row, two hours right: 11:00 in Lisbon.
        QRect asp = t.bar("asp");
        t.drag(asp.center(), QPoint(asp.center().x() + 2 * hour, t.rowY("lx")));
        Stored s = storedOf(*t.db, QStringLiteral("id"), QStringLiteral("asp"));
        QCOMPARE(s.technician, QStringLiteral("lx"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T10:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-07-06T11:00:00Z"));
        // Luís's 09:00 visit dragged onto Sofia's row, three hours right: 12:00 in São Paulo.
        const QRect alx = t.bar("alx");
        t.drag(alx.center(), QPoint(alx.center().x() + 3 * hour, t.rowY("sp")));
        s = storedOf(*t.db, QStringLiteral("id"), QStringLiteral("alx"));
        QCOMPARE(s.technician, QStringLiteral("sp"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T15:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-07-06T16:00:00Z"));
        // Dropped where it shows: 12:00 local on its new row, three hours right of where it was.
        QVERIFY(qAbs(t.bar("alx").left() - alx.left() - 3 * t.pxPerHour()) <= 2);
        // A resize of its right edge by half an hour ends it at 13:30 in São Paulo.
        const QRect moved = t.bar("alx");
        t.drag(QPoint(moved.right() - 1, moved.center().y()), QPoint(moved.right() - 1 + hour / 2, moved.center().y()));
        s = storedOf(*t.db, QStringLiteral("id"), QStringLiteral("alx"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T15:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-07-06T16:30:00Z"));
        // Ctrl+Z takes each back, to the instants it had.
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(t.board(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedOf(*t.db, QStringLiteral("id"), QStringLiteral("alx")).start, QStringLiteral("2026-07-06T08:00:00Z"));
        QCOMPARE(storedOf(*t.db, QStringLiteral("id"), QStringLiteral("asp")).start, QStringLiteral("2026-07-06T12:00:00Z"));
    }

    void keysMoveOnTheTargetRowsClock()
    {
        ZonesBoard t;
        QVERIFY2(t.open(true), qPrintable(test::lastError()));
        t.board()->setFocus(Qt::TabFocusReason);
        // Luís's 09:00 visit two hours later (Alt+Shift+→ twice): 11:00 in Lisbon.
        t.board()->selectAppointments({QStringLiteral("alx")});
        t.key(Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
        t.key(Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
        Stored s = storedOf(*t.db, QStringLiteral("id"), QStringLiteral("alx"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T10:00:00Z"));
        // Alt+↓ onto Sofia's row (Luís sorts first): 11:00 in São Paulo.
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("alx")});
        t.key(Qt::Key_Down, Qt::AltModifier);
        s = storedOf(*t.db, QStringLiteral("id"), QStringLiteral("alx"));
        QCOMPARE(s.technician, QStringLiteral("sp"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T14:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-07-06T15:00:00Z"));
        // Alt+→: a snap step (15 min) later on her clock.
        t.key(Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(storedOf(*t.db, QStringLiteral("id"), QStringLiteral("alx")).start, QStringLiteral("2026-07-06T14:15:00Z"));
        // Alt+↑ back to Luís: 11:15 in Lisbon.
        t.key(Qt::Key_Up, Qt::AltModifier);
        s = storedOf(*t.db, QStringLiteral("id"), QStringLiteral("alx"));
        QCOMPARE(s.technician, QStringLiteral("lx"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T10:15:00Z"));

        // The focus cell: 16:00 on Luís's row, ↓ to Sofia's keeps 16:00 local, Enter books there.
        t.key(Qt::Key_Escape);
        QVERIFY(t.board()->selectedAppointments().isEmpty());
        t.board()->setFocusCell(QStringLiteral("lx"), utcAt("2026-07-06T15:00:00Z"));
        t.key(Qt::Key_Down);
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("sp"));
        QCOMPARE(t.board()->focusCellStart(), utcAt("2026-07-06T19:00:00Z"));
        t.selection.selectWorkOrder(QStringLiteral("w5"));
        t.key(Qt::Key_Return);
        s = storedOf(*t.db, QStringLiteral("work_order_id"), QStringLiteral("w5"));
        QCOMPARE(s.technician, QStringLiteral("sp"));
        QCOMPARE(s.start, QStringLiteral("2026-07-06T19:00:00Z"));
    }

    void switchingBackRestoresThePlacement()
    {
        ZonesBoard t;
        QVERIFY2(t.open(false), qPrintable(test::lastError()));
        const QRect asp = t.bar("asp"), alx = t.bar("alx");
        const int spShift = t.shiftStartX("sp"), lxShift = t.shiftStartX("lx");
        t.board()->setDisplayZone(QTimeZone::utc(), true);
        QVERIFY(qAbs(t.bar("asp").left() - t.bar("alx").left()) <= 1); // lined up now
        t.board()->setDisplayZone(QTimeZone::utc(), false);
        QVERIFY(!t.board()->perTechnicianZones());
        QVERIFY(qAbs(t.bar("asp").left() - asp.left()) <= 1);
        QVERIFY(qAbs(t.bar("alx").left() - alx.left()) <= 1);
        QCOMPARE(t.bar("asp").width(), asp.width());
        QVERIFY(qAbs(t.shiftStartX("sp") - spShift) <= 1);
        QVERIFY(qAbs(t.shiftStartX("lx") - lxShift) <= 1);
        auto *label = t.board()->findChild<QLabel *>(QStringLiteral("boardZoneLabel"));
        QCOMPARE(label->text(), QStringLiteral("UTC"));
    }

    void conflictsReadEachTechniciansZone()
    {
        // A visit at 20:00 in São Paulo (23:00Z), outside Sofia's 08:00–17:00 shift.
        ZonesBoard t;
        QVERIFY2(t.open(true, {QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, "
                                              "status) VALUES ('late', 'w3', 'sp', '2026-07-06T23:00:00Z', "
                                              "'2026-07-06T23:30:00Z', 'scheduled')")}),
                 qPrintable(test::lastError()));
        board::ConflictListModel conflicts(&t.model);
        int row = -1;
        for (int r = 0; r < conflicts.rowCount(); ++r) {
            if (conflicts.index(r, 0).data(roles::AppointmentId).toString() == QLatin1String("late")
                && t.model.violations()[size_t(r)].kind == scheduling::ViolationKind::Shift)
                row = r;
        }
        QVERIFY2(row >= 0, "the visit outside the shift is listed");
        const QModelIndex time = conflicts.index(row, board::ConflictListModel::TimeColumn);
        conflicts.setDisplayZone(QTimeZone::utc(), false);
        QCOMPARE(time.data().toString(), QLocale().toString(utcAt("2026-07-06T23:00:00Z"), QLocale::ShortFormat));
        QCOMPARE(conflicts.headerData(board::ConflictListModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Time"));
        conflicts.setDisplayZone(QTimeZone::utc(), true);
        const QDateTime local(QDate(2026, 7, 6), QTime(20, 0), QTimeZone("America/Sao_Paulo"));
        QCOMPARE(time.data().toString(), QLocale().toString(local, QLocale::ShortFormat));
        QCOMPARE(conflicts.headerData(board::ConflictListModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Local time"));
    }

    // Lisbon moves its clocks on 29 March 2026: 08:00 local is 08:00Z on Saturday and 07:00Z on
    // Monday, yet both sit at 08:00 on the wall-clock axis, exactly two days apart.
    void theWallClockAxisFollowsDaylightSaving()
    {
        board::BoardTechnician lx;
        lx.technician.id = QStringLiteral("lx");
        lx.technician.timeZone = QStringLiteral("Europe/Lisbon");
        board::BoardClocks clocks;
        clocks.setZone(QTimeZone::utc(), true);
        clocks.setTechnicians({lx}, ms("2026-03-27T00:00:00Z"), ms("2026-04-01T00:00:00Z"));
        QCOMPARE(clocks.toAxis(0, ms("2026-03-28T08:00:00Z")), ms("2026-03-28T08:00:00Z"));
        QCOMPARE(clocks.toAxis(0, ms("2026-03-30T07:00:00Z")), ms("2026-03-30T08:00:00Z"));
        QCOMPARE(clocks.toUtc(0, ms("2026-03-30T08:00:00Z")), ms("2026-03-30T07:00:00Z"));
        QCOMPARE(clocks.toUtc(0, ms("2026-03-28T08:00:00Z")), ms("2026-03-28T08:00:00Z"));
        // 08:07 local snaps to 08:00 local, on both sides of the change.
        QCOMPARE(clocks.toUtc(0, clocks.snap(clocks.toAxis(0, ms("2026-03-30T07:07:00Z")), 15)), ms("2026-03-30T07:00:00Z"));
        QCOMPARE(clocks.zoneOf(0), QTimeZone("Europe/Lisbon"));
        // One zone for all: the axis is UTC again and snapping reads that zone.
        clocks.setZone(QTimeZone("Europe/Lisbon"), false);
        QCOMPARE(clocks.toAxis(0, ms("2026-03-30T07:00:00Z")), ms("2026-03-30T07:00:00Z"));
        QCOMPARE(clocks.snap(ms("2026-03-30T07:07:00Z"), 60), ms("2026-03-30T07:00:00Z"));
    }

    // Settings → Display offers the choice, stores it, and the window follows it live: the
    // board per technician, the conflicts' column "Local time", the KPIs in this computer's zone.
    void theChoiceIsStoredAndFollowed()
    {
        settings::displayTimeZone().reset();
        {
            widgets::DisplayPage page;
            QVERIFY(test::chooseByKeys(page.zoneCombo(), settings::perTechnicianZoneChoice()));
            QCOMPARE(page.chosenZone(), settings::perTechnicianZoneChoice());
            QVERIFY(page.apply());
        }
        QCOMPARE(settings::displayTimeZone().get(), settings::perTechnicianZoneChoice());
        QVERIFY(settings::displayPerTechnician());
        QCOMPARE(settings::displayZone(), QTimeZone::systemTimeZone());
        {
            widgets::DisplayPage again; // read back as a new dialog would
            QCOMPARE(again.zoneCombo()->currentData().toString(), settings::perTechnicianZoneChoice());
        }

        ZonesBoard seeded;
        seeded.db = test::freshDatabase(QStringLiteral("sqlite"), true, &seeded.url);
        QVERIFY2(seeded.db, qPrintable(test::lastError()));
        for (const QString &sql : kSeed)
            QVERIFY(seeded.db->execDirect(sql).ok());
        QString why;
        auto w = test::openMainWindow(seeded.url, &why, utcAt("2026-07-06T12:30:00Z"));
        QVERIFY2(w, qPrintable(why));
        widgets::SchedulePage *page = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((page = w->findChild<widgets::SchedulePage *>()) != nullptr, 15000);
        QVERIFY(page->board()->perTechnicianZones());
        auto *conflicts = w->findChild<widgets::ConflictsPanel *>();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->model()->headerData(board::ConflictListModel::TimeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Local time"));
        QCOMPARE(w->kpiDashboard()->filterBar()->timeZone(), QTimeZone::systemTimeZone());

        // Back to this computer's zone: the board follows at once.
        {
            widgets::DisplayPage page2;
            page2.zoneCombo()->setCurrentIndex(0);
            QVERIFY(page2.apply());
        }
        QVERIFY(!settings::displayPerTechnician());
        QVERIFY(!page->board()->perTechnicianZones());
        QCOMPARE(conflicts->model()->headerData(board::ConflictListModel::TimeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Time"));
    }
};

QTEST_MAIN(TestBoardTechnicianZones)
#include "tst_board_technician_zones.moc"
