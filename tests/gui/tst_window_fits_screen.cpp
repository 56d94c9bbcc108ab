// The main window fits a 1920×1080 screen: on the demo crew (60 technicians, so the KPI
// filter's technician names are real ones) no tab makes the window's minimum width larger
// than 1280 px nor its minimum height larger than 700 px (a 1366×768 laptop less its panel
// and title bar; the KPI tab scrolls there), and at 1920×1080 (and as narrow as 1280 px) the KPI tab's Export button
// and the inspector dock lie wholly inside the window and are shown; so is Export on the
// KPI tab alone at 1366×768. Renders at each size are left for a look by eye.
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "controllers/DockController.h"
#include "itemmodels/KpiBreakdownModel.h"
#include "kpi/KpiBreakdownView.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QScrollArea>
#include <QTabWidget>
#include <QtTest>

using namespace fieldops;

namespace {
constexpr int kMaxMinimumWidth = 1280;
constexpr int kMaxMinimumHeight = 700;

// Whether `w` lies wholly inside `window`'s rect and is shown.
QString outside(const QWidget *w, const QWidget *window)
{
    if (!w->isVisible())
        return w->objectName() + QStringLiteral(" is hidden");
    const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
    if (!window->rect().contains(r))
        return QStringLiteral("%1 at %2,%3 %4×%5 is not inside the window's %6×%7")
            .arg(w->objectName())
            .arg(r.x())
            .arg(r.y())
            .arg(r.width())
            .arg(r.height())
            .arg(window->width())
            .arg(window->height());
    return {};
}
} // namespace

class TestWindowFitsScreen : public QObject {
    Q_OBJECT

    std::unique_ptr<test::DemoDatabase> m_demo;
    std::unique_ptr<gui::MainWindow> m_window;

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_window_fits_screen"));
        QSettings().clear();
        m_demo = std::make_unique<test::DemoDatabase>(DemoOptions{.technicians = 60, .days = 30, .customers = 300, .today = QDate()});
        QVERIFY2(m_demo->db, qPrintable(m_demo->error));
        QString why;
        m_window = test::openMainWindow(m_demo->url, &why);
        QVERIFY2(m_window, qPrintable(why));
        // The KPI filter bar is widest once it lists the crew's names.
        widgets::KpiDashboard *dash = m_window->kpiDashboard();
        QTRY_VERIFY_WITH_TIMEOUT(dash->breakdown()->model()->rowCount() == 60, 30000);
        QCOMPARE(dash->filterBar()->technicianCombo()->count(), 61);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings().clear();
    }

    void noTabNeedsMoreThan1280_data()
    {
        QTest::addColumn<int>("tab");
        // Rows are made before initTestCase has a window: name them by index.
        for (int i = 0; i < 9; ++i)
            QTest::addRow("tab %d", i) << i;
    }

    void noTabNeedsMoreThan1280()
    {
        QFETCH(int, tab);
        QTabWidget *tabs = m_window->tabs();
        if (tab >= tabs->count())
            QSKIP("the window has fewer tabs");
        tabs->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        const int width = m_window->minimumSizeHint().width();
        qInfo().noquote() << tabs->tabText(tab) << "minimum size" << m_window->minimumSizeHint();
        QVERIFY2(width <= kMaxMinimumWidth, qPrintable(QStringLiteral("%1: the window's minimum width is %2 px")
                                                           .arg(tabs->tabText(tab))
                                                           .arg(width)));
        const int height = m_window->minimumSizeHint().height();
        QVERIFY2(height <= kMaxMinimumHeight, qPrintable(QStringLiteral("%1: the window's minimum height is %2 px")
                                                             .arg(tabs->tabText(tab))
                                                             .arg(height)));
    }

    void exportAndInspectorInside_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        // The narrowest the window may be made, and a laptop's screen less its panel and title bar.
        QTest::newRow("1280x1000") << QSize(1280, 1000);
        QTest::newRow("1366x700") << QSize(1366, 700);
    }

    void exportAndInspectorInside()
    {
        QFETCH(QSize, size);
        m_window->tabs()->setCurrentWidget(m_window->findChild<QScrollArea *>(QStringLiteral("kpisTab")));
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        auto *exportButton = m_window->kpiDashboard()->findChild<QAbstractButton *>(QStringLiteral("kpiExport"));
        QVERIFY(exportButton);
        const QString button = outside(exportButton, m_window.get());
        QVERIFY2(button.isEmpty(), qPrintable(button));
        const QString inspector = outside(m_window->docks()->inspectorDock(), m_window.get());
        QVERIFY2(inspector.isEmpty(), qPrintable(inspector));

        const QImage shot = m_window->kpiDashboard()->renderImage();
        const QString name = QStringLiteral("kpi-%1x%2.png").arg(size.width()).arg(size.height());
        QVERIFY(shot.save(test::screenshotPath(name)));
        QVERIFY(m_window->grab().save(test::screenshotPath(QStringLiteral("window-") + name)));
    }

    // The KPI tab alone at a full HD and a laptop screen's size, with the previous period read,
    // for a look by eye; Export stays inside.
    void kpiTabRenders_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }

    void kpiTabRenders()
    {
        QFETCH(QSize, size);
        test::KpiDashboardHarness harness(*DatabaseUrl::parse(m_demo->url));
        widgets::KpiDashboard &dash = harness.dash;
        QVERIFY(test::showExposed(dash, size));
        QCOMPARE(dash.size(), size);
        dash.reload();
        QVERIFY(QTest::qWaitFor([&] { return harness.service.data() && !harness.service.isBusy() && !harness.service.data()->previousPending; }, 30000));
        QTest::qWait(50);
        auto *exportButton = dash.findChild<QAbstractButton *>(QStringLiteral("kpiExport"));
        const QString button = outside(exportButton, &dash);
        QVERIFY2(button.isEmpty(), qPrintable(button));
        const QImage shot = dash.renderImage();
        QCOMPARE(shot.size(), size);
        QVERIFY(shot.save(test::screenshotPath(QStringLiteral("kpi-tab-%1x%2.png").arg(size.width()).arg(size.height()))));
    }
};

QTEST_MAIN(TestWindowFitsScreen)
#include "tst_window_fits_screen.moc"
