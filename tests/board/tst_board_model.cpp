// The board's data on both backends: the horizon read, territory groups with collapse and
// filters, the bars of a row in a time range, live reloads of single rows (another
// console's write), the conflicts list, and the pure geometry (time scale, snapping, hit
// tests) the painter and the input handler share.
#include "BoardFixture.h"
#include "TestDatabases.h"
#include "board/BoardGeometry.h"
#include "board/BoardModel.h"
#include "board/ConflictListModel.h"
#include "board/RowLayout.h"
#include "board/TimeScale.h"
#include "scheduling/ConflictChecker.h"
#include "scheduling/ScheduleLoader.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::board;

class TestBoardModel : public QObject {
    Q_OBJECT

    static qint64 ms(const char *iso) { return test::utcAt(iso).toMSecsSinceEpoch(); }

private slots:
    void barsFromTheSnapshotEqualTheJoinedRead_data() { test::addBackendRows(); }
    void barsFromTheSnapshotEqualTheJoinedRead()
    {
        // The board builds its bars from the conflict snapshot instead of reading the horizon
        // twice; every field must be what the joined read gives, cancelled visits included.
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedBoard(*db).ok());
        QVERIFY(db->execDirect(QStringLiteral("UPDATE work_orders SET sla_due = '2026-03-02T18:00:00Z' WHERE id = 'w2'")).ok());
        QVERIFY(db->execDirect(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                              "VALUES ('a3', 'w1', 't3', '2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z', 'cancelled'),"
                                              "('a4', 'w2', 't3', '2026-02-10T09:00:00Z', '2026-02-10T10:00:00Z', 'completed')"))
                    .ok());
        BoardLoader loader(*db);
        auto snap = loader.snapshot(test::boardFrom(), test::boardTo());
        QVERIFY(snap);
        auto joined = loader.itemsInHorizon(test::boardFrom(), test::boardTo());
        auto built = loader.itemsFromSnapshot(*snap);
        QVERIFY(joined);
        QVERIFY(built);
        auto key = [](const LoadedItem &r) {
            const BoardItem &i = r.item;
            return QStringList{i.appointment.id, i.appointment.technicianId, i.appointment.workOrderId,
                               QString::number(i.startMs), QString::number(i.endMs), i.appointment.status,
                               QString::number(i.appointment.version), i.summary, i.workOrderType, i.siteId, i.siteName,
                               i.siteAddress, i.customerName, QString::number(i.siteLat), QString::number(i.siteLon),
                               QString::number(i.priority), QString::number(i.hasSla), QString::number(i.slaDueMs),
                               r.workOrder.id, r.site.id}
                .join(QLatin1Char('|'));
        };
        QStringList a, b;
        for (const LoadedItem &r : *joined)
            a << key(r);
        for (const LoadedItem &r : *built)
            b << key(r);
        a.sort();
        b.sort();
        QCOMPARE(b, a);
        QCOMPARE(a.size(), 3); // a1, a2 and the cancelled a3; a4 is history outside the horizon
    }

    void loadsTheHorizonWithLabels_data() { test::addBackendRows(); }
    void loadsTheHorizonWithLabels()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedBoard(*db).ok());
        BoardModel m;
        QSignalSpy reloaded(&m, &BoardModel::reloaded);
        QVERIFY(m.load(*db, test::boardFrom(), test::boardTo()).ok());
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(m.technicians().size(), size_t(3));
        const BoardItem *a1 = m.item(QStringLiteral("a1"));
        QVERIFY(a1);
        QCOMPARE(a1->customerName, QStringLiteral("Acme"));
        QCOMPARE(a1->siteName, QStringLiteral("Plant"));
        QCOMPARE(a1->priority, 2);
        QCOMPARE(a1->startMs, ms("2026-03-02T09:00:00Z"));
        QCOMPARE(m.technicians()[size_t(a1->technician)].technician.name, QStringLiteral("Ana"));
        QCOMPARE(m.technicians()[size_t(a1->technician)].territoryName, QStringLiteral("North"));
        QVERIFY(a1->travelLeadMin >= 0);

        std::vector<int> out;
        const int t1 = m.technicianIndex(QStringLiteral("t1"));
        m.itemsBetween(t1, ms("2026-03-02T09:30:00Z"), ms("2026-03-02T09:40:00Z"), out);
        QCOMPARE(out.size(), size_t(1));
        m.itemsBetween(t1, ms("2026-03-02T10:00:00Z"), ms("2026-03-02T11:00:00Z"), out);
        QVERIFY(out.empty()); // touching at one instant is not inside
        // Utilization: one hour booked in a 9-hour shift.
        QVERIFY(qAbs(m.utilization(t1, ms("2026-03-02T00:00:00Z"), ms("2026-03-03T00:00:00Z")) - 1.0 / 9.0) < 1e-9);
    }

    void conflictsMatchTheEngineAndTheList_data() { test::addBackendRows(); }
    void conflictsMatchTheEngineAndTheList()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedBoard(*db).ok());
        // a2 (electrical technician) on an hvac job: one skill violation.
        QVERIFY(db->execDirect(QStringLiteral("INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w2', 'hvac')")).ok());
        BoardModel m;
        QVERIFY(m.load(*db, test::boardFrom(), test::boardTo()).ok());
        auto snap = scheduling::ScheduleLoader(*db).load(test::boardFrom(), test::boardTo());
        QVERIFY(snap.ok());
        const auto engine = scheduling::ConflictChecker::check(*snap);
        QCOMPARE(m.violations().size(), engine.size());
        QCOMPARE(m.violations().size(), size_t(1));
        QCOMPARE(m.violations().front().kind, scheduling::ViolationKind::Skill);
        QVERIFY(m.item(QStringLiteral("a2"))->violationMask & (1u << unsigned(scheduling::ViolationKind::Skill)));
        ConflictListModel list(&m);
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.index(0, ConflictListModel::TechnicianColumn).data().toString(), QStringLiteral("Bruno"));
        QCOMPARE(list.index(0, ConflictListModel::KindColumn).data().toString(), QStringLiteral("Missing skill"));
    }

    void reloadsOnlyChangedRows_data() { test::addBackendRows(); }
    void reloadsOnlyChangedRows()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedBoard(*db).ok());
        BoardModel m;
        QVERIFY(m.load(*db, test::boardFrom(), test::boardTo()).ok());
        QSignalSpy changed(&m, &BoardModel::techniciansChanged);
        QSignalSpy reloaded(&m, &BoardModel::reloaded);
        // Another console moves a1 to Carla and books a new visit for Bruno.
        auto other = test::openUrl(url);
        QVERIFY(other);
        {
            Transaction tx(*other);
            QVERIFY(other->run(QStringLiteral("UPDATE appointments SET technician_id = 't3', version = version + 1 WHERE id = 'a1'")).ok());
            QVERIFY(other->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) VALUES "
                                              "('a9', 'w4', 't2', '2026-03-03T08:00:00Z', '2026-03-03T09:30:00Z')")).ok());
            QVERIFY(tx.commit().ok());
        }
        const BoardItem before = *m.item(QStringLiteral("a1"));
        QVERIFY(m.refreshAppointments(*db, {QStringLiteral("a1"), QStringLiteral("a9")}).ok());
        QCOMPARE(reloaded.count(), 0); // no full reload
        QCOMPARE(changed.count(), 1);
        QList<int> techs = changed.at(0).at(0).value<QList<int>>();
        std::sort(techs.begin(), techs.end());
        QList<int> expected{m.technicianIndex(QStringLiteral("t1")), m.technicianIndex(QStringLiteral("t2")),
                            m.technicianIndex(QStringLiteral("t3"))};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(techs, expected);
        QCOMPARE(m.itemIndex(QStringLiteral("a1")), m.itemIndex(before.appointment.id)); // same slot, updated in place
        QCOMPARE(m.item(QStringLiteral("a1"))->technician, m.technicianIndex(QStringLiteral("t3")));
        QCOMPARE(m.item(QStringLiteral("a1"))->appointment.version, 2);
        QVERIFY(m.item(QStringLiteral("a9")));
        QCOMPARE(m.item(QStringLiteral("a9"))->customerName, QStringLiteral("Globex"));
        // The conflict index follows: Carla is now busy at a1's time.
        scheduling::ProposedMove probe{QString(), QStringLiteral("t3"), test::utcAt("2026-03-02T09:30:00Z"),
                                       test::utcAt("2026-03-02T10:30:00Z"), QStringLiteral("w3")};
        QCOMPARE(m.verdict({probe}).hard.size(), size_t(1));
        // A deleted row leaves the board.
        {
            Transaction tx(*other);
            QVERIFY(other->run(QStringLiteral("DELETE FROM appointments WHERE id = 'a9'")).ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(m.refreshAppointments(*db, {QStringLiteral("a9")}).ok());
        QVERIFY(m.item(QStringLiteral("a9"))->isRemoved());
        std::vector<int> out;
        m.itemsBetween(m.technicianIndex(QStringLiteral("t2")), ms("2026-03-03T00:00:00Z"), ms("2026-03-04T00:00:00Z"), out);
        QVERIFY(out.empty());
    }

    void rowsGroupFilterAndCollapse()
    {
        auto db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedBoard(*db).ok());
        BoardModel m;
        QVERIFY(m.load(*db, test::boardFrom(), test::boardTo()).ok());
        RowLayout rows;
        rows.rebuild(m.technicians(), {}, {});
        // North (Ana, Bruno), South (Carla).
        QCOMPARE(rows.count(), 5);
        QCOMPARE(rows.row(0).kind, BoardRow::Kind::Group);
        QCOMPARE(rows.row(0).title, QStringLiteral("North"));
        QCOMPARE(rows.row(0).members, 2);
        QCOMPARE(m.technicians()[size_t(rows.row(1).technician)].technician.name, QStringLiteral("Ana"));
        QCOMPARE(rows.row(3).title, QStringLiteral("South"));
        QCOMPARE(rows.totalHeight(), 2 * RowLayout::kGroupHeight + 3 * RowLayout::kRowHeight);
        QCOMPARE(rows.rowAt(0), 0);
        QCOMPARE(rows.rowAt(RowLayout::kGroupHeight), 1);
        QCOMPARE(rows.rowAt(rows.totalHeight()), -1);

        rows.rebuild(m.technicians(), {}, {QStringLiteral("north")});
        QCOMPARE(rows.count(), 3);
        QVERIFY(rows.row(0).collapsed);
        QCOMPARE(rows.rowOfTechnician(m.technicianIndex(QStringLiteral("t1"))), -1);

        BoardFilter f;
        f.skill = QStringLiteral("hvac");
        rows.rebuild(m.technicians(), f, {});
        QCOMPARE(rows.count(), 4); // Ana under North, Carla under South
        f = {};
        f.employment = QStringLiteral("contractor");
        rows.rebuild(m.technicians(), f, {});
        QCOMPARE(rows.count(), 2);
        f = {};
        f.search = QStringLiteral("car");
        rows.rebuild(m.technicians(), f, {});
        QCOMPARE(rows.count(), 2);
        QCOMPARE(rows.row(1).technician, m.technicianIndex(QStringLiteral("t3")));
        f = {};
        f.territoryId = QStringLiteral("south");
        rows.rebuild(m.technicians(), f, {});
        QCOMPARE(rows.count(), 2);
    }

    void timeScaleAndSnapping_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("expected");
        QTest::newRow("15 down") << "2026-03-02T09:07:00Z" << 15 << 0 << "2026-03-02T09:00:00Z";
        QTest::newRow("15 up at half") << "2026-03-02T09:07:30Z" << 15 << 0 << "2026-03-02T09:15:00Z";
        QTest::newRow("5") << "2026-03-02T09:07:00Z" << 5 << 0 << "2026-03-02T09:05:00Z";
        QTest::newRow("30") << "2026-03-02T09:16:00Z" << 30 << 0 << "2026-03-02T09:30:00Z";
        // A zone 5:45 ahead (Kathmandu): 30-minute steps land on local :00 and :30.
        QTest::newRow("30 in +05:45") << "2026-03-02T09:16:00Z" << 30 << (5 * 3600 + 45 * 60) << "2026-03-02T09:15:00Z";
    }
    void timeScaleAndSnapping()
    {
        QFETCH(QString, at);
        QFETCH(int, step);
        QFETCH(int, offset);
        QFETCH(QString, expected);
        QCOMPARE(snapMs(test::utcAt(qPrintable(at)).toMSecsSinceEpoch(), step, offset),
                 test::utcAt(qPrintable(expected)).toMSecsSinceEpoch());
    }

    void scaleMapsBothWays()
    {
        TimeScale s;
        s.setOriginMs(ms("2026-03-01T00:00:00Z"));
        s.fit(1, 1920);
        QCOMPARE(s.pxPerHour(), 80.0);
        QCOMPARE(s.xOfAxis(ms("2026-03-01T12:00:00Z")), 960.0);
        QCOMPARE(s.axisAt(960.0), ms("2026-03-01T12:00:00Z"));
        // On a shared zone's clock the axis is UTC: every row maps the same.
        QCOMPARE(s.xOf(0, ms("2026-03-01T12:00:00Z")), 960.0);
        QCOMPARE(s.msAt(0, 960.0), ms("2026-03-01T12:00:00Z"));
        s.setPxPerHour(100000);
        QCOMPARE(s.pxPerHour(), TimeScale::kMaxPxPerHour);
        QCOMPARE(spanDays(VisibleSpan::TwoWeeks), 14);
    }

    void hitTestFindsBodyAndEdges()
    {
        auto db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedBoard(*db).ok());
        BoardModel m;
        QVERIFY(m.load(*db, test::boardFrom(), test::boardTo()).ok());
        RowLayout rows;
        rows.rebuild(m.technicians(), {}, {});
        TimeScale s;
        s.setOriginMs(m.fromMs());
        s.setPxPerHour(120);
        const BoardGeometry geo(m, rows, s);
        const BoardItem &a1 = *m.item(QStringLiteral("a1"));
        const int r = rows.rowOfTechnician(a1.technician);
        const QRectF bar = geo.barRect(a1, r);
        QCOMPARE(bar.width(), 120.0);
        BoardHit h = geo.hitTest(bar.center(), false);
        QCOMPARE(h.item, m.itemIndex(QStringLiteral("a1")));
        QCOMPARE(h.part, BoardHit::Part::Body);
        QCOMPARE(geo.hitTest(QPointF(bar.left() + 2, bar.center().y()), false).part, BoardHit::Part::LeftEdge);
        QCOMPARE(geo.hitTest(QPointF(bar.right() - 2, bar.center().y()), false).part, BoardHit::Part::RightEdge);
        QCOMPARE(geo.hitTest(QPointF(bar.right() + 30, bar.center().y()), false).item, -1);
        QCOMPARE(geo.hitTest(QPointF(bar.center().x(), 2), false).item, -1); // a group row
    }
};

QTEST_GUILESS_MAIN(TestBoardModel)
#include "tst_board_model.moc"
