// What the dispatcher sees of a van lacking parts, on both backends: the job "job" needs
// 2 × FLT-100 and is booked for Ana (t1), whose van holds 1. The board's bar knows it
// ("1 × FLT-100", drawn as a mark and said in the tooltip), the inspector of the work order
// says "Van of Ana lacks 1 × FLT-100" under what the job needs, and a transfer that fills
// the van clears both once the board re-reads the visits a stock change names. A completed
// visit and a job that needs nothing say nothing.
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "inspector/WorkOrderInspector.h"
#include "parts/StockRepository.h"
#include "repositories/WorkOrderRepository.h"

#include <QtTest>

using namespace fieldops;

namespace {

const QDateTime kFrom(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC);

Status seed(Database &db)
{
    return test::runAll(db, {
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Plant', -23.5505, -46.6333)",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5505, -46.6333, 'UTC'), "
        "('t2', 'Bruno', -23.5505, -46.6333, 'UTC')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES ('job', 's1', 60, '2026-03-01T00:00:00Z', 'scheduled'), "
        "('plain', 's1', 60, '2026-03-01T00:00:00Z', 'scheduled'), ('done', 's1', 60, '2026-03-01T00:00:00Z', 'done')",
        "INSERT INTO parts(sku, name) VALUES ('FLT-100', 'Air filter')",
        "INSERT INTO stock(sku, location, quantity) VALUES ('FLT-100', 'van:t1', 1), ('FLT-100', 'warehouse:central', 5)",
        "INSERT INTO work_order_parts(work_order_id, sku, quantity) VALUES ('job', 'FLT-100', 2), ('done', 'FLT-100', 2)",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
        "('a1', 'job', 't1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'scheduled'), "
        "('a2', 'plain', 't1', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', 'scheduled'), "
        "('a3', 'done', 't1', '2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z', 'completed')",
    });
}

} // namespace

class TestPartsShortageView : public QObject {
    Q_OBJECT

private slots:
    void boardAndInspectorSaySo_data() { test::addBackendRows(); }
    void boardAndInspectorSaySo()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());

        board::BoardModel model;
        QVERIFY(model.load(*db, kFrom, kFrom.addDays(1)).ok());
        QVERIFY(model.item(QStringLiteral("a1")));
        QCOMPARE(model.item(QStringLiteral("a1"))->vanLacks, QStringLiteral("1 × FLT-100"));
        QCOMPARE(model.item(QStringLiteral("a1"))->partSkus, QStringList{QStringLiteral("FLT-100")});
        QVERIFY(model.item(QStringLiteral("a2"))->vanLacks.isEmpty());
        QVERIFY(model.item(QStringLiteral("a3"))->vanLacks.isEmpty()); // completed: nothing to bring
        QCOMPARE(model.appointmentsNeedingParts({QStringLiteral("FLT-100")}), QStringList{QStringLiteral("a1")});

        auto details = WorkOrderRepository(*db).details(QStringLiteral("job"));
        QVERIFY(details);
        QCOMPARE(int(details->vanShortages.size()), 1);
        QCOMPARE(details->vanShortages.front().technicianName, QStringLiteral("Ana"));
        widgets::WorkOrderInspector inspector;
        inspector.setDetails(*details);
        QCOMPARE(inspector.fieldText(QStringLiteral("parts")), QStringLiteral("2 × FLT-100 (Air filter)\nVan of Ana lacks 1 × FLT-100"));

        auto plain = WorkOrderRepository(*db).details(QStringLiteral("plain"));
        QVERIFY(plain);
        inspector.setDetails(*plain);
        QCOMPARE(inspector.fieldText(QStringLiteral("parts")), QStringLiteral("—"));
        auto done = WorkOrderRepository(*db).details(QStringLiteral("done"));
        QVERIFY(done);
        QVERIFY(done->vanShortages.empty());

        // The missing filter goes into Ana's van: the board re-reads the visits needing it.
        QVERIFY(parts::StockRepository(*db).transfer({QStringLiteral("FLT-100"), QStringLiteral("warehouse:central"), QStringLiteral("van:t1"), 1}));
        QVERIFY(model.refreshAppointments(*db, model.appointmentsNeedingParts({QStringLiteral("FLT-100")})).ok());
        QVERIFY(model.item(QStringLiteral("a1"))->vanLacks.isEmpty());
        QCOMPARE(model.item(QStringLiteral("a1"))->partSkus, QStringList{QStringLiteral("FLT-100")});
        details = WorkOrderRepository(*db).details(QStringLiteral("job"));
        QVERIFY(details);
        QVERIFY(details->vanShortages.empty());
        inspector.setDetails(*details);
        QCOMPARE(inspector.fieldText(QStringLiteral("parts")), QStringLiteral("2 × FLT-100 (Air filter)"));

        // Booked for Bruno instead, whose van holds none: the bar says so after its re-read.
        QVERIFY(db->run(QStringLiteral("UPDATE appointments SET technician_id = 't2', version = version + 1 WHERE id = 'a1'")));
        QVERIFY(model.refreshAppointments(*db, {QStringLiteral("a1")}).ok());
        QCOMPARE(model.item(QStringLiteral("a1"))->vanLacks, QStringLiteral("2 × FLT-100"));
        details = WorkOrderRepository(*db).details(QStringLiteral("job"));
        QVERIFY(details);
        inspector.setDetails(*details);
        QCOMPARE(inspector.fieldText(QStringLiteral("parts")), QStringLiteral("2 × FLT-100 (Air filter)\nVan of Bruno lacks 2 × FLT-100"));
    }
};

QTEST_MAIN(TestPartsShortageView)
#include "tst_parts_shortage_view.moc"
