// The console's periodic evaluation of the condition rules (ConditionWatch inside the
// ConsoleSession), real databases: on SQLite the console evaluates and the proactive work
// order shows in its table; on the test PostgreSQL server two consoles connected to one
// database open the breach's episode once however often either evaluates, the second
// says another console holds the lease (and whose pid), and takes over when the first
// disconnects; a console that freezes without disconnecting (it stops renewing its lease,
// its connection still open) is taken over once its lease expires, and finds the other
// one evaluating when it comes back. Also the interval setting's bounds.
#include "TestDatabases.h"
#include "conditions/ConditionEvaluation.h"
#include "conditions/ConditionRuleStore.h"
#include "conditions/ConditionWatch.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "session/ConsoleSession.h"
#include "storage/Database.h"
#include "util/Translations.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;
using conditions::ConditionWatch;

namespace {

const QStringList kFixture{
    QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo')"),
    QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200'), ('a2', 's1', 'CH-200')"),
    QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                   "('k1', 'c1', 'Acme 24x7', '2026-01-01', '2026-12-31', 6, '24x7')"),
};

const QByteArray kRule = R"({"id":"r-temp","name":"Chiller warm","asset_model":"CH-200","kind":"threshold",
  "reading_kind":"temperature","comparison":"above","threshold":8,"sustain_minutes":30,"task":"Check the chiller",
  "required_skills":"hvac","duration_min":45,"priority":2})";

const QDateTime kNow = QDateTime(QDate(2026, 3, 2), QTime(13, 0), QTimeZone::utc());

// a1 at 9 °C for the hour before kNow (breached); a2 at 5 °C (clear).
QString readings()
{
    QStringList rows;
    for (int i = 0; i <= 60; ++i) {
        const QString at = kNow.addSecs(-60LL * i).toUTC().toString(Qt::ISODate);
        rows << QStringLiteral("('a1', '%1', 'temperature', 9, '°C')").arg(at) << QStringLiteral("('a2', '%1', 'temperature', 5, '°C')").arg(at);
    }
    return QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) VALUES ") + rows.join(QStringLiteral(", "));
}

int count(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? v->toInt() : -1;
}

bool hasWorkOrder(const ConsoleSession &s, const QString &id)
{
    const WorkOrderTableModel *m = s.workOrders();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, WorkOrderTableModel::IdColumn).data().toString() == id)
            return true;
    return false;
}

} // namespace

class TestConditionWatch : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        for (const QString &sql : kFixture + QStringList{readings()})
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << s.error().message;
                return false;
            }
        conditions::ConditionRuleStore store(*m_db);
        std::optional<workorders::FieldIssue> issue;
        auto rule = store.fromJson(QJsonDocument::fromJson(kRule).object(), issue);
        return rule && store.create(*rule).ok();
    }

    static std::unique_ptr<ConsoleSession> connectedSession(const QString &url)
    {
        auto s = std::make_unique<ConsoleSession>();
        s->setClockOverride(kNow);
        s->setPeriodicRefreshInterval(3600000);
        QSignalSpy refreshed(s.get(), &ConsoleSession::refreshed);
        s->connectTo(*DatabaseUrl::parse(url));
        if (!refreshed.wait(15000))
            return nullptr;
        return s;
    }

    static bool settled(const ConditionWatch *w)
    {
        return !w->isEvaluating() && w->role() != ConditionWatch::Role::Waiting && w->role() != ConditionWatch::Role::Off;
    }

private slots:
    void initTestCase() { installTranslations(*QCoreApplication::instance()); } // "1 work order", not "1 work order(s)"

    void sqliteConsoleEvaluatesAndShowsTheWorkOrder()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        auto s = connectedSession(m_url);
        QVERIFY(s);
        ConditionWatch *w = s->conditionWatch();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 15000);
        QCOMPARE(w->role(), ConditionWatch::Role::ThisConsole);
        QCOMPARE(w->statusText(), QStringLiteral("Condition rules evaluated by this console"));
        QCOMPARE(w->lastReport().opened.size(), 1);
        QVERIFY2(w->statusDetails().contains(QStringLiteral("1 work order opened")), qPrintable(w->statusDetails()));
        const QString id = w->lastReport().opened.front().workOrderId;
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(hasWorkOrder(*s, id), 10000);
        // Again: the breach goes on, nothing new opens.
        w->evaluateNow();
        QTRY_VERIFY_WITH_TIMEOUT(!w->isEvaluating(), 15000);
        QCOMPARE(w->lastReport().opened.size(), 0);
        QCOMPARE(w->lastReport().continued.size(), 1);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes")), 1);
        s->disconnectFromDatabase();
        QCOMPARE(w->role(), ConditionWatch::Role::Off);
        QVERIFY(!w->isRunning());
    }

    void twoConsolesOnPostgresOpenTheEpisodeOnce()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        auto first = connectedSession(m_url);
        QVERIFY(first);
        QTRY_VERIFY_WITH_TIMEOUT(settled(first->conditionWatch()), 15000);
        QCOMPARE(first->conditionWatch()->role(), ConditionWatch::Role::ThisConsole);
        QCOMPARE(first->conditionWatch()->lastReport().opened.size(), 1);
        const QString id = first->conditionWatch()->lastReport().opened.front().workOrderId;

        auto second = connectedSession(m_url);
        QVERIFY(second);
        ConditionWatch *w2 = second->conditionWatch();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w2), 15000);
        QCOMPARE(w2->role(), ConditionWatch::Role::OtherConsole);
        QCOMPARE(w2->statusText(), QStringLiteral("Condition rules evaluated by another console"));
        QVERIFY2(w2->holder().startsWith(QStringLiteral("pid ")), qPrintable(w2->holder()));
        QVERIFY2(w2->holder().contains(QStringLiteral("console on")), qPrintable(w2->holder()));
        QVERIFY2(w2->statusDetails().contains(w2->holder()), qPrintable(w2->statusDetails()));
        // The work order the first console opened is in the second one's table too.
        QTRY_VERIFY_WITH_TIMEOUT(hasWorkOrder(*second, id), 15000);

        // Both evaluate, again and again, at the same time: still one episode, one work order.
        for (int round = 0; round < 3; ++round) {
            first->conditionWatch()->evaluateNow();
            w2->evaluateNow();
            QTRY_VERIFY_WITH_TIMEOUT(!first->conditionWatch()->isEvaluating() && !w2->isEvaluating(), 15000);
            QCOMPARE(first->conditionWatch()->role(), ConditionWatch::Role::ThisConsole);
            QCOMPARE(w2->role(), ConditionWatch::Role::OtherConsole);
        }
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes")), 1);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM work_orders")), 1);
        // While the first console's lease lasts, an evaluation of the CLI's is refused and names it.
        auto cli = conditions::ConditionEvaluation(*m_db).run(kNow, false);
        QVERIFY(cli);
        QVERIFY2(cli->lockedBy.contains(QStringLiteral("console on")), qPrintable(cli->lockedBy));
        QCOMPARE(cli->evaluatedRules, 0);

        // The first console goes away: the second takes over at its next evaluation.
        // (The server ends the first one's backend a moment after its connection closes.)
        first->disconnectFromDatabase();
        for (int attempt = 0; attempt < 40 && w2->role() != ConditionWatch::Role::ThisConsole; ++attempt) {
            w2->evaluateNow();
            QTRY_VERIFY_WITH_TIMEOUT(!w2->isEvaluating(), 15000);
            if (w2->role() != ConditionWatch::Role::ThisConsole)
                QTest::qWait(250);
        }
        QCOMPARE(w2->role(), ConditionWatch::Role::ThisConsole);
        QCOMPARE(w2->lastReport().opened.size(), 0);
        QCOMPARE(w2->lastReport().continued.size(), 1);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes")), 1);
    }

    void frozenConsoleLosesTheLeaseOnPostgres()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        const DatabaseUrl url = *DatabaseUrl::parse(m_url);
        ConditionWatch first, second;
        for (ConditionWatch *w : {&first, &second}) {
            w->setClock([] { return kNow; });
            w->setIntervalMs(1000); // a lease of 2 s
        }
        first.start(url);
        QTRY_VERIFY_WITH_TIMEOUT(settled(&first), 15000);
        QCOMPARE(first.role(), ConditionWatch::Role::ThisConsole);
        QCOMPARE(first.lastReport().opened.size(), 1);
        second.start(url);
        QTRY_VERIFY_WITH_TIMEOUT(settled(&second), 15000);
        QCOMPARE(second.role(), ConditionWatch::Role::OtherConsole);
        QVERIFY2(second.holder().startsWith(QStringLiteral("pid ")) && second.holder().contains(QStringLiteral("console on")),
                 qPrintable(second.holder()));
        // Renewed at each turn: a few of the second's turns later the first still holds it.
        QTest::qWait(2500);
        QCOMPARE(second.role(), ConditionWatch::Role::OtherConsole);
        QCOMPARE(first.role(), ConditionWatch::Role::ThisConsole);

        // The first freezes: its timer no longer fires, its connection stays open.
        first.setIntervalMs(3600000);
        QElapsedTimer frozen;
        frozen.start();
        QTRY_VERIFY_WITH_TIMEOUT(second.role() == ConditionWatch::Role::ThisConsole, 15000);
        QVERIFY2(frozen.elapsed() >= 1000, qPrintable(QString::number(frozen.elapsed()))); // not before the lease ran out
        QCOMPARE(second.lastReport().opened.size(), 0);
        QCOMPARE(second.lastReport().continued.size(), 1);

        // The first comes back: the second holds the lease now, and the first says so.
        first.evaluateNow();
        QTRY_VERIFY_WITH_TIMEOUT(!first.isEvaluating(), 15000);
        QCOMPARE(first.role(), ConditionWatch::Role::OtherConsole);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes")), 1);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM work_orders")), 1);

        // The second stops: it gives the lease back, and the first takes it at its next turn.
        second.stop();
        first.evaluateNow();
        QTRY_VERIFY_WITH_TIMEOUT(!first.isEvaluating(), 15000);
        QCOMPARE(first.role(), ConditionWatch::Role::ThisConsole);
        first.stop();
        // Nobody holds it: the CLI evaluates.
        auto cli = conditions::ConditionEvaluation(*m_db).run(kNow, false);
        QVERIFY(cli);
        QCOMPARE(cli->lockedBy, QString());
        QCOMPARE(cli->evaluatedRules, 1);
    }

    void intervalIsWholeMinutesAtLeastOne()
    {
        ConditionWatch w;
        QCOMPARE(w.intervalMinutes(), ConditionWatch::kDefaultIntervalMinutes);
        w.setIntervalMinutes(0);
        QCOMPARE(w.intervalMinutes(), 1);
        w.setIntervalMinutes(30);
        QCOMPARE(w.intervalMinutes(), 30);
        QCOMPARE(w.role(), ConditionWatch::Role::Off);
        QCOMPARE(w.statusText(), QString());
    }
};

QTEST_MAIN(TestConditionWatch)
#include "tst_condition_watch.moc"
