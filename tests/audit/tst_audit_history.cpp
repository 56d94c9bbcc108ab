// The inspector's history model after real edits, on both backends: who changed what,
// when, before → after with readable names (São Paulo time, technician names, status
// words), newest first, loaded through the console session's worker thread; and the
// filter that narrows it to the work order or one visit.
#include "AuditFixture.h"
#include "TestDatabases.h"
#include "audit/AuditHistoryFilter.h"
#include "audit/AuditHistoryModel.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "repositories/AppointmentWriter.h"
#include "repositories/WorkOrderRepository.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "util/TimeFormat.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

namespace {
QDateTime utc(const char *iso) { return timefmt::parseIsoWithOffset(QString::fromLatin1(iso)); }

QStringList row(const QAbstractItemModel &m, int r)
{
    QStringList cells;
    for (int c = AuditHistoryModel::Who; c < AuditHistoryModel::ColumnCount; ++c)
        cells << m.index(r, c).data().toString();
    return cells;
}

// Ana moves a1 to 14:00 São Paulo, then marks it on site; Caio schedules the work order.
bool editAsOthers(const QString &url)
{
    auto ana = test::openAs(url, QStringLiteral("Ana"));
    auto caio = test::openAs(url, QStringLiteral("Caio"));
    if (!ana || !caio)
        return false;
    {
        Transaction tx(*ana);
        AppointmentWriter w(*ana);
        if (!w.setInterval(QStringLiteral("a1"), 1, QStringLiteral("t2"), utc("2026-03-02T17:00:00Z"), utc("2026-03-02T18:00:00Z")))
            return false;
        if (!w.setStatus(QStringLiteral("a1"), 2, QStringLiteral("on_site")))
            return false;
        if (!tx.commit())
            return false;
    }
    return WorkOrderRepository(*caio).updateStatus(QStringLiteral("w1"), 1, QStringLiteral("scheduled")).ok();
}
} // namespace

class TestAuditHistory : public QObject {
    Q_OBJECT

private slots:
    void historyAfterRealEdits_data() { test::addBackendRows(); }
    void historyAfterRealEdits()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedAuditSchedule(*db).ok());
        QVERIFY(editAsOthers(url));

        auto loaded = AuditHistoryModel::load(*db, QStringLiteral("w1"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        AuditHistoryModel model;
        model.setTimeZone(QTimeZone(QByteArrayLiteral("America/Sao_Paulo")));
        model.setHistory(std::move(loaded).value());
        const QString seeder = db->actor();
        // Newest first; one row per changed field, version and id left out.
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(row(model, 0), (QStringList{QStringLiteral("Caio"), QStringLiteral("work order"), QStringLiteral("status"),
                                             WorkOrderTableModel::statusText(QStringLiteral("open")),
                                             WorkOrderTableModel::statusText(QStringLiteral("scheduled"))}));
        QCOMPARE(row(model, 1), (QStringList{QStringLiteral("Ana"), QStringLiteral("visit a1"), QStringLiteral("status"),
                                             QStringLiteral("scheduled"), QStringLiteral("on site")}));
        QStringList moved;
        for (int r = 2; r <= 4; ++r)
            moved << row(model, r).join(QLatin1Char('|'));
        QVERIFY2(moved.contains(QStringLiteral("Ana|visit a1|technician|Nina|Otto")), qPrintable(moved.join(QLatin1Char('\n'))));
        QVERIFY2(moved.contains(QStringLiteral("Ana|visit a1|start|2 Mar 06:00|2 Mar 14:00")), qPrintable(moved.join(QLatin1Char('\n'))));
        QVERIFY2(moved.contains(QStringLiteral("Ana|visit a1|end|2 Mar 07:00|2 Mar 15:00")), qPrintable(moved.join(QLatin1Char('\n'))));
        QCOMPARE(row(model, 5), (QStringList{seeder, QStringLiteral("visit a1"), QStringLiteral("created"), QString(), QString()}));
        QCOMPARE(row(model, 6), (QStringList{seeder, QStringLiteral("work order"), QStringLiteral("created"), QString(), QString()}));
        QVERIFY(!model.index(0, AuditHistoryModel::When).data().toString().isEmpty());
        QCOMPARE(model.headerData(AuditHistoryModel::Before, Qt::Horizontal).toString(), QStringLiteral("Before"));

        AuditHistoryFilter filter;
        filter.setSourceModel(&model);
        filter.showWorkOrderOnly();
        QCOMPARE(filter.rowCount(), 2);
        filter.showAppointment(QStringLiteral("a1"));
        QCOMPARE(filter.rowCount(), 5);
        filter.showAppointment(QStringLiteral("nope"));
        QCOMPARE(filter.rowCount(), 0);
        filter.showAll();
        QCOMPARE(filter.rowCount(), 7);
    }

    void sessionLoadsTheSelectedWorkOrdersHistory_data() { test::addBackendRows(); }
    void sessionLoadsTheSelectedWorkOrdersHistory()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedAuditSchedule(*db).ok());

        ConsoleSession session;
        QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
        session.connectTo(*DatabaseUrl::parse(url));
        QVERIFY(refreshed.wait(15000));
        AuditHistoryModel *history = session.auditHistory();
        QCOMPARE(history->rowCount(), 0);
        session.selection()->selectWorkOrder(QStringLiteral("w1"));
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, 10000);
        QCOMPARE(history->workOrderId(), QStringLiteral("w1"));

        // Another console's edit reaches the history through the change feed.
        QVERIFY(editAsOthers(url));
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 7, 15000);
        QCOMPARE(history->index(0, AuditHistoryModel::Who).data().toString(), QStringLiteral("Caio"));

        session.selection()->selectWorkOrder(QString());
        QTRY_COMPARE(history->rowCount(), 0);
    }
};

int main(int argc, char **argv)
{
    qputenv("TZ", "America/Sao_Paulo");
    QCoreApplication app(argc, argv);
    TestAuditHistory t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_audit_history.moc"
