// Suggestions for a work order that needs parts, on both backends: two hvac technicians
// alike in everything (home at the site, free all Monday 2026-03-02) but their vans. The
// job needs 2 × FLT-100; t2's van holds 2, t1's only 1. Without the parts (the work order
// "plain") they tie at 1.0 and the lower id, t1, goes first. With them t2 goes first,
// "carries the parts", at 1.0, and t1 follows with "van lacks 1 × FLT-100" at
// 0.5 + (1 − 0.15)/2 = 0.925. Filling t1's van by a transfer makes them tie again.
// `fieldops-cli suggest --json` says the same in the documented shape.
#include "CliRunner.h"
#include "TestDatabases.h"
#include "parts/StockRepository.h"
#include "scheduling/CompiledSchedule.h"
#include "scheduling/SuggestionLoader.h"
#include "scheduling/SuggestionRanker.h"
#include "scheduling/SuggestionReasons.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;

namespace {

const QDateTime kFrom(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

Status seed(Database &db)
{
    return test::runAll(db, {
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5505, -46.6333)",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5505, -46.6333, 'UTC'), "
        "('t2', 'Bruno', -23.5505, -46.6333, 'UTC')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'hvac')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('job', 's1', 60, '2026-03-01T00:00:00Z'), "
        "('plain', 's1', 60, '2026-03-01T00:00:00Z')",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('job', 'hvac'), ('plain', 'hvac')",
        "INSERT INTO parts(sku, name) VALUES ('FLT-100', 'Air filter')",
        "INSERT INTO stock(sku, location, quantity) VALUES ('FLT-100', 'van:t1', 1), ('FLT-100', 'van:t2', 2), "
        "('FLT-100', 'warehouse:central', 5)",
        "INSERT INTO work_order_parts(work_order_id, sku, quantity) VALUES ('job', 'FLT-100', 2)",
    });
}

Result<SuggestionResult> suggest(Database &db, const QString &workOrderId)
{
    const QDateTime to = kFrom.addDays(1);
    auto input = SuggestionLoader(db).load(workOrderId, kFrom, to);
    if (!input)
        return input.error();
    const CompiledSchedule schedule(input->snapshot);
    SuggestionRanker ranker(schedule, SuggestionRanker::basesOf(input->snapshot, input->inactiveTechnicians));
    ranker.setParts(input->partsNeeded, input->vanStock);
    return ranker.suggest({input->workOrder.id, input->workOrder.durationMin, kFrom, to, 2});
}

QString firstOf(const SuggestionResult &r, int i) { return int(r.candidates.size()) > i ? r.candidates[size_t(i)].technicianId : QString(); }

} // namespace

class TestSuggestParts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void reasonsInWords()
    {
        SlotFacts f;
        f.skills = {QStringLiteral("hvac")};
        QVERIFY(!suggestionReasons(f).join(QLatin1Char('|')).contains(QStringLiteral("parts")));
        f.needsParts = true;
        QCOMPARE(suggestionReasons(f).constLast(), QStringLiteral("carries the parts"));
        f.vanLacks = QStringLiteral("2 × FLT-100");
        QCOMPARE(suggestionReasons(f).constLast(), QStringLiteral("van lacks 2 × FLT-100"));
        // The penalty: 0.15 of the quality, never below 0, and a slot in time stays above every late one.
        SlotFacts carries;
        carries.needsParts = true;
        const double full = SuggestionRanker::score(carries, 0, 0, 1000);
        QCOMPARE(full, 1.0);
        QCOMPARE(SuggestionRanker::score(f, 0, 0, 1000), 0.925);
        f.travelMin = 500;
        f.hasSla = true;
        f.slaSlackMin = 0;
        QVERIFY(SuggestionRanker::score(f, 1000, 0, 1000) >= 0.5);
    }

    void prefersTheVanWithTheParts_data() { test::addBackendRows(); }
    void prefersTheVanWithTheParts()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());

        auto plain = suggest(*db, QStringLiteral("plain"));
        QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().message));
        QCOMPARE(firstOf(*plain, 0), QStringLiteral("t1"));
        QCOMPARE(firstOf(*plain, 1), QStringLiteral("t2"));
        QCOMPARE(plain->candidates[0].score, plain->candidates[1].score);
        QVERIFY(!plain->candidates[0].reasons.join(QLatin1Char('|')).contains(QStringLiteral("parts")));

        auto job = suggest(*db, QStringLiteral("job"));
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(firstOf(*job, 0), QStringLiteral("t2"));
        QCOMPARE(firstOf(*job, 1), QStringLiteral("t1"));
        QCOMPARE(job->candidates[0].start, job->candidates[1].start);
        QCOMPARE(job->candidates[0].score, plain->candidates[0].score);
        QVERIFY(qAbs(job->candidates[1].score - 0.925) < 1e-9);
        QCOMPARE(job->candidates[0].reasons.constLast(), QStringLiteral("carries the parts"));
        QCOMPARE(job->candidates[1].reasons.constLast(), QStringLiteral("van lacks 1 × FLT-100"));

        // The missing filter goes into t1's van: they tie again and t1 goes first.
        QVERIFY(parts::StockRepository(*db).transfer({QStringLiteral("FLT-100"), QStringLiteral("warehouse:central"), QStringLiteral("van:t1"), 1}));
        job = suggest(*db, QStringLiteral("job"));
        QVERIFY(job);
        QCOMPARE(firstOf(*job, 0), QStringLiteral("t1"));
        QCOMPARE(job->candidates[0].score, job->candidates[1].score);
        QCOMPARE(job->candidates[0].reasons.constLast(), QStringLiteral("carries the parts"));
        QCOMPARE(job->candidates[1].reasons.constLast(), QStringLiteral("carries the parts"));
    }

    void cliSaysSo_data() { test::addBackendRows(); }
    void cliSaysSo()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        const test::CliRun r = test::runCli(url, {QStringLiteral("suggest"), QStringLiteral("job"), QStringLiteral("--from"),
                                                  QStringLiteral("2026-03-02T08:00:00Z"), QStringLiteral("--days"), QStringLiteral("1"),
                                                  QStringLiteral("--top"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("{\"candidates\":[{\"technician_id\":\"t2\",\"start\":\"2026-03-02T08:00:00Z\","
                                                 "\"end\":\"2026-03-02T09:00:00Z\",\"travel_min\":0,\"score\":1,\"reasons\":[")),
                 qPrintable(r.out));
        const QJsonArray candidates = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("candidates")).toArray();
        QCOMPARE(candidates.size(), 2);
        QCOMPARE(candidates.at(0).toObject().value(QStringLiteral("reasons")).toArray().last().toString(), QStringLiteral("carries the parts"));
        QCOMPARE(candidates.at(1).toObject().value(QStringLiteral("technician_id")).toString(), QStringLiteral("t1"));
        QVERIFY(qAbs(candidates.at(1).toObject().value(QStringLiteral("score")).toDouble() - 0.925) <= 0.0051); // two decimals
        QCOMPARE(candidates.at(1).toObject().value(QStringLiteral("reasons")).toArray().last().toString(), QStringLiteral("van lacks 1 × FLT-100"));
    }
};

QTEST_GUILESS_MAIN(TestSuggestParts)
#include "tst_suggest_parts.moc"
