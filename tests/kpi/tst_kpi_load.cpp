// How the KPI read gets its rows, checked against what the formulas must see. On
// PostgreSQL the read runs on two connections sharing a snapshot (KpiParallelLoad); it
// must bring back exactly what one connection inside a transaction reads, including work
// orders that are completed or rated in the period but due outside it, whose ids travel
// in an array literal and may hold any character. The links the loader fills (each
// appointment's and rating's work order) must give the same report as looking ids up.
#include "KpiFixture.h"
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>
#include <algorithm>

using namespace fieldops;

namespace {

const kpi::KpiPeriod kPeriod{QDate(2026, 3, 2), QDate(2026, 3, 3), QTimeZone::utc()};

// Ids that break a naive array literal or a naive SQL string.
const QStringList kOddIds{QStringLiteral("w\"quoted\""), QStringLiteral("w\\back,slash"), QStringLiteral("{NULL}"),
                          QStringLiteral("w' OR '1'='1"), QStringLiteral("NULL")};

// Each odd work order: due a week after the period, its one visit by t1 completed and
// resolved inside it at first attempt, and rated 3 in it.
bool addOddWorkOrders(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return false;
    int n = 0;
    for (const QString &id : kOddIds) {
        // Evenings, one hour each, never overlapping: 18:00, 19:00 and 20:00 on alternate days.
        const QString day = QStringLiteral("2026-03-0%1T").arg(2 + n % 2);
        auto at = [&](int hour) { return day + QStringLiteral("%1:00:00Z").arg(hour); };
        const int hour = 18 + n / 2;
        const QString aid = QStringLiteral("odd-a%1").arg(n++);
        if (!db.run(QStringLiteral("INSERT INTO work_orders(id, site_id, type, duration_min, created_at, sla_due) "
                                   "VALUES (?, 's1', 'inspection', 60, '2026-03-01T08:00:00Z', '2026-03-10T08:00:00Z')"),
                    {id}).ok()
            || !db.run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, "
                                      "arrived_at, completed_at, resolved) VALUES (?, ?, 't1', ?, ?, 'completed', ?, ?, ?)"),
                       {aid, id, at(hour), at(hour + 1), at(hour), at(hour + 1), true}).ok()
            || !db.run(QStringLiteral("INSERT INTO ratings(work_order_id, score, rated_at, comment) VALUES (?, 3, ?, '')"),
                       {id, at(hour + 2)}).ok())
            return false;
    }
    return tx.commit().ok();
}

// The KPI fixture plus the odd work orders; nullptr (with the reason logged) on failure.
std::unique_ptr<Database> fixtureWithOddIds(const QString &backend)
{
    auto db = test::freshDatabase(backend);
    if (!db) {
        qWarning() << test::lastError();
        return nullptr;
    }
    if (!test::loadKpiFixture(*db) || !addOddWorkOrders(*db)) {
        qWarning() << "the fixture could not be written";
        return nullptr;
    }
    return db;
}

// The report as text: equal texts, equal reports.
QByteArray reportText(const kpi::KpiReport &r)
{
    QJsonArray techs;
    for (const kpi::TechnicianKpis &t : r.byTechnician)
        techs.append(QJsonObject{{QStringLiteral("id"), t.technicianId}, {QStringLiteral("kpis"), t.kpis.toJson()}});
    QJsonArray ratings;
    for (const kpi::AttributedRating &a : r.ratings)
        ratings.append(QStringLiteral("%1|%2|%3|%4").arg(a.workOrderId, a.technicianId).arg(a.score).arg(a.ratedMs));
    return QJsonDocument(QJsonObject{{QStringLiteral("overall"), r.overall.toJson()},
                                     {QStringLiteral("technicians"), techs},
                                     {QStringLiteral("ratings"), ratings}})
        .toJson(QJsonDocument::Compact);
}

QStringList sortedIds(const kpi::KpiInputs &in)
{
    QStringList ids;
    for (const kpi::WorkOrderIn &w : in.workOrders)
        ids << w.id;
    ids.sort();
    return ids;
}

// Every link points at the work order its id names.
bool linksAgree(const kpi::KpiInputs &in)
{
    if (in.appointmentWorkOrder.size() != in.appointments.size() || in.ratingWorkOrder.size() != in.ratings.size())
        return false;
    for (size_t i = 0; i < in.appointments.size(); ++i) {
        const int w = in.appointmentWorkOrder[i];
        if (w < 0 || in.workOrders[size_t(w)].id != in.appointments[i].workOrderId)
            return false;
    }
    for (size_t i = 0; i < in.ratings.size(); ++i) {
        const int w = in.ratingWorkOrder[i];
        if (w >= 0 ? in.workOrders[size_t(w)].id != in.ratings[i].workOrderId
                   : std::any_of(in.workOrders.begin(), in.workOrders.end(),
                                 [&](const kpi::WorkOrderIn &o) { return o.id == in.ratings[i].workOrderId; }))
            return false;
    }
    return true;
}

} // namespace

class TestKpiLoad : public QObject {
    Q_OBJECT
private slots:
    void workOrdersNotDueInThePeriod_data() { test::addBackendRows(); }
    void workOrdersNotDueInThePeriod()
    {
        QFETCH(QString, backend);
        auto db = fixtureWithOddIds(backend);
        QVERIFY(db);
        auto in = kpi::loadKpiInputs(*db, kPeriod);
        QVERIFY2(in, qPrintable(in ? QString() : in.error().message));
        for (const QString &id : kOddIds)
            QVERIFY2(sortedIds(*in).contains(id), qPrintable(id));
        // w4 is rated in the period but due after it; w1–w3 are due in it.
        QCOMPARE(sortedIds(*in), (QStringList{QStringLiteral("NULL"), QStringLiteral("w\"quoted\""), QStringLiteral("w' OR '1'='1"),
                                              QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w3"), QStringLiteral("w4"),
                                              QStringLiteral("w\\back,slash"), QStringLiteral("{NULL}")}));
        QVERIFY(linksAgree(*in));
        // The fixture's 2 closures (1 first-time fix) plus 5 first-time fixes by t1; its
        // two ratings in the period (5 and 2) plus five 3s.
        const kpi::KpiValues v = kpi::computeKpis(*in).overall;
        QCOMPARE(v.value(QStringLiteral("work_orders_closed")).value_or(-1), 7.0);
        QVERIFY(qFuzzyCompare(v.value(QStringLiteral("first_time_fix_rate")).value_or(-1), 6.0 / 7));
        QCOMPARE(v.value(QStringLiteral("ratings_count")).value_or(-1), 7.0);
        QVERIFY(qFuzzyCompare(v.value(QStringLiteral("avg_rating")).value_or(-1), 22.0 / 7));
    }

    // PostgreSQL: two connections on one snapshot read what one connection reads.
    void parallelReadEqualsOneConnection()
    {
        auto db = fixtureWithOddIds(QStringLiteral("postgres"));
        QVERIFY(db);
        for (const char *zone : {"UTC", "America/Sao_Paulo", "Asia/Tokyo"}) {
            const kpi::KpiPeriod period{QDate(2026, 3, 1), QDate(2026, 3, 3), QTimeZone(zone)};
            auto parallel = kpi::loadKpiInputs(*db, period);
            QVERIFY2(parallel, qPrintable(parallel ? QString() : parallel.error().message));
            Result<kpi::KpiInputs> single = Error::other(QStringLiteral("not read"));
            {
                Transaction tx(*db); // inside a caller's transaction the read stays on this connection
                QVERIFY(tx.status());
                single = kpi::loadKpiInputs(*db, period);
            }
            QVERIFY2(single, qPrintable(single ? QString() : single.error().message));
            QCOMPARE(sortedIds(*parallel), sortedIds(*single));
            QCOMPARE(parallel->appointments.size(), single->appointments.size());
            QCOMPARE(parallel->ratings.size(), single->ratings.size());
            QCOMPARE(parallel->timeEntries.size(), single->timeEntries.size());
            QCOMPARE(parallel->technicians.size(), single->technicians.size());
            QCOMPARE(parallel->absences.size(), single->absences.size());
            QVERIFY(linksAgree(*parallel));
            QVERIFY(linksAgree(*single));
            QCOMPARE(reportText(kpi::computeKpis(*parallel)), reportText(kpi::computeKpis(*single)));
        }
    }

    // Managers and dispatchers log in with their own roles: the second connection and the
    // snapshot it imports need no privilege beyond reading, and they see what the owner
    // sees. A role limited to one connection reads everything on it.
    void rolesReadTheSameFigures()
    {
        QString url;
        auto owner = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(owner, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*owner));
        QVERIFY(addOddWorkOrders(*owner));
        const QString dbName = url.section(QLatin1Char('/'), -1);
        const QByteArray expected = reportText(kpi::computeKpis(*kpi::loadKpiInputs(*owner, kPeriod)));
        // load_solo may hold one connection only: the read must not need a second one.
        for (const auto &[login, role] : {std::pair{"load_maria", "manager"}, std::pair{"load_ana", "dispatcher"},
                                          std::pair{"load_solo", "manager"}}) {
            QProcess p;
            p.start(qEnvironmentVariable("FIELDOPS_CLI"), {QStringLiteral("--db"), url, QStringLiteral("user"), QStringLiteral("add"),
                                                           QString::fromLatin1(login), QStringLiteral("--role"), QString::fromLatin1(role)});
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            if (QLatin1String(login) == QLatin1String("load_solo"))
                QVERIFY(owner->execDirect(QStringLiteral("ALTER ROLE load_solo CONNECTION LIMIT 1")).ok());
            auto db = test::openUrl(test::PgTestServer::shared()->urlFor(dbName, QString::fromLatin1(login)));
            QVERIFY2(db, qPrintable(test::lastError()));
            auto in = kpi::loadKpiInputs(*db, kPeriod);
            QVERIFY2(in, qPrintable(in ? QString() : in.error().message));
            QVERIFY(linksAgree(*in));
            QCOMPARE(reportText(kpi::computeKpis(*in)), expected);
        }
    }

    // The links are a shortcut, not a second meaning: dropping them changes nothing.
    void linksGiveTheSameReport_data() { test::addBackendRows(); }
    void linksGiveTheSameReport()
    {
        QFETCH(QString, backend);
        auto db = fixtureWithOddIds(backend);
        QVERIFY(db);
        auto in = kpi::loadKpiInputs(*db, kPeriod);
        QVERIFY(in);
        QVERIFY(!in->appointmentWorkOrder.empty());
        const QByteArray linked = reportText(kpi::computeKpis(*in));
        kpi::KpiInputs unlinked = *in;
        unlinked.appointmentWorkOrder.clear();
        unlinked.ratingWorkOrder.clear();
        QCOMPARE(reportText(kpi::computeKpis(unlinked)), linked);
        QVERIFY(linked.contains("\"work_orders_closed\":7"));
    }

    // A failed read says why and leaves nothing half-read behind: the same connection
    // reads again afterwards.
    void badPeriodIsRefused_data() { test::addBackendRows(); }
    void badPeriodIsRefused()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        auto bad = kpi::loadKpiInputs(*db, kpi::KpiPeriod{QDate(2026, 3, 3), QDate(2026, 3, 2), QTimeZone::utc()});
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("start date")));
        auto good = kpi::loadKpiInputs(*db, kPeriod);
        QVERIFY(good);
        QCOMPARE(good->workOrders.size(), size_t(4));
        QVERIFY(!db->inTransaction());
        QVERIFY(db->run(QStringLiteral("INSERT INTO territories(id, name) VALUES ('east', 'Leste')")).ok()); // not left read-only
    }
};

QTEST_GUILESS_MAIN(TestKpiLoad)
#include "tst_kpi_load.moc"
