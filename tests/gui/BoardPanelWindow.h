#pragma once
// The real main window over a real SQLite file holding the board fixture plus w5, a
// plumbing job nobody on the crew can do, opened on the schedule tab showing Monday
// 2 March in UTC at a fixed "now": what the board's side panels (suggestions, optimize
// day) are tested in. `Controller` is the panel's controller, found in the window.
#include "../board/BoardFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "board/SchedulePage.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "document/ScheduleDocument.h"
#include "session/ConsoleSession.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTimeZone>
#include <QUndoStack>
#include <QtTest>
#include <memory>

namespace fieldops::test {

template <typename Controller, typename Panel>
struct BoardPanelWindow {
    std::unique_ptr<Database> db;
    QString url;
    std::unique_ptr<gui::MainWindow> window;
    Controller *controller = nullptr;
    Panel *panel = nullptr;
    widgets::SchedulePage *page = nullptr;
    QString why; // what went wrong when open() returns false

    // `extraSql`: more of the day, written after the fixture and before the window opens.
    bool open(const QString &settingsName, const char *now, const QStringList &extraSql = {})
    {
        useScratchSettings(settingsName);
        db = freshDatabase(QStringLiteral("sqlite"), true, &url);
        if (!db) {
            why = lastError();
            return false;
        }
        if (Status s = seedBoard(*db); !s) {
            why = s.error().message;
            return false;
        }
        for (const char *sql : {"INSERT INTO skills(code, name) VALUES ('plumbing', 'Plumbing')",
                                "INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, status, summary) VALUES "
                                "('w5', 's2', 2, 60, '2026-02-22T08:00:00Z', 'open', 'Burst pipe')",
                                "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w5', 'plumbing')"}) {
            if (Status s = db->execDirect(QString::fromLatin1(sql)); !s) {
                why = s.error().message;
                return false;
            }
        }
        for (const QString &sql : extraSql) {
            if (Status s = db->execDirect(sql); !s) {
                why = s.error().message;
                return false;
            }
        }
        window = openMainWindow(url, &why, utcAt(now));
        if (!window)
            return false;
        controller = window->findChild<Controller *>();
        page = window->findChild<widgets::SchedulePage *>();
        if (!controller || !page) {
            why = QStringLiteral("no panel controller or schedule page in the window");
            return false;
        }
        panel = controller->panel();
        window->resize(1600, 900);
        for (int i = 0; i < window->tabs()->count(); ++i) {
            if (window->tabs()->widget(i)->objectName() == QLatin1String("scheduleTab"))
                window->tabs()->setCurrentIndex(i);
        }
        board()->setDisplayZone(QTimeZone::utc());
        board()->setNowOverride(utcAt(now));
        QSignalSpy loaded(board()->editor(), &BoardEditor::horizonLoaded);
        page->showDate(QDate(2026, 3, 2));
        if (!loaded.wait(10000)) {
            why = QStringLiteral("the board's horizon did not load");
            return false;
        }
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) {
            why = QStringLiteral("the window never became active");
            return false;
        }
        return true;
    }
    widgets::ScheduleBoard *board() const { return page->board(); }
    QUndoStack *stack() const { return window->session()->document()->undoStack(); }
};

} // namespace fieldops::test
