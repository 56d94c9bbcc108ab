#pragma once
// Setup shared by the GUI tests. Helpers report a failed step by returning null or false
// (with the reason where there is more than one), so the QVERIFY2 that fails stands in
// the test that needed the setup.
#include "MainWindow.h"
#include "TestDatabases.h"
#include "controllers/ConnectionController.h"
#include "demo/DemoSeeder.h"
#include "kpi/KpiDashboard.h"
#include "kpi/KpiFilterBar.h"
#include "kpi/KpiService.h"
#include "session/ConsoleSession.h"
#include "storage/DatabaseUrl.h"

#include <QComboBox>
#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimeZone>
#include <QWidget>
#include <QtTest>
#include <functional>
#include <memory>

namespace fieldops::test {

// Geometry, painting and QTest's mouse events only mean something once the window
// system has exposed the window.
inline bool showExposed(QWidget &widget, QSize size)
{
    widget.resize(size);
    widget.show();
    return QTest::qWaitForWindowExposed(&widget);
}

// Moves a combo box with the arrow keys, as a user does, until it shows the item whose
// data is `data`; false when no item has it.
inline bool chooseByKeys(QComboBox *combo, const QVariant &data)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->currentData() == data)
            return true;
        QTest::keyClick(combo, Qt::Key_Down);
    }
    return combo->currentData() == data;
}

// Settings go to a scratch location under the test's own name, never the developer's.
inline void useScratchSettings(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FieldOpsTest"));
    QCoreApplication::setApplicationName(applicationName);
}

// A main window that asks nothing (no connection dialog, no message boxes), connected to
// `url` with its first load done. A valid `now` pins the session's clock before anything
// is read, for fixtures whose "late" and "due" depend on it.
inline std::unique_ptr<gui::MainWindow> openMainWindow(const QString &url, QString *why, const QDateTime &now = {})
{
    auto w = std::make_unique<gui::MainWindow>();
    w->connection()->setInteractive(false);
    if (now.isValid())
        w->session()->setClockOverride(now);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get())) {
        *why = QStringLiteral("the main window was never exposed");
        return nullptr;
    }
    QSignalSpy refreshed(w->session(), &ConsoleSession::refreshed);
    w->connectTo(*DatabaseUrl::parse(url));
    if (!refreshed.wait(15000)) {
        *why = QStringLiteral("no first load within 15 s from ") + url;
        return nullptr;
    }
    return w;
}

// A fresh `backend` database holding what `fixture` inserts (it returns what failed), and
// a main window on it whose clock is pinned at `now`. Null with `why` when a step failed.
inline std::unique_ptr<gui::MainWindow> openMainWindowOnFixture(const QString &backend, const std::function<QString(Database &)> &fixture,
                                                                const QDateTime &now, std::unique_ptr<Database> *db, QString *why)
{
    QString url;
    *db = freshDatabase(backend, true, &url);
    if (!*db) {
        *why = lastError();
        return nullptr;
    }
    if (const QString failed = fixture(**db); !failed.isEmpty()) {
        *why = failed;
        return nullptr;
    }
    return openMainWindow(url, why, now);
}

// A KPI dashboard with a service of its own reading `url`. The service is declared
// first because the dashboard keeps a pointer to it: built before, destroyed after. An
// invalid `zone` leaves the filter bar on the system's.
struct KpiDashboardHarness {
    explicit KpiDashboardHarness(const DatabaseUrl &url, const QTimeZone &zone = QTimeZone())
    {
        service.setDatabaseUrl(url);
        if (zone.isValid())
            dash.filterBar()->setTimeZone(zone);
    }
    kpi::KpiService service;
    widgets::KpiDashboard dash{&service};
};

// The period of the hand-built KPI fixture (tests/kpi/KpiFixture.h) asked for on a shown
// dashboard. False when the window was never exposed.
inline bool showKpiFixturePeriod(widgets::KpiDashboard &dash)
{
    if (!showExposed(dash, QSize(1400, 900)))
        return false;
    dash.filterBar()->setCustomPeriod(QDate(2026, 3, 2), QDate(2026, 3, 3));
    return true;
}

// A fresh SQLite file seeded with the demo operation, for tests that want a realistic
// crew rather than a hand-built fixture. `db` is null when a step failed; `error` says why.
struct DemoDatabase {
    explicit DemoDatabase(const DemoOptions &options)
    {
        db = freshDatabase(QStringLiteral("sqlite"), true, &url);
        if (!db) {
            error = lastError();
            return;
        }
        const Result<DemoSummary> seeded = DemoSeeder(*db).seed(options);
        if (!seeded.ok()) {
            error = seeded.error().message + QLatin1Char(' ') + seeded.error().detail;
            db.reset();
            return;
        }
        summary = *seeded;
    }
    std::unique_ptr<Database> db;
    QString url;
    DemoSummary summary;
    QString error;
};

} // namespace fieldops::test
