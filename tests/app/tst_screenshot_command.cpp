// `fieldops --screenshot VIEW FILE` run as a script runs it: the real binary (FIELDOPS_GUI)
// on a demo database made by --demo in a scratch home, so nothing of the developer's is
// read or written.
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run {
    int exitCode = -1; // -1: it did not finish, or crashed
    QString err;
};
} // namespace

class TestScreenshotCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    Run run(const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        env.remove(QStringLiteral("FIELDOPS_DB"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // --screenshot draws off screen by itself
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("FIELDOPS_GUI"), args);
        Run r;
        if (!p.waitForStarted(30000) || !p.waitForFinished(300000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFileInfo(qEnvironmentVariable("FIELDOPS_GUI")).isExecutable(), "FIELDOPS_GUI names no executable");
    }

    void drawsView_data()
    {
        QTest::addColumn<QString>("view");
        // The first run makes and seeds the demo database; the others reuse it.
        for (const char *view : {"board", "map", "kpi", "customers", "contracts"})
            QTest::newRow(view) << QString::fromLatin1(view);
    }
    void drawsView()
    {
        QFETCH(QString, view);
        const QString file = m_home.filePath(view + QStringLiteral(".png"));
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--screenshot"), view, file});
        QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QImage image;
        QVERIFY2(image.load(file, "PNG"), qPrintable(file));
        QCOMPARE(image.size(), QSize(1650, 1000));
        // Not blank: a drawn console has many colours; a blank or failed grab has one or two.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 16, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
        QVERIFY(QFileInfo::exists(m_home.filePath(QStringLiteral("data/FieldOps/fieldops/demo.db"))));
        // The user's settings are not where the picture's layout came from or went to.
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("config/FieldOps/fieldops.conf")))
                || !QFile(m_home.filePath(QStringLiteral("config/FieldOps/fieldops.conf"))).size());
    }

    // No option and no environment: the choice remembered at a first start is opened (the
    // demo file the rows above made), without a dialog.
    void rememberedChoiceIsOpened()
    {
        const QString conf = m_home.filePath(QStringLiteral("config/FieldOps/fieldops.conf"));
        {
            QSettings settings(conf, QSettings::IniFormat);
            settings.setValue(QStringLiteral("Startup/kind"), QStringLiteral("demo"));
            settings.setValue(QStringLiteral("Startup/database"),
                              QStringLiteral("sqlite://") + m_home.filePath(QStringLiteral("data/FieldOps/fieldops/demo.db")));
        }
        const QString file = m_home.filePath(QStringLiteral("remembered.png"));
        const Run r = run({QStringLiteral("--screenshot"), QStringLiteral("technicians"), file});
        QFile::remove(conf);
        QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QImage image;
        QVERIFY(image.load(file, "PNG"));
        QCOMPARE(image.size(), QSize(1650, 1000));
    }

    void noDatabaseIsAUsageError()
    {
        const QString file = m_home.filePath(QStringLiteral("none.png"));
        const Run r = run({QStringLiteral("--screenshot"), QStringLiteral("board"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no database")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(file));
    }

    void unknownViewNamesTheViews()
    {
        const QString file = m_home.filePath(QStringLiteral("nope.png"));
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--screenshot"), QStringLiteral("dashboard"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("unknown view \"dashboard\"")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("board, map, kpi, workorders, customers, contracts, technicians, assets")), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line
        QVERIFY(!QFileInfo::exists(file));
    }

    void unwritableFileFails()
    {
        const QString file = m_home.filePath(QStringLiteral("no/such/folder/board.png"));
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--screenshot"), QStringLiteral("board"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("cannot write")), qPrintable(r.err));
    }

    void missingFileIsAUsageError()
    {
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--screenshot"), QStringLiteral("board")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--screenshot VIEW FILE")), qPrintable(r.err));
    }
};

QTEST_MAIN(TestScreenshotCommand)
#include "tst_screenshot_command.moc"
