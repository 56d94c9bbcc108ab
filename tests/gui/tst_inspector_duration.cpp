// The inspector's Duration line, through the console's own path (the session loads the
// work order's details, the inspector shows them), on both backends: a work order whose
// kind has history shows the predicted duration with its interval and what it learnt from;
// one whose kind has none shows the estimate and says why there is no prediction.
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "TestDatabases.h"
#include "controllers/DockController.h"
#include "inspector/WorkOrderInspector.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"

#include <QtTest>

using namespace fieldops;

namespace {

// Ana's five corrective visits on the Daikin took 60, 60, 90, 90 and 90 min against 60
// estimated: ratios 1, 1, 1.5, 1.5, 1.5. The model books 1.5 × the estimate; the residuals
// (−ln 1.5 twice, 0 three times) give the interval [1 ×, 1.5 ×]. w20 is a corrective job of
// 60 min booked for Ana; w21 an inspection nobody has done before.
Status seed(Database &db)
{
    return test::runAll(db, {
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Plant', -23.5505, -46.6333)",
        "INSERT INTO assets(id, site_id, serial, model) VALUES ('a1', 's1', 'SN-1', 'Daikin VRV')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5, -46.6, 'UTC')",
        "INSERT INTO work_orders(id, site_id, asset_id, type, duration_min, created_at, status) VALUES "
        "('w1', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w2', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w3', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w4', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w5', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w20', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'scheduled'), "
        "('w21', 's1', 'a1', 'inspection', 45, '2026-03-01T00:00:00Z', 'open')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at) VALUES "
        "('ap1', 'w1', 't1', '2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z', 'completed', '2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z'), "
        "('ap2', 'w2', 't1', '2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z', 'completed', '2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z'), "
        "('ap3', 'w3', 't1', '2026-04-03T09:00:00Z', '2026-04-03T10:00:00Z', 'completed', '2026-04-03T09:00:00Z', '2026-04-03T10:30:00Z'), "
        "('ap4', 'w4', 't1', '2026-04-06T09:00:00Z', '2026-04-06T10:00:00Z', 'completed', '2026-04-06T09:00:00Z', '2026-04-06T10:30:00Z'), "
        "('ap5', 'w5', 't1', '2026-04-07T09:00:00Z', '2026-04-07T10:00:00Z', 'completed', '2026-04-07T09:00:00Z', '2026-04-07T10:30:00Z'), "
        "('ap20', 'w20', 't1', '2027-01-08T09:00:00Z', '2027-01-08T10:00:00Z', 'scheduled', NULL, NULL)",
    });
}

} // namespace

class TestInspectorDuration : public QObject {
    Q_OBJECT

    QString m_openFailure;

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_inspector_duration"));
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void durationLine_data() { test::addBackendRows(); }
    void durationLine()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        auto w = test::openMainWindow(url, &m_openFailure);
        QVERIFY2(w, qPrintable(m_openFailure));
        widgets::WorkOrderInspector *inspector = w->docks()->inspector();

        w->session()->selection()->selectWorkOrder(QStringLiteral("w20"));
        QTRY_VERIFY(inspector->isShowingDetails());
        QTRY_COMPARE(inspector->fieldText(QStringLiteral("duration")),
                     QStringLiteral("Predicted 1 h 30 min (1 h – 1 h 30 min); estimate 1 h\n"
                                    "Completed visits of this type: 5 (on this model: 5, by Ana: 5)"));

        w->session()->selection()->selectWorkOrder(QStringLiteral("w21"));
        QTRY_COMPARE(inspector->fieldText(QStringLiteral("duration")),
                     QStringLiteral("Estimate 45 min; too little history to predict (completed visits of this type: 0, 5 needed)"));
    }
};

QTEST_MAIN(TestInspectorDuration)
#include "tst_inspector_duration.moc"
