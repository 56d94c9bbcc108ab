// `fieldops-cli conflicts` as integrators run it: the real binary (FIELDOPS_CLI) against
// a real database on both backends, its JSON compared with the engine's in-process
// result; the readable table; exit 2 with a one-line reason on bad input.
#include "ScheduleDbFixtures.h"
#include "ScheduleFixtures.h"
#include "TestDatabases.h"
#include "scheduling/ConflictChecker.h"
#include "scheduling/ScheduleLoader.h"
#include "scheduling/ViolationReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;

namespace {
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.setProgram(qEnvironmentVariable("FIELDOPS_CLI"));
    p.setArguments(args);
    p.start();
    CliRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
} // namespace

class TestConflictsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void jsonEqualsTheEngine_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            QTest::addRow("%s monday in UTC", backend) << b << "2026-03-02T00:00:00Z" << "2026-03-03T00:00:00Z";
            // The same instants written with São Paulo's offset.
            QTest::addRow("%s monday with an offset", backend) << b << "2026-03-01T21:00:00-03:00" << "2026-03-02T21:00-03:00";
            QTest::addRow("%s one morning hour", backend) << b << "2026-03-02T09:30:00Z" << "2026-03-02T10:30:00Z";
        }
    }
    void jsonEqualsTheEngine()
    {
        QFETCH(QString, backend);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedSchedule(*db).ok());

        const CliRun r = runCli({QStringLiteral("--db"), url, QStringLiteral("conflicts"), QStringLiteral("--from"), from,
                                 QStringLiteral("--to"), to, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &perr);
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
        QVERIFY(doc.isObject());
        const QJsonArray rows = doc.object().value(QStringLiteral("violations")).toArray();

        auto snap = ScheduleLoader(*db).load(timefmt::parseIsoWithOffset(from), timefmt::parseIsoWithOffset(to));
        QVERIFY(snap.ok());
        const auto engine = ConflictChecker::check(*snap);
        QCOMPARE(doc.object(), violationsToJson(engine));
        QCOMPARE(rows.size(), qsizetype(engine.size()));

        // The contract's field names and values, row by row.
        QStringList got;
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.keys(), (QStringList{"appointment_ids", "detail", "kind", "severity", "technician_id"}));
            const QString kind = o.value(QStringLiteral("kind")).toString();
            QCOMPARE(o.value(QStringLiteral("severity")).toString(), kind == QLatin1String("overlap") ? QStringLiteral("hard") : QStringLiteral("soft"));
            QVERIFY(!o.value(QStringLiteral("detail")).toString().isEmpty());
            QVERIFY(o.value(QStringLiteral("technician_id")).toString().startsWith(QLatin1Char('t')));
            QStringList ids;
            for (const QJsonValue &id : o.value(QStringLiteral("appointment_ids")).toArray())
                ids << id.toString();
            got << kind + QLatin1Char(':') + ids.join(QLatin1Char(','));
        }
        if (QByteArray(QTest::currentDataTag()).contains("monday"))
            QCOMPARE(got, test::expectedMondayViolations());
        else // a1 and a2 only: pairs with a1 or a2 in them, and their own kinds
            QCOMPARE(got, (QStringList{"travel:a1,a2", "sla:a1", "absence:a2"}));
    }

    void tableForPeople()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedSchedule(*db).ok());
        const CliRun r = runCli({QStringLiteral("--db"), url, QStringLiteral("conflicts"), QStringLiteral("--from"),
                                 QStringLiteral("2026-03-02T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2026-03-03T00:00:00Z")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 6 + 1); // header, six violations, count
        QVERIFY(lines[0].startsWith(QLatin1String("KIND")));
        QVERIFY2(lines[4].startsWith(QLatin1String("overlap")) && lines[4].contains(QLatin1String("hard"))
                     && lines[4].contains(QLatin1String("a3,o1")), qPrintable(lines[4]));
        QVERIFY(lines.last().contains(QLatin1String("6")));
        // A quiet stretch: just the header and a zero count.
        const CliRun quiet = runCli({QStringLiteral("--db"), url, QStringLiteral("conflicts"), QStringLiteral("--from"),
                                     QStringLiteral("2026-03-05T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2026-03-06T00:00:00Z"),
                                     QStringLiteral("--json")});
        QCOMPARE(quiet.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(quiet.out).object(), QJsonObject({{QStringLiteral("violations"), QJsonArray()}}));
    }

    void badInputExitsTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no range") << QStringList{} << "--from";
        QTest::newRow("missing --to") << QStringList{"--from", "2026-03-02T00:00:00Z"} << "--to";
        QTest::newRow("not a timestamp") << QStringList{"--from", "yesterday", "--to", "2026-03-03T00:00:00Z"} << "yesterday";
        QTest::newRow("no offset") << QStringList{"--from", "2026-03-02T00:00:00", "--to", "2026-03-03T00:00:00Z"} << "offset";
        QTest::newRow("a date only") << QStringList{"--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03"} << "2026-03-03";
        QTest::newRow("to before from") << QStringList{"--from", "2026-03-03T00:00:00Z", "--to", "2026-03-02T00:00:00Z"} << "after";
        QTest::newRow("empty range") << QStringList{"--from", "2026-03-02T00:00:00Z", "--to", "2026-03-01T21:00:00-03:00"} << "after";
        QTest::newRow("unknown option") << QStringList{"--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z", "--bogus"} << "bogus";
        QTest::newRow("stray argument") << QStringList{"--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z", "extra"} << "argument";
    }
    void badInputExitsTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const CliRun r = runCli(QStringList{QStringLiteral("--db"), url, QStringLiteral("conflicts")} + args);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(!err.isEmpty() && !err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConflictsCli)
#include "tst_conflicts_cli.moc"
