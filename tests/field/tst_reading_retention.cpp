// Raw asset readings past the retention, as cron runs `fieldops-cli prune-readings`: the
// real binary on both backends. Readings before the cutoff go (on PostgreSQL whole weeks,
// so up to a week more stays), the hourly sums stay untouched, a sensor that went silent
// keeps its last reading; a dry run removes nothing and reports what a real run removes;
// a usage rule still counts from its true base once the raw readings under it are gone;
// an import after the pruning rebuilds only the hours it still has readings for. On
// PostgreSQL readings land in weekly partitions, and a week without one (the default
// partition) moves into its own once it is made.
#include "CliRunner.h"
#include "TestDatabases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

const QStringList kFixture{
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63)"),
    QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('gen', 's1', 'GEN-5'), ('fridge', 's1', 'CR-20'), ('old', 's1', 'CR-20')"),
    QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.5, -46.6)"),
};

QString iso(const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); }

// One reading an hour for `hours` hours from `from`: a generator's runtime counter that
// runs around the clock (value = hours since `from`), or a cold room's temperature.
QByteArray hourly(const QString &asset, const QString &kind, const QDateTime &from, int hours, bool counter)
{
    QByteArray lines;
    for (int h = 0; h < hours; ++h) {
        const double value = counter ? double(h) : -18.0 + (h % 5);
        lines += QStringLiteral(R"({"kind":"reading","asset_id":"%1","at":"%2","reading":"%3","value":%4})")
                     .arg(asset, iso(from.addSecs(3600LL * h)), kind)
                     .arg(value)
                     .toUtf8()
            + '\n';
    }
    return lines;
}

} // namespace

class TestReadingRetention : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;
    QDateTime m_now;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        for (const QString &sql : kFixture)
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << sql << s.error().message;
                return false;
            }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_now = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC); // readings carry whole seconds
        return true;
    }

    QVariant scalar(const QString &sql)
    {
        auto v = m_db->scalar(sql);
        return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
    }
    qint64 count(const QString &sql) { return scalar(QStringLiteral("SELECT count(*) FROM ") + sql).toLongLong(); }
    QDateTime instant(const QString &sql)
    {
        const QVariant v = scalar(sql);
        if (v.isNull())
            return {};
        return v.metaType().id() == QMetaType::QDateTime ? v.toDateTime().toUTC() : QDateTime::fromString(v.toString(), Qt::ISODate);
    }
    QString at(const QDateTime &t) { return m_db->isPostgres() ? QStringLiteral("'%1'::timestamptz").arg(iso(t)) : QStringLiteral("'%1'").arg(iso(t)); }

    bool ingest(const QByteArray &lines)
    {
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")}, lines);
        if (r.exitCode != 0)
            qWarning() << "ingest exited" << r.exitCode << r.out << r.err;
        return r.exitCode == 0;
    }

    QJsonObject prune(const QStringList &extra = {})
    {
        const CliRun r = runCli(m_url, QStringList{QStringLiteral("prune-readings"), QStringLiteral("--json")} + extra);
        if (r.exitCode != 0 || !r.err.isEmpty())
            qWarning() << "prune-readings exited" << r.exitCode << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // 60 days of the generator's counter and of the fridge's temperature up to an hour
    // ago; the old cold room went silent 40 days ago after 10 days of readings.
    bool seedSixtyDays()
    {
        const QDateTime start = m_now.addDays(-60);
        return ingest(hourly(QStringLiteral("gen"), QStringLiteral("runtime_hours"), start, 60 * 24, true))
            && ingest(hourly(QStringLiteral("fridge"), QStringLiteral("temperature"), start, 60 * 24, false))
            && ingest(hourly(QStringLiteral("old"), QStringLiteral("temperature"), start, 10 * 24, false));
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void prunesBeforeTheCutoffKeepingHoursAndLastReadings_data() { test::addBackendRows(); }
    void prunesBeforeTheCutoffKeepingHoursAndLastReadings()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QVERIFY(seedSixtyDays());
        const qint64 total = count(QStringLiteral("asset_readings"));
        QCOMPARE(total, qint64(60 * 24 * 2 + 10 * 24));
        const qint64 hours = count(QStringLiteral("asset_reading_hours"));
        QCOMPARE(hours, total); // one reading an hour
        const QString hourSums = QStringLiteral("SELECT sum(count) FROM asset_reading_hours");
        QCOMPARE(scalar(hourSums).toLongLong(), total);

        const QJsonObject dry = prune({QStringLiteral("--keep-days"), QStringLiteral("14"), QStringLiteral("--dry-run")});
        QCOMPARE(dry[QLatin1String("dry_run")].toBool(), true);
        QCOMPARE(count(QStringLiteral("asset_readings")), total);
        QVERIFY(!instant(QStringLiteral("SELECT pruned_before FROM asset_reading_retention")).isValid());

        const QJsonObject json = prune({QStringLiteral("--keep-days"), QStringLiteral("14")});
        QCOMPARE(json[QLatin1String("dry_run")].toBool(), false);
        QCOMPARE(json[QLatin1String("keep_days")].toInt(), 14);
        const QDateTime cutoff = QDateTime::fromString(json[QLatin1String("cutoff")].toString(), Qt::ISODate);
        QVERIFY(cutoff.isValid());
        QCOMPARE(cutoff.time().minute(), 0);
        QCOMPARE(cutoff.time().second(), 0);
        QVERIFY(qAbs(cutoff.secsTo(m_now.addDays(-14))) <= 3600 + 120);
        const qint64 left = count(QStringLiteral("asset_readings"));
        QCOMPARE(json[QLatin1String("removed")].toInteger(), total - left);
        QCOMPARE(dry[QLatin1String("removed")].toInteger(), total - left);
        QCOMPARE(instant(QStringLiteral("SELECT pruned_before FROM asset_reading_retention")), cutoff);

        // Every reading since the cutoff is there; before it at most a week (PostgreSQL's
        // weeks), and the silent cold room keeps its last reading only.
        const QString since = QStringLiteral("asset_readings WHERE at >= %1").arg(at(cutoff));
        QCOMPARE(count(since), 2 * qint64(cutoff.secsTo(m_now.addDays(-60).addSecs(3600LL * (60 * 24 - 1))) / 3600 + 1));
        const QDateTime oldest = instant(QStringLiteral("SELECT min(at) FROM asset_readings WHERE asset_id <> 'old'"));
        if (backend == QLatin1String("sqlite"))
            QVERIFY2(oldest >= cutoff, qPrintable(iso(oldest)));
        else
            QVERIFY2(oldest >= cutoff.addDays(-7) && oldest < cutoff.addDays(1), qPrintable(iso(oldest)));
        QCOMPARE(count(QStringLiteral("asset_readings WHERE asset_id = 'old'")), qint64(1));
        QCOMPARE(instant(QStringLiteral("SELECT at FROM asset_readings WHERE asset_id = 'old'")), m_now.addDays(-60).addSecs(3600LL * (10 * 24 - 1)));
        // The hourly sums are as they were.
        QCOMPARE(count(QStringLiteral("asset_reading_hours")), hours);
        QCOMPARE(scalar(hourSums).toLongLong(), total);

        // Again at once: nothing more to remove (unless the clock passed a whole hour, which
        // moves the cutoff by one hour's readings), the silent series still has its reading.
        const QJsonObject again = prune({QStringLiteral("--keep-days"), QStringLiteral("14")});
        if (again[QLatin1String("cutoff")].toString() == json[QLatin1String("cutoff")].toString()) {
            QCOMPARE(again[QLatin1String("removed")].toInteger(), qint64(0));
            QCOMPARE(count(QStringLiteral("asset_readings")), left);
        }
        QCOMPARE(count(QStringLiteral("asset_readings WHERE asset_id = 'old'")), qint64(1));
        // A shorter retention later removes more, and still keeps the silent series' last reading.
        const QJsonObject shorter = prune({QStringLiteral("--keep-days"), QStringLiteral("7")});
        QVERIFY(shorter[QLatin1String("removed")].toInteger() > 0);
        QCOMPARE(count(QStringLiteral("asset_readings WHERE asset_id = 'old'")), qint64(1));
        QCOMPARE(count(QStringLiteral("asset_reading_hours")), hours);
    }

    void usageRuleCountsFromItsTrueBaseAfterPruning_data() { test::addBackendRows(); }
    void usageRuleCountsFromItsTrueBaseAfterPruning()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QVERIFY(seedSixtyDays());
        // Every 1000 running hours, no visit yet: 1439 h counted from the first reading.
        QCOMPARE(runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")},
                        R"({"id":"r-run","asset_id":"gen","kind":"usage","reading_kind":"runtime_hours","usage_interval":1000,"task":"Service the generator","work_order_type":"preventive"})")
                     .exitCode,
                 0);
        auto opened = [&] {
            const CliRun r = runCli(m_url, {QStringLiteral("evaluate-conditions"), QStringLiteral("--json"), QStringLiteral("--dry-run")});
            return QJsonDocument::fromJson(r.out.toUtf8()).object()[QLatin1String("opened")].toArray().size();
        };
        QCOMPARE(opened(), 1);
        prune({QStringLiteral("--keep-days"), QStringLiteral("14")});
        // The raw readings left start 14 to 21 days back (≤ 504 h used from there): the
        // first hour's sums still say the counter stood at 0.
        QVERIFY(instant(QStringLiteral("SELECT min(at) FROM asset_readings WHERE asset_id = 'gen'")) > m_now.addDays(-22));
        QCOMPARE(opened(), 1);

        // A preventive visit 30 days ago, when the counter read 720 h: 719 h used since.
        // Every 600 h fires; every 800 h does not. The visit's readings are gone, its hour stays.
        const QDateTime visit = m_now.addDays(-60).addSecs(3600LL * 720 + 1800);
        for (const QString &sql :
             {QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, type, duration_min, created_at, status) VALUES "
                             "('pm-1', 's1', 'gen', 'preventive', 60, %1, 'done')")
                  .arg(at(visit.addDays(-1))),
              QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, completed_at) VALUES "
                             "('ap-1', 'pm-1', 't1', %1, %2, 'completed', %2)")
                  .arg(at(visit.addSecs(-3600)), at(visit))})
            QVERIFY2(m_db->execDirect(sql), qPrintable(sql));
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE condition_rules SET usage_interval = 600, version = version + 1 WHERE id = 'r-run'")));
        QCOMPARE(opened(), 1);
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE condition_rules SET usage_interval = 800, version = version + 1 WHERE id = 'r-run'")));
        QCOMPARE(opened(), 0);
    }

    void importAfterPruningKeepsTheOlderHours_data() { test::addBackendRows(); }
    void importAfterPruningKeepsTheOlderHours()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QVERIFY(seedSixtyDays());
        prune({QStringLiteral("--keep-days"), QStringLiteral("14")});
        const QDateTime mark = instant(QStringLiteral("SELECT pruned_before FROM asset_reading_retention"));
        QVERIFY(mark.isValid());
        const QString older = QStringLiteral("asset_reading_hours WHERE hour < %1").arg(at(mark));
        const QString newer = QStringLiteral("asset_reading_hours WHERE hour >= %1").arg(at(mark));
        const qint64 olderHours = count(older), newerHours = count(newer);
        QVERIFY(olderHours > 0);
        const QString sums = QStringLiteral("SELECT sum(count), sum(sum) FROM asset_reading_hours WHERE hour >= %1").arg(at(mark));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CliRun exported = runCli(m_url, {QStringLiteral("export"), dir.path()});
        QCOMPARE(exported.exitCode, 0);
        const CliRun imported = runCli(m_url, {QStringLiteral("import"), dir.path()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        QCOMPARE(count(older), olderHours);
        QCOMPARE(count(newer), newerHours);
        QCOMPARE(scalar(sums).toLongLong(), count(QStringLiteral("asset_readings WHERE at >= %1").arg(at(mark))));
    }

    void refusesTooShortARetention()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        const CliRun few = runCli(m_url, {QStringLiteral("prune-readings"), QStringLiteral("--keep-days"), QStringLiteral("3")});
        QCOMPARE(few.exitCode, 2);
        QVERIFY2(few.err.contains(QLatin1String("--keep-days: 3 is too few")), qPrintable(few.err));
        const CliRun word = runCli(m_url, {QStringLiteral("prune-readings"), QStringLiteral("--keep-days"), QStringLiteral("month")});
        QCOMPARE(word.exitCode, 2);
        QVERIFY2(word.err.contains(QLatin1String("--keep-days: \"month\" is not a whole number of days")), qPrintable(word.err));
        QVERIFY(!instant(QStringLiteral("SELECT pruned_before FROM asset_reading_retention")).isValid());
    }

    void readingsLandInTheirWeeksPartition()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        // Written straight into the table for a week far back: no partition, the default one.
        QVERIFY(m_db->execDirect(QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) VALUES "
                                                "('fridge', '2025-06-04T10:00:00Z', 'temperature', -18, '°C'), "
                                                "('fridge', '2025-06-05T10:00:00Z', 'temperature', -17, '°C')")));
        auto partitionOf = [&](const QString &when) {
            return scalar(QStringLiteral("SELECT tableoid::regclass::text FROM asset_readings WHERE at = '%1'").arg(when)).toString();
        };
        QCOMPARE(partitionOf(QStringLiteral("2025-06-04T10:00:00Z")), QStringLiteral("asset_readings_default"));
        // The ingest makes the partitions of this week, the next and a day back first thing:
        // readings three hours old land in their week's (last week's early on a Monday).
        const QDateTime taken = m_now.addSecs(-3 * 3600);
        QVERIFY(ingest(hourly(QStringLiteral("fridge"), QStringLiteral("temperature"), taken, 2, false)));
        const QDate monday = m_now.date().addDays(1 - m_now.date().dayOfWeek());
        const QDate takenMonday = taken.date().addDays(1 - taken.date().dayOfWeek());
        QCOMPARE(partitionOf(iso(taken)), QStringLiteral("asset_readings_") + takenMonday.toString(QStringLiteral("yyyyMMdd")));
        QCOMPARE(count(QStringLiteral("pg_class WHERE relname = 'asset_readings_%1'").arg(monday.addDays(7).toString(QStringLiteral("yyyyMMdd")))),
                 qint64(1));
        // An import covering that old week makes its partition and moves the rows into it.
        QTemporaryDir dir;
        QVERIFY(runCli(m_url, {QStringLiteral("export"), dir.path()}).exitCode == 0);
        const CliRun imported = runCli(m_url, {QStringLiteral("import"), dir.path()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        QCOMPARE(partitionOf(QStringLiteral("2025-06-04T10:00:00Z")), QStringLiteral("asset_readings_20250602"));
        QCOMPARE(count(QStringLiteral("asset_readings_default")), qint64(0));
        QCOMPARE(count(QStringLiteral("asset_readings")), qint64(4));
    }
};

QTEST_GUILESS_MAIN(TestReadingRetention)
#include "tst_reading_retention.moc"
