// The first start without a database: which database the console opens (command line,
// environment, --demo, the remembered choice) and the first-run dialog driven as a user
// does, for each of its three choices, a bad file and cancelling.
#include "ConnectionDialog.h"
#include "FirstRunController.h"
#include "GuiTestSupport.h"
#include "PasswordStore.h"
#include "connection/ConnectionForm.h"
#include "settings/RecentConnections.h"
#include "startup/FirstRunDialog.h"
#include "startup/StartupDatabase.h"
#include "storage/Migrator.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <functional>

using namespace fieldops;

namespace {
// Runs `step` once the dialog is up (inside its exec()), as a user would act on it.
void whenShown(QDialog *dialog, std::function<void()> step)
{
    QTimer::singleShot(0, dialog, [dialog, step = std::move(step)] {
        if (!QTest::qWaitForWindowExposed(dialog)) {
            dialog->reject();
            return;
        }
        step();
    });
}

QString settingsText()
{
    QSettings s;
    s.sync();
    QFile f(s.fileName());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    gui::PasswordStore m_passwords;

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_first_run"));
        QVERIFY(m_dir.isValid());
    }
    void init() { QSettings().clear(); }

    // --- which database, without widgets ---

    void nothingGivenAsks()
    {
        auto t = resolveStartupDatabase({}, StartupChoice::remembered());
        QVERIFY(t.ok());
        QCOMPARE(t->source, StartupTarget::Source::Ask);
    }

    void demoAloneOpensTheDemoFile()
    {
        auto t = resolveStartupDatabase({{}, {}, true}, {});
        QVERIFY(t.ok());
        QCOMPARE(t->source, StartupTarget::Source::DemoOption);
        QCOMPARE(t->url.dialect, Dialect::SQLite);
        QCOMPARE(t->url.path, demoDatabasePath());
        QVERIFY(demoDatabasePath().endsWith(QLatin1String("/demo.db")));
        QVERIFY(t->seedDemo);
    }

    void commandLineAndEnvironmentWin_data()
    {
        QTest::addColumn<QString>("dbOption");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<bool>("demo");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("seed");
        const int cmd = int(StartupTarget::Source::CommandLine), env = int(StartupTarget::Source::Environment);
        QTest::newRow("--db over all") << "sqlite:///tmp/a.db" << "sqlite:///tmp/b.db" << false << cmd << "/tmp/a.db" << false;
        QTest::newRow("--db with --demo seeds it") << "sqlite:///tmp/a.db" << "" << true << cmd << "/tmp/a.db" << true;
        QTest::newRow("FIELDOPS_DB over remembered") << "" << "sqlite:///tmp/b.db" << false << env << "/tmp/b.db" << false;
        QTest::newRow("FIELDOPS_DB over --demo's file") << "" << "sqlite:///tmp/b.db" << true << env << "/tmp/b.db" << true;
    }
    void commandLineAndEnvironmentWin()
    {
        QFETCH(QString, dbOption);
        QFETCH(QString, environment);
        QFETCH(bool, demo);
        QFETCH(int, source);
        QFETCH(QString, path);
        QFETCH(bool, seed);
        const QString kept = m_dir.filePath(QStringLiteral("kept.db"));
        QVERIFY(prepareDatabaseFile(kept).ok());
        const StartupChoice remembered{StartupKind::File, QStringLiteral("sqlite://") + kept};
        auto t = resolveStartupDatabase({dbOption, environment, demo}, remembered);
        QVERIFY(t.ok());
        QCOMPARE(int(t->source), source);
        QCOMPARE(t->url.path, path);
        QCOMPARE(t->seedDemo, seed);
    }

    void badCommandLineUrlIsAnError()
    {
        auto t = resolveStartupDatabase({QStringLiteral("mysql://x"), {}, false}, {});
        QVERIFY(!t.ok());
        QVERIFY(!t.error().message.isEmpty());
    }

    void rememberedChoiceSkipsTheDialog()
    {
        const QString path = m_dir.filePath(QStringLiteral("remembered.db"));
        QVERIFY(prepareDatabaseFile(path).ok());
        StartupChoice{StartupKind::File, QStringLiteral("sqlite://") + path}.remember();
        QCOMPARE(QSettings().value(QStringLiteral("Startup/kind")).toString(), QStringLiteral("file"));
        auto t = resolveStartupDatabase({}, StartupChoice::remembered());
        QVERIFY(t.ok());
        QCOMPARE(t->source, StartupTarget::Source::Remembered);
        QCOMPARE(t->url.path, path);

        // The file is gone: ask again rather than make an empty one behind the user's back.
        QVERIFY(QFile::remove(path));
        t = resolveStartupDatabase({}, StartupChoice::remembered());
        QVERIFY(t.ok());
        QCOMPARE(t->source, StartupTarget::Source::Ask);
    }

    // --- the dialog, driven as a user does ---

    void demoChoice()
    {
        gui::FirstRunController firstRun(&m_passwords);
        widgets::FirstRunDialog *d = firstRun.dialog();
        whenShown(d, [d] { QTest::mouseClick(d->demoButton(), Qt::LeftButton); });
        const auto t = firstRun.run();
        QVERIFY(t.has_value());
        QCOMPARE(t->url.path, demoDatabasePath());
        QVERIFY(t->seedDemo);
        const StartupChoice kept = StartupChoice::remembered();
        QCOMPARE(kept.kind, StartupKind::Demo);
        // The next start opens it without asking, and seeds it if it is still empty.
        auto next = resolveStartupDatabase({}, kept);
        QVERIFY(next.ok());
        QCOMPARE(next->source, StartupTarget::Source::Remembered);
        QCOMPARE(next->url.path, demoDatabasePath());
        QVERIFY(next->seedDemo);
    }

    void serverChoiceFromRecent()
    {
        const QString recent = QStringLiteral("postgresql://ana@db.example:5432/fieldops");
        settings::rememberConnection(*DatabaseUrl::parse(QStringLiteral("sqlite:///tmp/own.db")));
        settings::rememberConnection(*DatabaseUrl::parse(recent));
        gui::FirstRunController firstRun(&m_passwords);
        widgets::FirstRunDialog *d = firstRun.dialog();
        bool formFilled = false;
        whenShown(d, [d, &formFilled] {
            // Only servers are listed; the most recent is chosen.
            QCOMPARE(d->recentList()->count(), 1);
            QTimer::singleShot(0, d, [&formFilled] {
                auto *connection = qobject_cast<gui::ConnectionDialog *>(QApplication::activeModalWidget());
                if (!connection)
                    return;
                if (!QTest::qWaitForWindowExposed(connection))
                    return;
                formFilled = connection->form()->hostEdit()->text() == QLatin1String("db.example")
                             && connection->form()->userEdit()->text() == QLatin1String("ana");
                QLineEdit *password = connection->form()->passwordEdit();
                password->setFocus();
                QTest::keyClicks(password, QStringLiteral("s3cret"));
                QTest::keyClick(password, Qt::Key_Return);
            });
            QTest::mouseClick(d->serverButton(), Qt::LeftButton);
        });
        const auto t = firstRun.run();
        QVERIFY(formFilled);
        QVERIFY(t.has_value());
        QCOMPARE(t->url.dialect, Dialect::PostgreSQL);
        QCOMPARE(t->url.host, QStringLiteral("db.example"));
        QCOMPARE(t->url.password, QStringLiteral("s3cret")); // for this connection only
        QCOMPARE(t->kind, StartupKind::Server);
        const StartupChoice kept = StartupChoice::remembered();
        QCOMPARE(kept.kind, StartupKind::Server);
        QCOMPARE(kept.database, recent);
        QVERIFY(!settingsText().contains(QLatin1String("s3cret")));
    }

    void serverDialogCancelledGoesBack()
    {
        gui::FirstRunController firstRun(&m_passwords);
        widgets::FirstRunDialog *d = firstRun.dialog();
        bool stillUp = false;
        whenShown(d, [d, &stillUp] {
            QTimer::singleShot(0, d, [d, &stillUp] {
                if (auto *connection = qobject_cast<gui::ConnectionDialog *>(QApplication::activeModalWidget())) {
                    if (!QTest::qWaitForWindowExposed(connection))
                        return;
                    QTest::keyClick(connection, Qt::Key_Escape);
                }
                QTimer::singleShot(0, d, [d, &stillUp] {
                    stillUp = d->isVisible();
                    QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
                });
            });
            QTest::mouseClick(d->serverButton(), Qt::LeftButton);
        });
        QVERIFY(!firstRun.run().has_value());
        QVERIFY(stillUp);
        QVERIFY(!StartupChoice::remembered().isSet());
    }

    void newFileChoice()
    {
        const QString path = m_dir.filePath(QStringLiteral("mine.db"));
        gui::FirstRunController firstRun(&m_passwords);
        widgets::FirstRunDialog *d = firstRun.dialog();
        d->setFileChooser([path](QWidget *) { return path; });
        whenShown(d, [d] { QTest::mouseClick(d->fileButton(), Qt::LeftButton); });
        const auto t = firstRun.run();
        QVERIFY(t.has_value());
        QCOMPARE(t->url.path, path);
        QCOMPARE(t->kind, StartupKind::File);
        QVERIFY(!t->seedDemo);
        auto db = Database::open(t->url);
        QVERIFY(db.ok());
        auto version = Migrator(**db).currentVersion();
        QVERIFY(version.ok());
        QVERIFY(*version > 0); // the schema is there
        const StartupChoice kept = StartupChoice::remembered();
        QCOMPARE(kept.kind, StartupKind::File);
        QCOMPARE(kept.database, QStringLiteral("sqlite://") + path);
    }

    void badFileIsExplainedAndNotRemembered_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("says");
        QTest::newRow("not a database") << "notes.txt" << QByteArray("just some notes\n") << "is not a SQLite database";
        QTest::newRow("missing folder") << "no/such/folder/x.db" << QByteArray() << "does not exist";
    }
    void badFileIsExplainedAndNotRemembered()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, says);
        const QString path = m_dir.filePath(name);
        if (!content.isEmpty()) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        gui::FirstRunController firstRun(&m_passwords);
        widgets::FirstRunDialog *d = firstRun.dialog();
        d->setFileChooser([path](QWidget *) { return path; });
        QString shown;
        bool stillUp = false;
        whenShown(d, [d, &shown, &stillUp] {
            QTest::mouseClick(d->fileButton(), Qt::LeftButton);
            stillUp = d->isVisible();
            shown = d->problemLabel()->isVisible() ? d->problemLabel()->text() : QString();
            QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        });
        QVERIFY(!firstRun.run().has_value());
        QVERIFY(stillUp);
        QVERIFY2(shown.contains(says), qPrintable(shown));
        QVERIFY(!StartupChoice::remembered().isSet());
        if (!content.isEmpty()) { // the user's file is left as it was
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), content);
        }
    }

    void openAnotherDatabaseFromTheMenu()
    {
        const QString first = m_dir.filePath(QStringLiteral("first.db"));
        const QString second = m_dir.filePath(QStringLiteral("second.db"));
        QVERIFY(prepareDatabaseFile(first).ok());
        QString why;
        auto w = test::openMainWindow(QStringLiteral("sqlite://") + first, &why);
        QVERIFY2(w, qPrintable(why));
        auto *open = w->findChild<QAction *>(QStringLiteral("actionOpenAnotherDatabase"));
        QVERIFY(open);
        QString cancelText;
        QTimer::singleShot(0, w.get(), [&cancelText, second] {
            auto *d = qobject_cast<widgets::FirstRunDialog *>(QApplication::activeModalWidget());
            if (!d || !QTest::qWaitForWindowExposed(d))
                return;
            cancelText = d->cancelButton()->text(); // keeps the console open, unlike Quit
            d->setFileChooser([second](QWidget *) { return second; });
            QTest::mouseClick(d->fileButton(), Qt::LeftButton);
        });
        QSignalSpy refreshed(w->session(), &ConsoleSession::refreshed);
        open->trigger();
        QCOMPARE(cancelText, QStringLiteral("Cancel"));
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0 && w->session()->url().path == second, 15000);
        QCOMPARE(StartupChoice::remembered().database, QStringLiteral("sqlite://") + second);
    }

    void cancelQuitsWithNothingRemembered()
    {
        gui::FirstRunController firstRun(&m_passwords);
        widgets::FirstRunDialog *d = firstRun.dialog();
        whenShown(d, [d] { QTest::mouseClick(d->cancelButton(), Qt::LeftButton); });
        QVERIFY(!firstRun.run().has_value());
        QVERIFY(!StartupChoice::remembered().isSet());
        QVERIFY(!QSettings().contains(QStringLiteral("Startup/kind")));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_first_run.moc"
