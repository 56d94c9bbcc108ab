// The work-order table model, its filter proxy and the unassigned-queue proxy, loaded
// from a real database on both backends: rows and columns, sorting on raw values (not
// display text), every filter criterion, the queue's rule and order, and the alert list.
#include "TestDatabases.h"
#include "WorkOrderFixture.h"
#include "itemmodels/AlertListModel.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/UnassignedQueueProxy.h"
#include "itemmodels/WorkOrderFilterProxy.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "repositories/AlertRepository.h"
#include "repositories/WorkOrderRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

namespace {
QStringList idsInOrder(const QAbstractItemModel &m)
{
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r)
        ids << m.index(r, 0).data(roles::WorkOrderId).toString();
    return ids;
}
} // namespace

class TestWorkOrderModel : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    WorkOrderTableModel m_model;

    // Fills the model from a fresh fixture database of the current backend.
    void load(const QString &backend)
    {
        m_db = test::freshDatabase(backend);
        QVERIFY2(m_db, qPrintable(test::lastError()));
        const QString failed = test::insertWorkOrderFixture(*m_db);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        auto rows = WorkOrderRepository(*m_db).listRows();
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
        m_model.setRows(std::move(rows).value());
    }

private slots:
    void cleanup() { m_db.reset(); }

    void loadsRowsFromTheDatabase_data() { test::addBackendRows(); }
    void loadsRowsFromTheDatabase()
    {
        QFETCH(QString, backend);
        QAbstractItemModelTester tester(&m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(backend);
        QCOMPARE(m_model.rowCount(), 6);
        QCOMPARE(m_model.columnCount(), int(WorkOrderTableModel::ColumnCount));
        const int r1 = m_model.rowOf(QStringLiteral("w1"));
        QVERIFY(r1 >= 0);
        auto cell = [&](int row, int col) { return m_model.index(row, col).data().toString(); };
        QCOMPARE(cell(r1, WorkOrderTableModel::IdColumn), QStringLiteral("w1"));
        QCOMPARE(cell(r1, WorkOrderTableModel::SummaryColumn), QStringLiteral("Chiller down in cold room"));
        QCOMPARE(cell(r1, WorkOrderTableModel::CustomerColumn), QStringLiteral("Acme Foods"));
        QCOMPARE(cell(r1, WorkOrderTableModel::SiteColumn), QStringLiteral("Acme Plant"));
        QCOMPARE(cell(r1, WorkOrderTableModel::StatusColumn), WorkOrderTableModel::statusText(QStringLiteral("open")));
        QCOMPARE(cell(r1, WorkOrderTableModel::DurationColumn), QStringLiteral("90 min"));
        QCOMPARE(m_model.index(r1, WorkOrderTableModel::SlaDueColumn).data(roles::SlaDue).toDateTime(),
                 QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
        QCOMPARE(m_model.rowAt(r1)->order.requiredSkills, (QStringList{QStringLiteral("elec"), QStringLiteral("hvac")}));
        // The technician column names the latest visit that was not cancelled.
        QCOMPARE(cell(m_model.rowOf(QStringLiteral("w4")), WorkOrderTableModel::TechnicianColumn), QStringLiteral("Bruno Lima"));
        QCOMPARE(cell(m_model.rowOf(QStringLiteral("w6")), WorkOrderTableModel::TechnicianColumn), QStringLiteral("Ana Souza"));
        QCOMPARE(cell(m_model.rowOf(QStringLiteral("w2")), WorkOrderTableModel::TechnicianColumn), QString());
        // The queue's rule: open and no appointment that is neither cancelled nor completed.
        QStringList unassigned;
        for (int r = 0; r < m_model.rowCount(); ++r)
            if (m_model.index(r, 0).data(roles::Unassigned).toBool())
                unassigned << m_model.index(r, 0).data(roles::WorkOrderId).toString();
        unassigned.sort();
        QCOMPARE(unassigned, (QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w3"), QStringLiteral("w6")}));
    }

    void refreshWithSameIdsKeepsRows_data() { test::addBackendRows(); }
    void refreshWithSameIdsKeepsRows()
    {
        QFETCH(QString, backend);
        load(backend);
        QSignalSpy reset(&m_model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m_model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE work_orders SET summary = 'Chiller fixed?' WHERE id = 'w1'")).ok());
        auto rows = WorkOrderRepository(*m_db).listRows();
        QVERIFY(rows.ok());
        m_model.setRows(std::move(rows).value());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1); // one batched signal
        QCOMPARE(m_model.index(m_model.rowOf(QStringLiteral("w1")), WorkOrderTableModel::SummaryColumn).data().toString(),
                 QStringLiteral("Chiller fixed?"));
    }

    void sortsOnRawValues_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("expected");
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            // SLA: instants in order, "no SLA" after all of them.
            QTest::addRow("%s sla ascending", backend) << b << int(WorkOrderTableModel::SlaDueColumn) << int(Qt::AscendingOrder)
                << QStringList{QStringLiteral("w5"), QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w4"), QStringLiteral("w6"), QStringLiteral("w3")};
            QTest::addRow("%s created ascending", backend) << b << int(WorkOrderTableModel::CreatedColumn) << int(Qt::AscendingOrder)
                << QStringList{QStringLiteral("w6"), QStringLiteral("w5"), QStringLiteral("w2"), QStringLiteral("w1"), QStringLiteral("w3"), QStringLiteral("w4")};
            // Priority by number; equal priorities fall back to the id.
            QTest::addRow("%s priority ascending", backend) << b << int(WorkOrderTableModel::PriorityColumn) << int(Qt::AscendingOrder)
                << QStringList{QStringLiteral("w1"), QStringLiteral("w3"), QStringLiteral("w4"), QStringLiteral("w6"), QStringLiteral("w2"), QStringLiteral("w5")};
            // Duration numerically: "120 min" after "90 min", unlike text.
            QTest::addRow("%s duration descending", backend) << b << int(WorkOrderTableModel::DurationColumn) << int(Qt::DescendingOrder)
                << QStringList{QStringLiteral("w2"), QStringLiteral("w4"), QStringLiteral("w1"), QStringLiteral("w5"), QStringLiteral("w3"), QStringLiteral("w6")};
        }
    }
    void sortsOnRawValues()
    {
        QFETCH(QString, backend);
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QStringList, expected);
        load(backend);
        WorkOrderFilterProxy proxy;
        proxy.setSourceModel(&m_model);
        proxy.sort(column, Qt::SortOrder(order));
        QCOMPARE(idsInOrder(proxy), expected);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<QList<int>>("priorities");
        QTest::addColumn<QStringList>("expected");
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            QTest::addRow("%s nothing", backend) << b << QString() << QStringList() << QStringList() << QList<int>()
                << QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w3"), QStringLiteral("w4"), QStringLiteral("w5"), QStringLiteral("w6")};
            QTest::addRow("%s customer word", backend) << b << QStringLiteral("ACME") << QStringList() << QStringList() << QList<int>()
                << QStringList{QStringLiteral("w1"), QStringLiteral("w3"), QStringLiteral("w5")};
            QTest::addRow("%s technician", backend) << b << QStringLiteral("bruno") << QStringList() << QStringList() << QList<int>()
                << QStringList{QStringLiteral("w4")};
            QTest::addRow("%s two words", backend) << b << QStringLiteral("beta valve") << QStringList() << QStringList() << QList<int>()
                << QStringList{QStringLiteral("w6")};
            QTest::addRow("%s status", backend) << b << QString() << QStringList{QStringLiteral("open")} << QStringList() << QList<int>()
                << QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w3"), QStringLiteral("w6")};
            QTest::addRow("%s type", backend) << b << QString() << QStringList() << QStringList{QStringLiteral("corrective")} << QList<int>()
                << QStringList{QStringLiteral("w1"), QStringLiteral("w5"), QStringLiteral("w6")};
            QTest::addRow("%s priority", backend) << b << QString() << QStringList() << QStringList() << QList<int>{1}
                << QStringList{QStringLiteral("w1"), QStringLiteral("w3")};
            QTest::addRow("%s combined", backend) << b << QStringLiteral("plant") << QStringList{QStringLiteral("open")}
                << QStringList{QStringLiteral("corrective"), QStringLiteral("preventive")} << QList<int>{1, 2}
                << QStringList{QStringLiteral("w1"), QStringLiteral("w3")};
            QTest::addRow("%s no match", backend) << b << QStringLiteral("zebra") << QStringList() << QStringList() << QList<int>()
                << QStringList();
        }
    }
    void filters()
    {
        QFETCH(QString, backend);
        QFETCH(QString, search);
        QFETCH(QStringList, statuses);
        QFETCH(QStringList, types);
        QFETCH(QList<int>, priorities);
        QFETCH(QStringList, expected);
        load(backend);
        WorkOrderFilterProxy proxy;
        proxy.setSourceModel(&m_model);
        proxy.sort(WorkOrderTableModel::IdColumn, Qt::AscendingOrder);
        proxy.setSearchText(search);
        proxy.setStatuses({statuses.begin(), statuses.end()});
        proxy.setTypes({types.begin(), types.end()});
        proxy.setPriorities({priorities.begin(), priorities.end()});
        QCOMPARE(idsInOrder(proxy), expected);
        // Clearing every criterion brings all rows back.
        proxy.setSearchText({});
        proxy.setStatuses({});
        proxy.setTypes({});
        proxy.setPriorities({});
        QCOMPARE(proxy.rowCount(), 6);
    }

    void queueOrdersByPriorityThenSla_data() { test::addBackendRows(); }
    void queueOrdersByPriorityThenSla()
    {
        QFETCH(QString, backend);
        load(backend);
        UnassignedQueueProxy queue;
        queue.setSourceModel(&m_model);
        // SLA risk: latest start that meets the SLA first (w1 08:30, w2 12:00, w6 on the
        // 4th), "no SLA" last whatever its priority (w3 is P1).
        QCOMPARE(idsInOrder(queue), (QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w6"), QStringLiteral("w3")}));
        // Another column sorts by its value; equal values keep the risk order.
        queue.sort(WorkOrderTableModel::PriorityColumn, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(queue), (QStringList{QStringLiteral("w1"), QStringLiteral("w3"), QStringLiteral("w6"), QStringLiteral("w2")}));
        queue.sort(WorkOrderTableModel::DurationColumn, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(queue), (QStringList{QStringLiteral("w2"), QStringLiteral("w1"), QStringLiteral("w3"), QStringLiteral("w6")}));
        queue.sort(UnassignedQueueProxy::riskColumn(), Qt::AscendingOrder);
        QCOMPARE(queue.index(0, WorkOrderTableModel::SkillsColumn).data().toString(), QStringLiteral("elec, hvac"));
        // Booking w2 takes it out of the queue at the next load.
        QVERIFY(m_db->execDirect(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) "
                                                "VALUES ('ap9', 'w2', 't1', '2026-03-02T15:00:00Z', '2026-03-02T17:00:00Z')")).ok());
        auto rows = WorkOrderRepository(*m_db).listRows();
        QVERIFY(rows.ok());
        m_model.setRows(std::move(rows).value());
        QCOMPARE(idsInOrder(queue), (QStringList{QStringLiteral("w1"), QStringLiteral("w6"), QStringLiteral("w3")}));
    }

    void alertListDescribesAlerts_data() { test::addBackendRows(); }
    void alertListDescribesAlerts()
    {
        QFETCH(QString, backend);
        load(backend);
        auto alerts = AlertRepository(*m_db).current(test::fixtureNow());
        QVERIFY(alerts.ok());
        AlertListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlerts(std::move(alerts).value(), test::fixtureNow());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.countOf(Alert::Kind::Unresolved), 1);
        QCOMPARE(model.countOf(Alert::Kind::SlaBreached), 1);
        QCOMPARE(model.countOf(Alert::Kind::SlaDueSoon), 1);
        QCOMPARE(model.countOf(Alert::Kind::LateArrival), 1);
        QCOMPARE(model.index(0).data(roles::WorkOrderId).toString(), QStringLiteral("w1"));
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("w1 (P1) SLA breached 2 h 0 min ago · Acme Plant"));
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("w2 (P3) SLA due in 2 h 0 min · Beta HQ"));
        QCOMPARE(model.index(2).data().toString(), QStringLiteral("w4 late: Bruno Lima not on site, start was 1 h 0 min ago · Beta HQ"));
        QCOMPARE(model.index(2).data(roles::AppointmentId).toString(), QStringLiteral("ap1"));
        // w6's visit of 27 Feb left it unresolved and nothing is booked: a return visit is due.
        QCOMPARE(model.index(3).data().toString(), QStringLiteral("w6 left unresolved by Ana Souza 3 days ago, no return visit booked · Beta HQ"));
        QCOMPARE(model.index(3).data(roles::AlertKey).toString(), QStringLiteral("unresolved:ap3:2026-02-27T11:00:00Z"));
        QCOMPARE(model.index(3).data(roles::TechnicianId).toString(), QStringLiteral("t1"));
    }
};

QTEST_GUILESS_MAIN(TestWorkOrderModel)
#include "tst_work_order_model.moc"
