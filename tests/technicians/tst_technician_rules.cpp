// The technicians' and absences' checks, field by field with the importer's wording, the
// references read from the database, an absence overlapping another, and the visits an
// absence covers (booked and still to do, intersecting it), on both backends.
#include "TechnicianFixture.h"
#include "TestDatabases.h"
#include "records/RecordSpec.h"
#include "records/RecordWriter.h"
#include "technicians/AbsenceRules.h"
#include "technicians/TechnicianRules.h"

#include <QtTest>
#include <functional>

using namespace fieldops;
using namespace fieldops::technicians;

Q_DECLARE_METATYPE(std::function<void(TechnicianDraft &)>)

class TestTechnicianRules : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend);
        if (!m_db)
            return false;
        const QString failed = test::insertTechnicianFixture(*m_db);
        if (failed.isEmpty())
            return true;
        qWarning() << failed;
        return false;
    }

private slots:
    void aValidTechnicianHasNoIssues()
    {
        QVERIFY(TechnicianRules::checkValues(test::validTechnician(), true).isEmpty());
    }

    void eachInvalidFieldSaysWhy_data()
    {
        using Edit = std::function<void(TechnicianDraft &)>;
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("id missing") << Edit([](TechnicianDraft &d) { d.id.clear(); }) << "id" << "give the technician an id (like T-042)";
        QTest::newRow("id with a space") << Edit([](TechnicianDraft &d) { d.id = QStringLiteral("t 9"); }) << "id"
                                         << "an id has 1 to 64 characters and no spaces";
        QTest::newRow("name missing") << Edit([](TechnicianDraft &d) { d.name = QStringLiteral("  "); }) << "name" << "the name is required";
        QTest::newRow("employment") << Edit([](TechnicianDraft &d) { d.employment = QStringLiteral("boss"); }) << "employment"
                                    << "\"boss\" is not one of employee, part_time, contractor";
        QTest::newRow("home_lat range") << Edit([](TechnicianDraft &d) { d.homeLat = QStringLiteral("123"); }) << "home_lat"
                                        << "123 is outside [-90, 90]";
        QTest::newRow("home_lat text") << Edit([](TechnicianDraft &d) { d.homeLat = QStringLiteral("north"); }) << "home_lat"
                                       << "\"north\" is not a number";
        QTest::newRow("home_lon range") << Edit([](TechnicianDraft &d) { d.homeLon = QStringLiteral("-190.5"); }) << "home_lon"
                                        << "-190.5 is outside [-180, 180]";
        QTest::newRow("time zone") << Edit([](TechnicianDraft &d) { d.timeZone = QStringLiteral("Mars/Olympus"); }) << "time_zone"
                                   << "\"Mars/Olympus\" is not an IANA time zone (like America/Sao_Paulo)";
        QTest::newRow("shift start clock") << Edit([](TechnicianDraft &d) { d.shiftStart = QStringLiteral("25:00"); }) << "shift_start"
                                           << "\"25:00\" is not a clock time HH:MM";
        QTest::newRow("shift end before start") << Edit([](TechnicianDraft &d) { d.shiftEnd = QStringLiteral("07:30"); }) << "shift_end"
                                                << "the shift must end after it starts (08:00)";
        QTest::newRow("no work day") << Edit([](TechnicianDraft &d) { d.workDays.clear(); }) << "work_days" << "choose at least one working day";
        QTest::newRow("unknown day") << Edit([](TechnicianDraft &d) { d.workDays = {QStringLiteral("Mon"), QStringLiteral("Funday")}; })
                                     << "work_days" << "\"Funday\" is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun)";
        QTest::newRow("negative cost") << Edit([](TechnicianDraft &d) { d.hourlyCost = QStringLiteral("-5"); }) << "hourly_cost"
                                       << "-5 must be at least 0";
    }
    void eachInvalidFieldSaysWhy()
    {
        using Edit = std::function<void(TechnicianDraft &)>;
        QFETCH(Edit, edit);
        QFETCH(QString, field);
        QFETCH(QString, message);
        TechnicianDraft d = test::validTechnician();
        edit(d);
        const FieldIssues issues = TechnicianRules::checkValues(d, true);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.front().field, field);
        QCOMPARE(issues.front().message, message);
        QCOMPARE(issues.front().text(), field + QStringLiteral(": ") + message);
    }

    void referencesAreCheckedInTheDatabase_data() { test::addBackendRows(); }
    void referencesAreCheckedInTheDatabase()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        TechnicianRules rules(*m_db);
        auto ok = rules.check(test::validTechnician(), true);
        QVERIFY(ok.ok());
        QVERIFY(ok->isEmpty());
        TechnicianDraft d = test::validTechnician();
        d.id = QStringLiteral("t1");
        d.territoryId = QStringLiteral("nowhere");
        d.skills = {QStringLiteral("hvac"), QStringLiteral("plumbing")};
        auto issues = rules.check(d, true);
        QVERIFY(issues.ok());
        QCOMPARE(issues->size(), 3);
        QCOMPARE(issues->at(0).text(), QStringLiteral("id: technician t1 already exists"));
        QCOMPARE(issues->at(1).text(), QStringLiteral("skills: unknown skill(s): plumbing"));
        QCOMPARE(issues->at(2).text(), QStringLiteral("territory_id: unknown territory \"nowhere\""));
        // An existing technician keeps their id.
        auto edit = rules.check(*rules.load(QStringLiteral("t1")), false);
        QVERIFY(edit.ok());
        QVERIFY2(edit->isEmpty(), qPrintable(edit->isEmpty() ? QString() : edit->front().text()));
    }

    void absenceMustEndAfterItStarts()
    {
        AbsenceDraft a;
        a.technicianId = QStringLiteral("t2");
        a.start = test::utc(2, 10);
        a.end = test::utc(2, 9);
        FieldIssues issues = AbsenceRules::checkValues(a);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.front().text(), QStringLiteral("end: the absence must end after it starts (2026-03-02 10:00 UTC)"));
        a.end = a.start;
        QCOMPARE(AbsenceRules::checkValues(a).size(), 1);
        a.end = test::utc(2, 18);
        a.reason = QString(201, QLatin1Char('x'));
        issues = AbsenceRules::checkValues(a);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.front().field, QStringLiteral("reason"));
        // Free text is allowed, as the schema allows it.
        a.reason = QStringLiteral("Union meeting");
        QVERIFY(AbsenceRules::checkValues(a).isEmpty());
    }

    void absencesOfOneTechnicianDoNotOverlap_data() { test::addBackendRows(); }
    void absencesOfOneTechnicianDoNotOverlap()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        AbsenceRules rules(*m_db);
        AbsenceDraft a;
        a.technicianId = QStringLiteral("t1");
        a.start = test::utc(13, 0);
        a.end = test::utc(16, 0);
        a.reason = QStringLiteral("training");
        auto issues = rules.check(a);
        QVERIFY(issues.ok());
        QCOMPARE(issues->size(), 1);
        QCOMPARE(issues->front().text(),
                 QStringLiteral("start: overlaps the absence from 2026-03-09 00:00 UTC to 2026-03-14 00:00 UTC (Vacation)"));
        // Back to back is not an overlap; another technician's absence is not either.
        a.start = test::utc(14, 0);
        QVERIFY(rules.check(a)->isEmpty());
        a.start = test::utc(10, 0);
        a.technicianId = QStringLiteral("t2");
        QVERIFY(rules.check(a)->isEmpty());
        // Editing the absence itself is not an overlap with itself.
        auto existing = rules.absences(QStringLiteral("t1"));
        QVERIFY(existing.ok());
        QCOMPARE(existing->size(), 1);
        AbsenceDraft own = existing->front();
        own.end = test::utc(15, 0);
        QVERIFY(rules.check(own)->isEmpty());
        a.technicianId = QStringLiteral("t7");
        QCOMPARE(rules.check(a)->front().text(), QStringLiteral("technician_id: unknown technician \"t7\""));
    }

    void theVisitsAnAbsenceCovers_data() { test::addBackendRows(); }
    void theVisitsAnAbsenceCovers()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        AbsenceRules rules(*m_db);
        // Bruno's morning off covers ap1 (11:00–12:30); the cancelled ap4 at 13:00 is not booked.
        auto covered = rules.coveredVisits(QStringLiteral("t2"), test::utc(2, 10), test::utc(2, 14));
        QVERIFY(covered.ok());
        QCOMPARE(covered->size(), 1);
        QCOMPARE(covered->front().id, QStringLiteral("ap1"));
        QCOMPARE(covered->front().workOrderId, QStringLiteral("w4"));
        QCOMPARE(covered->front().start, test::utc(2, 11));
        QCOMPARE(covered->front().summary, QStringLiteral("Fire panel inspection"));
        // Partly is enough; touching is not.
        QCOMPARE(rules.coveredVisits(QStringLiteral("t2"), test::utc(2, 12), test::utc(2, 13))->size(), 1);
        QCOMPARE(rules.coveredVisits(QStringLiteral("t2"), test::utc(2, 12, 30), test::utc(2, 18))->size(), 0);
        QCOMPARE(rules.coveredVisits(QStringLiteral("t2"), test::utc(2, 8), test::utc(2, 11))->size(), 0);
        // Ana's completed visit on 1 March is history, not a booking.
        QCOMPARE(rules.coveredVisits(QStringLiteral("t1"), test::utc(1, 0), test::utc(2, 0))->size(), 0);
    }

    void theDatabaseChoosesAnAbsenceId_data() { test::addBackendRows(); }
    void theDatabaseChoosesAnAbsenceId()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        records::RecordWriter writer(*m_db);
        const records::RecordValues values{{QStringLiteral("technician_id"), QStringLiteral("t2")},
                                           {QStringLiteral("start_at"), QStringLiteral("2026-03-20T00:00:00Z")},
                                           {QStringLiteral("end_at"), QStringLiteral("2026-03-21T00:00:00Z")},
                                           {QStringLiteral("reason"), QStringLiteral("sick")}};
        auto first = writer.insertGenerated(records::absenceSpec(), values);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        auto second = writer.insertGenerated(records::absenceSpec(), values);
        QVERIFY(second.ok());
        QVERIFY(second->toLongLong() > first->toLongLong());
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT reason FROM absences WHERE id = ?"), {first->toLongLong()})->toString(),
                 QStringLiteral("sick"));
        // A key the caller names is refused for a spec whose key is the database's.
        QVERIFY(!writer.insertGenerated(records::technicianSpec(), {}).ok());
        // Removing and inserting again under the same id: what undo and redo do.
        QVERIFY(writer.remove(records::absenceSpec(), *first, 1).ok());
        QVERIFY(writer.insert(records::absenceSpec(), *first, values).ok());
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM absences WHERE id = ?"), {first->toLongLong()})->toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTechnicianRules)
#include "tst_technician_rules.moc"
