// `fieldops-cli infer-arrivals` and the code under it (ArrivalInferenceWriter,
// StatusDiscrepancies) on both backends: a day of three visits whose positions tell an
// early tap, a visit nobody tapped and a tap where the phone never was (but not one in a gap
// of the phone's track). The inferred times land on the appointments with their versions
// bumped and in the audit log; a second run writes nothing; a dry run and every bad option
// leave the database as it was.
#include "../itemmodels/WorkOrderFixture.h"
#include "CliRunner.h"
#include "TestDatabases.h"

#include "field/ArrivalInferenceWriter.h"
#include "field/StatusDiscrepancies.h"
#include "util/TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

QVariant value(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

QString instant(Database &db, const QString &column, const QString &appointment)
{
    auto v = db.scalar(QStringLiteral("SELECT %1 FROM appointments WHERE id = ?").arg(column), {appointment});
    if (!v)
        return v.error().message;
    return v->isNull() ? QStringLiteral("null") : timefmt::toIsoUtc(timefmt::fromSql(*v));
}

int version(Database &db, const QString &appointment)
{
    return value(db, QStringLiteral("SELECT version FROM appointments WHERE id = ?"), {appointment}).toInt();
}

// A fix a minute from `from` to `to` (inclusive, HH:MM on 2026-03-02) at one place.
QString parked(const char *tech, int fromMin, int toMin, double lat, double lon)
{
    QStringList rows;
    for (int m = fromMin; m <= toMin; ++m)
        rows << QStringLiteral("('%1', '2026-03-02T%2:%3:00Z', %4, %5)")
                    .arg(QString::fromLatin1(tech))
                    .arg(m / 60, 2, 10, QLatin1Char('0'))
                    .arg(m % 60, 2, 10, QLatin1Char('0'))
                    .arg(lat, 0, 'f', 6)
                    .arg(lon, 0, 'f', 6);
    return QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon) VALUES ") + rows.join(QStringLiteral(", "));
}

constexpr int hm(int h, int m) { return h * 60 + m; }

QJsonObject json(const CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

QStringList kinds(const QJsonObject &o)
{
    QStringList out;
    for (const QJsonValue &d : o.value(QStringLiteral("discrepancies")).toArray())
        out << d[QStringLiteral("appointment_id")].toString() + QLatin1Char(' ') + d[QStringLiteral("kind")].toString();
    return out;
}

} // namespace

class TestInferArrivals : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    // The fixture's Ana (t1) and Bruno (t2), their clocks in UTC, on 2026-03-02:
    //   ap5 Ana at Acme Plant (s1) 09:00–10:00: tapped on site 08:50, the phone there 09:10–10:00;
    //       outcome departed 10:05 (within the tolerance).
    //   ap6 Ana at Beta HQ (s2) 13:00–14:00: tapped on site 13:05 and completed, the phone 11 km away.
    //   ap1 Bruno at Beta HQ 11:00–12:30 (the fixture's): no tap, the phone there 11:20–12:40.
    bool open(const QString &backend)
    {
        const QStringList rows{
            QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, departed_at, completed_at) VALUES "
                           "('ap5', 'w1', 't1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'completed', '2026-03-02T08:50:00Z', "
                           "'2026-03-02T10:05:00Z', '2026-03-02T10:05:00Z'), "
                           "('ap6', 'w2', 't1', '2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z', 'completed', '2026-03-02T13:05:00Z', NULL, "
                           "'2026-03-02T13:50:00Z')"),
            parked("t1", hm(8, 0), hm(8, 59), -23.55, -46.60), parked("t1", hm(9, 10), hm(10, 0), -23.55, -46.63),
            parked("t1", hm(10, 1), hm(15, 0), -23.55, -46.60), parked("t2", hm(11, 0), hm(11, 19), -23.58, -46.66),
            parked("t2", hm(11, 20), hm(12, 40), -23.60, -46.70), parked("t2", hm(12, 41), hm(13, 30), -23.58, -46.66)};
        m_db = test::openFixtureDatabase(backend, &m_url, rows);
        return m_db != nullptr;
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void infersWritesAndLists_data() { test::addBackendRows(); }
    void infersWritesAndLists()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const qint64 changesBefore = value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'appointments'")).toLongLong();

        const CliRun r = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(o.value(QStringLiteral("visits")).toInt(), 3); // the cancelled ap4 and other days' visits are not counted
        QCOMPARE(o.value(QStringLiteral("arrived")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("departed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("changed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("dry_run")).toBool(), false);
        QCOMPARE(kinds(o), (QStringList{QStringLiteral("ap5 arrival_differs"), QStringLiteral("ap6 tap_without_presence"),
                                         QStringLiteral("ap1 arrival_not_tapped"), QStringLiteral("ap1 not_completed")}));
        const QJsonArray list = o.value(QStringLiteral("discrepancies")).toArray();
        QCOMPARE(list[0][QStringLiteral("tapped")].toString(), QStringLiteral("2026-03-02T08:50:00Z"));
        QCOMPARE(list[0][QStringLiteral("inferred")].toString(), QStringLiteral("2026-03-02T09:10:00Z"));
        QCOMPARE(list[0][QStringLiteral("explanation")].toString(), QStringLiteral("tapped on site at 08:50, 20 min before the phone arrived at 09:10"));
        QCOMPARE(list[1][QStringLiteral("explanation")].toString(), QStringLiteral("tapped on site at 13:05 but the phone was never at the site that day"));
        QVERIFY(list[1][QStringLiteral("inferred")].isNull());
        QCOMPARE(list[2][QStringLiteral("explanation")].toString(), QStringLiteral("the phone arrived at 11:20 but no on-site status was sent"));
        QVERIFY(list[2][QStringLiteral("tapped")].isNull());
        QCOMPARE(list[3][QStringLiteral("explanation")].toString(), QStringLiteral("the phone left at 12:40 but the visit is not completed (status scheduled)"));

        QCOMPARE(instant(*m_db, QStringLiteral("inferred_arrived_at"), QStringLiteral("ap5")), QStringLiteral("2026-03-02T09:10:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("inferred_departed_at"), QStringLiteral("ap5")), QStringLiteral("2026-03-02T10:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("inferred_arrived_at"), QStringLiteral("ap1")), QStringLiteral("2026-03-02T11:20:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("inferred_departed_at"), QStringLiteral("ap1")), QStringLiteral("2026-03-02T12:40:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("inferred_arrived_at"), QStringLiteral("ap6")), QStringLiteral("null"));
        // The taps are left as they were.
        QCOMPARE(instant(*m_db, QStringLiteral("arrived_at"), QStringLiteral("ap5")), QStringLiteral("2026-03-02T08:50:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("arrived_at"), QStringLiteral("ap1")), QStringLiteral("null"));
        // Written like every appointment write: version bumped, in the change feed and the audit log.
        QCOMPARE(version(*m_db, QStringLiteral("ap5")), 2);
        QCOMPARE(version(*m_db, QStringLiteral("ap1")), 2);
        QCOMPARE(version(*m_db, QStringLiteral("ap6")), 1);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'appointments'")).toLongLong(), changesBefore + 2);
        auto audit = m_db->run(QStringLiteral("SELECT new_values FROM audit_log WHERE entity = 'appointments' AND entity_id = 'ap1' AND op = 'update'"));
        QVERIFY(audit);
        QVERIFY(audit->next());
        const QJsonObject after = QJsonDocument::fromJson(audit->value(0).toString().toUtf8()).object();
        audit->finish();
        QCOMPARE(timefmt::parseIsoWithOffset(after.value(QStringLiteral("inferred_arrived_at")).toString()),
                 timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T11:20:00Z")));

        // The same day again: nothing changed, nothing written.
        const QString dump = test::dumpDatabase(*m_db);
        const CliRun again = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(json(again).value(QStringLiteral("changed")).toInt(), 0);
        QCOMPARE(kinds(json(again)).size(), 4);
        QCOMPARE(test::dumpDatabase(*m_db), dump);

        // The stored times give the console the same list.
        auto stored = field::discrepanciesForDay(*m_db, QDate(2026, 3, 2));
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QStringList storedKinds;
        for (const field::StatusDiscrepancy &d : *stored)
            storedKinds << d.appointmentId + QLatin1Char(' ') + field::discrepancyKindName(d.kind);
        QCOMPARE(storedKinds, kinds(o));

        // A dwell longer than either stay: the inferred times go again.
        const CliRun longer = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"),
                                             QStringLiteral("--dwell"), QStringLiteral("90"), QStringLiteral("--json")});
        QCOMPARE(longer.exitCode, 0);
        QCOMPARE(json(longer).value(QStringLiteral("arrived")).toInt(), 0);
        QCOMPARE(json(longer).value(QStringLiteral("changed")).toInt(), 2);
        QCOMPARE(instant(*m_db, QStringLiteral("inferred_arrived_at"), QStringLiteral("ap1")), QStringLiteral("null"));
        QCOMPARE(version(*m_db, QStringLiteral("ap1")), 3);
    }

    void toleranceAndTechnicianAndText_data() { test::addBackendRows(); }
    void toleranceAndTechnicianAndText()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        // 20 minutes early is within a 30-minute tolerance; only Ana's visits.
        const CliRun r = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--tolerance"),
                                        QStringLiteral("30"), QStringLiteral("--technician"), QStringLiteral("t1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("2026-03-02: 2 visits; inferred arrival for 1, departure for 1; 1 changed\n"
                                       "Discrepancies (1):\n"
                                       "  ap6  t1  tap_without_presence: tapped on site at 13:05 but the phone was never at the site that day\n"));
        QCOMPARE(instant(*m_db, QStringLiteral("inferred_arrived_at"), QStringLiteral("ap1")), QStringLiteral("null"));

        // A wider fence and a radius given in decimals: Ana's parking 3 km away still is not at the site.
        const CliRun wide = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"),
                                           QStringLiteral("--radius"), QStringLiteral("400.5"), QStringLiteral("--json")});
        QCOMPARE(wide.exitCode, 0);
        QCOMPARE(json(wide).value(QStringLiteral("arrived")).toInt(), 2);
    }

    void dryRunWritesNothing_data() { test::addBackendRows(); }
    void dryRunWritesNothing()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun r = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("2026-03-02: 3 visits; inferred arrival for 2, departure for 2; 2 changed (dry run: nothing written)\n")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Discrepancies (4):")));
        QCOMPARE(test::dumpDatabase(*m_db), before);
    }

    void badInputExits2AndChangesNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QList<std::tuple<const char *, QStringList, QString>> cases{
            {"no date", {}, QStringLiteral("infer-arrivals needs --date")},
            {"impossible date", {QStringLiteral("--date"), QStringLiteral("2026-02-30")}, QStringLiteral("--date: \"2026-02-30\" is not a date YYYY-MM-DD")},
            {"date the other way round", {QStringLiteral("--date"), QStringLiteral("02/03/2026")}, QStringLiteral("--date: \"02/03/2026\" is not a date YYYY-MM-DD")},
            {"radius not a number", {QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--radius"), QStringLiteral("wide")},
             QStringLiteral("--radius: \"wide\" is not a number of metres from 10 to 5000")},
            {"radius too small", {QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--radius"), QStringLiteral("5")},
             QStringLiteral("--radius: \"5\" is not a number of metres from 10 to 5000")},
            {"dwell of zero", {QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--dwell"), QStringLiteral("0")},
             QStringLiteral("--dwell: \"0\" is not a whole number of minutes from 1 to 240")},
            {"negative tolerance", {QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--tolerance"), QStringLiteral("-1")},
             QStringLiteral("--tolerance: \"-1\" is not a whole number of minutes from 0 to 1440")},
            {"an argument", {QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("today")},
             QStringLiteral("infer-arrivals takes no arguments besides its options (got \"today\")")},
        };
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")})
            for (const auto &[name, args, message] : cases)
                QTest::addRow("%s %s", qPrintable(backend), name) << backend << args << message;
    }
    void badInputExits2AndChangesNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun r = runCli(m_url, QStringList{QStringLiteral("infer-arrivals")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(test::dumpDatabase(*m_db), before);
    }

    // A GPS gap around ap6's tap (13:05): Ana's phone says nothing from 12:30 to 13:45, so
    // where it was at the tap is unknown and the tap is no discrepancy, in the CLI's list
    // and in the one read back from the stored times. A maximum gap that bridges it
    // (--max-gap 90) makes the track cover the tap again.
    void aTapInAGapOfTheTrackIsNoDiscrepancy_data() { test::addBackendRows(); }
    void aTapInAGapOfTheTrackIsNoDiscrepancy()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QVERIFY(m_db->execDirect(QStringLiteral("DELETE FROM positions WHERE technician_id = 't1' "
                                                "AND at > '2026-03-02T12:29:00Z' AND at < '2026-03-02T13:46:00Z'")).ok());
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM positions WHERE technician_id = 't1' AND at > '2026-03-02T12:29:00Z' "
                                             "AND at < '2026-03-02T13:46:00Z'")).toInt(), 0);
        const QStringList others{QStringLiteral("ap5 arrival_differs"), QStringLiteral("ap1 arrival_not_tapped"),
                                 QStringLiteral("ap1 not_completed")};

        const CliRun r = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(kinds(json(r)), others);

        auto stored = field::discrepanciesForDay(*m_db, QDate(2026, 3, 2));
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QStringList storedKinds;
        for (const field::StatusDiscrepancy &d : *stored)
            storedKinds << d.appointmentId + QLatin1Char(' ') + field::discrepancyKindName(d.kind);
        QCOMPARE(storedKinds, others);
        // The fixes around the tap, as read back: the last before the gap, the first after it.
        auto visits = field::loadVisitTimes(*m_db, QDate(2026, 3, 2));
        QVERIFY(visits);
        QVERIFY(field::markTracked(*m_db, QDate(2026, 3, 2), *visits).ok());
        const auto ap6 = std::find_if(visits->begin(), visits->end(), [](const field::VisitTimes &v) { return v.appointmentId == QLatin1String("ap6"); });
        QVERIFY(ap6 != visits->end());
        QVERIFY(ap6->tracked);
        QCOMPARE(timefmt::toIsoUtc(ap6->fixBeforeTap), QStringLiteral("2026-03-02T12:29:00Z"));
        QCOMPARE(timefmt::toIsoUtc(ap6->fixAfterTap), QStringLiteral("2026-03-02T13:46:00Z"));

        const CliRun bridged = runCli(m_url, {QStringLiteral("infer-arrivals"), QStringLiteral("--date"), QStringLiteral("2026-03-02"),
                                              QStringLiteral("--max-gap"), QStringLiteral("90"), QStringLiteral("--json")});
        QVERIFY2(bridged.exitCode == 0, qPrintable(bridged.err));
        QCOMPARE(kinds(json(bridged)), (QStringList{QStringLiteral("ap5 arrival_differs"), QStringLiteral("ap6 tap_without_presence"),
                                                    QStringLiteral("ap1 arrival_not_tapped"), QStringLiteral("ap1 not_completed")}));
    }

    void writerLeavesOtherDaysAlone_data() { test::addBackendRows(); }
    void writerLeavesOtherDaysAlone()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        // The day before has only ap2 (completed, no positions): listed, nothing inferred.
        auto run = field::ArrivalInferenceWriter(*m_db).run(QDate(2026, 3, 1), {}, {}, false);
        QVERIFY2(run, qPrintable(run ? QString() : run.error().message));
        QCOMPARE(run->visits.size(), size_t(1));
        QCOMPARE(run->visits[0].appointmentId, QStringLiteral("ap2"));
        QVERIFY(!run->visits[0].tracked);
        QCOMPARE(run->changed, 0);
        // Untracked: its taps are not called into question.
        QVERIFY(field::findDiscrepancies(run->visits).empty());
        QCOMPARE(instant(*m_db, QStringLiteral("inferred_arrived_at"), QStringLiteral("ap5")), QStringLiteral("null"));
    }
};

QTEST_GUILESS_MAIN(TestInferArrivals)
#include "tst_infer_arrivals.moc"
