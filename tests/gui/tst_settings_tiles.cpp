// The tile source settings page, offscreen: each choice round-trips through the settings,
// a file that is not MBTiles (or a template without {y}) is refused with a message naming
// the problem and nothing is written, the cache size shows and "Clear cache" empties it,
// and a saved choice switches the map's tiles at once. The main window offers it as
// Tools → Settings… (Ctrl+,).
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "controllers/MapTabController.h"
#include "map/MapPaintState.h"
#include "map/MapView.h"
#include "map/MbTilesLoader.h"
#include "map/TileSource.h"
#include "map/TileStore.h"
#include "session/ConsoleSession.h"
#include "settings/TileSourcePage.h"

#include <QAction>
#include <QBuffer>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;
using map::TileSource;

namespace {
// A tiny valid MBTiles file: metadata and one tile.
bool writeMbtiles(const QString &path)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mbtiles-writer"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            QImage img(16, 16, QImage::Format_RGB32);
            img.fill(Qt::red);
            QByteArray png;
            QBuffer buf(&png);
            buf.open(QIODevice::WriteOnly);
            img.save(&buf, "PNG");
            ok = q.exec(QStringLiteral("CREATE TABLE metadata (name text, value text)"))
                 && q.exec(QStringLiteral("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)"))
                 && q.exec(QStringLiteral("INSERT INTO metadata VALUES ('name', 'Test')")) && q.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)"));
            if (ok) {
                for (const QVariant &v : {QVariant(0), QVariant(0), QVariant(0), QVariant(png)})
                    q.addBindValue(v);
                ok = q.exec();
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mbtiles-writer"));
    return ok;
}

template <typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}
} // namespace

class TestSettingsTiles : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FieldOpsTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settings_tiles"));
        QVERIFY(m_dir.isValid());
    }

    void init() { TileSource::none().toSettings(); }

    void choicesRoundTrip()
    {
        // A custom XYZ server typed in the page, saved with OK.
        {
            gui::SettingsDialog dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            widgets::TileSourcePage *page = dialog.tilePage();
            QVERIFY(child<QRadioButton>(page, "tileKindNone")->isChecked());
            QVERIFY(!child<QLineEdit>(page, "tileUrlTemplate")->isEnabled());
            QTest::mouseClick(child<QRadioButton>(page, "tileKindXyz"), Qt::LeftButton, {}, QPoint(6, 6));
            QVERIFY(child<QLineEdit>(page, "tileUrlTemplate")->isEnabled());
            typeInto(child<QLineEdit>(page, "tileUrlTemplate"), QStringLiteral("https://tiles.example.org/base/{z}/{x}/{y}.png"));
            typeInto(child<QLineEdit>(page, "tileAttribution"), QStringLiteral("© Example Maps"));
            QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        TileSource saved = TileSource::fromSettings();
        QCOMPARE(saved.kind, TileSource::Kind::Xyz);
        QCOMPARE(saved.urlTemplate, QStringLiteral("https://tiles.example.org/base/{z}/{x}/{y}.png"));
        QCOMPARE(saved.attributionText(), QStringLiteral("© Example Maps"));
        // A new page shows what was saved.
        {
            widgets::TileSourcePage page;
            QVERIFY(child<QRadioButton>(&page, "tileKindXyz")->isChecked());
            QCOMPARE(child<QLineEdit>(&page, "tileUrlTemplate")->text(), saved.urlTemplate);
            QCOMPARE(child<QLineEdit>(&page, "tileAttribution")->text(), QStringLiteral("© Example Maps"));
            // The OpenStreetMap button restores the default server and its attribution.
            QTest::mouseClick(child<QPushButton>(&page, "tileUseOsm"), Qt::LeftButton);
            QVERIFY(page.apply());
            QCOMPARE(TileSource::fromSettings().urlTemplate, TileSource::defaultUrlTemplate());
            QCOMPARE(TileSource::fromSettings().attributionText(), QStringLiteral("© OpenStreetMap contributors"));
        }
        // An MBTiles file, then no tiles.
        const QString file = m_dir.filePath(QStringLiteral("city.mbtiles"));
        QVERIFY(writeMbtiles(file));
        {
            widgets::TileSourcePage page;
            QTest::mouseClick(child<QRadioButton>(&page, "tileKindMbtiles"), Qt::LeftButton, {}, QPoint(6, 6));
            typeInto(child<QLineEdit>(&page, "mbtilesPath"), file);
            QVERIFY2(page.apply(), qPrintable(page.message()));
        }
        saved = TileSource::fromSettings();
        QCOMPARE(saved.kind, TileSource::Kind::MbTiles);
        QCOMPARE(saved.mbtilesPath, file);
        {
            widgets::TileSourcePage page;
            QVERIFY(child<QRadioButton>(&page, "tileKindMbtiles")->isChecked());
            QCOMPARE(child<QLineEdit>(&page, "mbtilesPath")->text(), file);
            QTest::mouseClick(child<QRadioButton>(&page, "tileKindNone"), Qt::LeftButton, {}, QPoint(6, 6));
            QVERIFY(page.apply());
        }
        QCOMPARE(TileSource::fromSettings().kind, TileSource::Kind::None);
    }

    void invalidChoicesAreRefused()
    {
        const QString notMbtiles = m_dir.filePath(QStringLiteral("notes.mbtiles"));
        {
            QFile f(notMbtiles);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("these are shopping notes, not map tiles\n");
        }
        gui::SettingsDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        widgets::TileSourcePage *page = dialog.tilePage();
        QTest::mouseClick(child<QRadioButton>(page, "tileKindMbtiles"), Qt::LeftButton, {}, QPoint(6, 6));
        typeInto(child<QLineEdit>(page, "mbtilesPath"), notMbtiles);
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        // Still open, the message names the file and the problem, nothing saved.
        QVERIFY(dialog.isVisible());
        const QString message = child<QLabel>(page, "tileSourceMessage")->text();
        QVERIFY2(message.contains(QStringLiteral("notes.mbtiles")) && message.contains(QStringLiteral("not an MBTiles file")), qPrintable(message));
        QVERIFY(child<QLabel>(page, "tileSourceMessage")->property("error").toBool());
        QCOMPARE(TileSource::fromSettings().kind, TileSource::Kind::None);

        // A file that does not exist, and a template without {y}: refused the same way.
        typeInto(child<QLineEdit>(page, "mbtilesPath"), m_dir.filePath(QStringLiteral("missing.mbtiles")));
        QVERIFY(!page->apply());
        QVERIFY2(page->message().contains(QStringLiteral("missing.mbtiles")), qPrintable(page->message()));
        QTest::mouseClick(child<QRadioButton>(page, "tileKindXyz"), Qt::LeftButton, {}, QPoint(6, 6));
        typeInto(child<QLineEdit>(page, "tileUrlTemplate"), QStringLiteral("https://tiles.example.org/{z}/{x}.png"));
        QVERIFY(!page->apply());
        QVERIFY2(page->message().contains(QStringLiteral("{y}")), qPrintable(page->message()));
        typeInto(child<QLineEdit>(page, "tileUrlTemplate"), QStringLiteral("ftp://tiles.example.org/{z}/{x}/{y}.png"));
        QVERIFY(!page->apply());
        QVERIFY2(page->message().contains(QStringLiteral("https://")), qPrintable(page->message()));
        QCOMPARE(TileSource::fromSettings().kind, TileSource::Kind::None);
        dialog.reject();
    }

    void cacheSizeAndClear()
    {
        const QString folder = m_dir.filePath(QStringLiteral("tiles"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/abc/3/2")));
        {
            QFile f(folder + QStringLiteral("/abc/3/2/1.tile"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(1500, 'x'));
        }
        widgets::TileSourcePage page;
        QSignalSpy sized(&page, &widgets::TileSourcePage::cacheSizeKnown);
        page.setCacheFolder(folder);
        QTRY_COMPARE(sized.count(), 1);
        QCOMPARE(sized.last().at(0).toLongLong(), 1500);
        QVERIFY(child<QLabel>(&page, "tileCacheLocation")->text().contains(QStringLiteral("tiles")));
        QVERIFY(child<QPushButton>(&page, "tileCacheClear")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&page, "tileCacheClear"), Qt::LeftButton);
        QVERIFY(!QDir(folder).exists());
        QTRY_COMPARE(sized.count(), 2);
        QCOMPARE(sized.last().at(0).toLongLong(), 0);
        QVERIFY(!child<QPushButton>(&page, "tileCacheClear")->isEnabled());
    }

    void savedChoiceAppliesToTheMapLive()
    {
        ConsoleSession session;
        gui::MapTabController tab(&session);
        QVERIFY(!tab.tiles()->hasSource());
        const QString file = m_dir.filePath(QStringLiteral("live.mbtiles"));
        QVERIFY(writeMbtiles(file));
        widgets::TileSourcePage page;
        page.load(TileSource::mbtiles(file));
        QVERIFY2(page.apply(), qPrintable(page.message()));
        QVERIFY(tab.tiles()->hasSource());
        QVERIFY(dynamic_cast<map::MbTilesLoader *>(tab.tiles()->loader()));
        QCOMPARE(tab.view()->paintState().attribution, TileSource::mbtiles(file).attributionText());
        page.load(TileSource::none());
        QVERIFY(page.apply());
        QVERIFY(!tab.tiles()->hasSource());
        QCOMPARE(tab.view()->paintState().attribution, TileSource::none().attributionText());
    }

    void mainWindowOffersSettings()
    {
        gui::MainWindow window;
        QAction *action = window.findChild<QAction *>(QStringLiteral("actionSettings"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+,")));
        // Opened from the menu: the dialog is modal, so close it from a timer.
        QTimer::singleShot(0, &window, [&window] {
            auto *dialog = window.findChild<gui::SettingsDialog *>();
            QVERIFY(dialog);
            QVERIFY(dialog->tilePage());
            dialog->reject();
        });
        action->trigger();
        QVERIFY(!window.findChild<gui::SettingsDialog *>()); // gone after closing
    }
};

QTEST_MAIN(TestSettingsTiles)
#include "tst_settings_tiles.moc"
