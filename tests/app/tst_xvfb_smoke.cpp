// The console on a real X server, as a user at a display meets it: Xvfb on a free display,
// the real `fieldops --demo` (scratch home, so no settings leak either way), real key
// presses through xdotool (XTEST) to go to each area, a picture of the screen taken by
// this test's own connection to the X server, and Ctrl+Q to quit with status 0. Without a
// database the first-run dialog shows, and Esc there quits cleanly.
// Skipped when Xvfb or xdotool is not installed (installer/debian-packages.txt lists them).
#include "Screenshots.h"

#include <QGuiApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScreen>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <optional>
#include <sys/types.h>

namespace {

// The X server this test runs against, started before the QApplication so the test itself
// can connect to it (to take the pictures). Display 0 means none could be started.
struct Xvfb {
    int display = 0;
    qint64 pid = 0;
    QString whyNot;

    static bool displayTaken(int n)
    {
        return QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(n))
               || QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n));
    }

    void start()
    {
        const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        if (xvfb.isEmpty()) {
            whyNot = QStringLiteral("Xvfb is not installed");
            return;
        }
        if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty()) {
            whyNot = QStringLiteral("xdotool is not installed");
            return;
        }
        // A display nobody uses; another test run may pick the same one at the same
        // moment, so a server that does not come up moves on to the next number.
        for (int n = 90 + int(QCoreApplication::applicationPid() % 50); n < 250; ++n) {
            if (displayTaken(n))
                continue;
            if (!QProcess::startDetached(xvfb,
                                         {QStringLiteral(":%1").arg(n), QStringLiteral("-noreset"), QStringLiteral("-nolisten"),
                                          QStringLiteral("tcp"), QStringLiteral("-screen"), QStringLiteral("0"),
                                          QStringLiteral("1700x1050x24")},
                                         {}, &pid)) {
                whyNot = QStringLiteral("Xvfb did not start");
                return;
            }
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 10000 && !QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                QThread::msleep(50);
            if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))) {
                display = n;
                return;
            }
            stop();
        }
        whyNot = QStringLiteral("no free X display");
    }

    void stop()
    {
        if (pid > 0)
            ::kill(pid_t(pid), SIGTERM);
        pid = 0;
    }
};

Xvfb g_xvfb;

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestXvfbSmoke : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcess m_console;
    QString m_window; // the console's X window id

    // The console's environment on the test's X server; `home` (default the test's scratch
    // home) holds its settings and data, so nothing leaks to or from the developer's.
    QProcessEnvironment environment(const QTemporaryDir *scratch = nullptr) const
    {
        const QTemporaryDir &home = scratch ? *scratch : m_home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":%1").arg(g_xvfb.display));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        env.remove(QStringLiteral("FIELDOPS_DB"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        return env;
    }

    // Runs xdotool; its standard output, or nothing when it failed or hung.
    std::optional<QString> xdotool(const QStringList &args, int timeoutMs = 20000)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral("xdotool"), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return std::nullopt;
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return std::nullopt;
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    // Polls until a visible window's title contains `title`; its id, or empty.
    QString waitForWindow(const QString &title, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs) {
            const QString ids =
                xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"), title})
                    .value_or(QString());
            if (!ids.isEmpty())
                return ids.split(QLatin1Char('\n')).constLast();
            if (m_console.state() == QProcess::NotRunning)
                return {};
            QTest::qWait(250);
        }
        return {};
    }

    QImage screen()
    {
        QScreen *s = QGuiApplication::primaryScreen();
        return s ? s->grabWindow(0).toImage() : QImage();
    }

private slots:
    void initTestCase()
    {
        if (g_xvfb.display == 0)
            QSKIP(qPrintable(g_xvfb.whyNot));
        QVERIFY(m_home.isValid());
        QVERIFY2(QFileInfo(qEnvironmentVariable("FIELDOPS_GUI")).isExecutable(), "FIELDOPS_GUI names no executable");
        m_console.setProcessEnvironment(environment());
        m_console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_console.start(qEnvironmentVariable("FIELDOPS_GUI"), {QStringLiteral("--demo")});
        QVERIFY(m_console.waitForStarted(30000));
        // The title names the database once connected; seeding the demo comes first.
        m_window = waitForWindow(QStringLiteral("demo.db"), 240000);
        QVERIFY2(!m_window.isEmpty(), "the console's window never showed the demo database");
        // No window manager on Xvfb: give the window the keyboard focus directly.
        QVERIFY(xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), m_window}));
        QTest::qWait(3000); // the first load lands and paints
    }

    // No database given or remembered: the first-run dialog asks, and Esc quits cleanly
    // (status 0, nothing remembered).
    void firstRunEscapeQuits()
    {
        QTemporaryDir fresh;
        QVERIFY(fresh.isValid());
        QProcess console;
        console.setProcessEnvironment(environment(&fresh));
        console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        console.start(qEnvironmentVariable("FIELDOPS_GUI"), QStringList());
        QVERIFY(console.waitForStarted(30000));
        QString dialog;
        QElapsedTimer waited;
        waited.start();
        while (dialog.isEmpty() && waited.elapsed() < 60000 && console.state() == QProcess::Running) {
            dialog = xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
                              QStringLiteral("Welcome to FieldOps")})
                         .value_or(QString());
            QTest::qWait(250);
        }
        QVERIFY2(!dialog.isEmpty(), "the first-run dialog never showed");
        dialog = dialog.split(QLatin1Char('\n')).constLast();
        QVERIFY(xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), dialog}));
        QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("--clearmodifiers"), QStringLiteral("Escape")}));
        QVERIFY2(console.waitForFinished(30000), "Esc on the first-run dialog did not quit");
        QCOMPARE(console.exitStatus(), QProcess::NormalExit);
        QCOMPARE(console.exitCode(), 0);
        QFile settings(fresh.filePath(QStringLiteral("config/FieldOps/fieldops.conf")));
        if (settings.open(QIODevice::ReadOnly))
            QVERIFY(!settings.readAll().contains("Startup"));
    }

    void eachViewByKeyboard_data()
    {
        QTest::addColumn<QString>("keys");
        QTest::addColumn<QString>("name");
        // Alt+N goes to the N-th tab (View → Go to): the console's tab order.
        QTest::newRow("work orders") << "alt+1" << "workorders";
        QTest::newRow("KPIs") << "alt+2" << "kpis";
        QTest::newRow("map") << "alt+3" << "map";
        QTest::newRow("schedule") << "alt+4" << "schedule";
        QTest::newRow("customers") << "alt+5" << "customers";
        QTest::newRow("technicians") << "alt+6" << "technicians";
        QTest::newRow("parts") << "alt+7" << "parts";
        QTest::newRow("contracts") << "alt+8" << "contracts";
        QTest::newRow("time") << "alt+9" << "time";
    }
    void eachViewByKeyboard()
    {
        QFETCH(QString, keys);
        QFETCH(QString, name);
        static QImage previous;
        // Without a window manager, focus does not come back by itself after another window
        // (the first-run test's) has gone.
        QVERIFY(xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), m_window}));
        QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("--clearmodifiers"), keys}));
        QTest::qWait(2500);
        QCOMPARE(m_console.state(), QProcess::Running);
        const QImage shot = screen();
        QVERIFY(!shot.isNull());
        shot.save(fieldops::test::screenshotPath(QStringLiteral("xvfb-%1.png").arg(name)));
        QVERIFY2(distinctColours(shot) > 16, qPrintable(QStringLiteral("%1 looks blank").arg(name)));
        // The key press did something: every area looks different from the one before.
        if (!previous.isNull())
            QVERIFY2(shot != previous, qPrintable(QStringLiteral("%1 looks like the area before it").arg(keys)));
        previous = shot;
    }

    void ctrlQQuits()
    {
        QVERIFY(xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), m_window}));
        QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("--clearmodifiers"), QStringLiteral("ctrl+q")}));
        QVERIFY2(m_console.waitForFinished(30000), "the console did not quit within 30 s of Ctrl+Q");
        QCOMPARE(m_console.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_console.exitCode(), 0);
    }

    void cleanupTestCase()
    {
        if (m_console.state() != QProcess::NotRunning) {
            m_console.kill();
            m_console.waitForFinished(5000);
        }
    }
};

int main(int argc, char **argv)
{
    // The X server first: this process draws nothing but takes its pictures through it.
    g_xvfb.start();
    if (g_xvfb.display != 0) {
        qputenv("DISPLAY", QByteArray(":") + QByteArray::number(g_xvfb.display));
        qputenv("QT_QPA_PLATFORM", "xcb");
    }
    int status = 0;
    {
        QGuiApplication app(argc, argv);
        TestXvfbSmoke test;
        status = QTest::qExec(&test, argc, argv);
    }
    g_xvfb.stop();
    return status;
}

#include "tst_xvfb_smoke.moc"
