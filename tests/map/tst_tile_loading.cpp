// Tile sources: the MBTiles reader on a file this test writes (TMS row flip), and the XYZ
// loader against a tiny HTTP tile server this test runs on 127.0.0.1: User-Agent, disk
// cache hit on a second load, retry after a 500, cancellation on a fast zoom (counted
// requests), and the tile store's lower-zoom fallback. Never touches the internet.
#include "map/MbTilesLoader.h"
#include "map/MbTilesReader.h"
#include "map/TileStore.h"
#include "map/XyzTileLoader.h"

#include <QBuffer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops::map;

namespace {

QByteArray pngOf(const QColor &c, int side = 256)
{
    QImage img(side, side, QImage::Format_ARGB32);
    img.fill(c);
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "PNG");
    return bytes;
}

// Answers GET /z/x/y.png with a PNG, counts requests per path, can fail the first N
// requests of a path with 500 and can hold answers back (to see cancellation).
class TileServer : public QObject {
public:
    TileServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
    }
    QString urlTemplate() const { return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(m_server.serverPort()); }
    int total = 0;
    QHash<QString, int> perPath;
    QHash<QString, int> failFirst; // path → how many 500s before success
    QByteArray lastUserAgent;
    int delayMs = 0;

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buf.left(end);
        buf.remove(0, end + 4);
        const QList<QByteArray> lines = head.split('\n');
        const QString path = QString::fromLatin1(lines.first().split(' ').value(1));
        for (const QByteArray &l : lines)
            if (l.toLower().startsWith("user-agent:"))
                lastUserAgent = l.mid(11).trimmed();
        ++total;
        ++perPath[path];
        QByteArray answer;
        if (failFirst.value(path) > 0) {
            --failFirst[path];
            answer = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
        } else {
            const QByteArray body = pngOf(QColor(0x40, 0x80, 0xC0));
            answer = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + QByteArray::number(body.size())
                     + "\r\n\r\n" + body;
        }
        QPointer<QTcpSocket> sock(s);
        QTimer::singleShot(delayMs, this, [sock, answer] {
            if (sock && sock->state() == QAbstractSocket::ConnectedState)
                sock->write(answer);
        });
    }
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestTileLoading : public QObject {
    Q_OBJECT
private slots:
    void mbtilesReaderFlipsRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("offline.mbtiles"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mbtiles-writer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE metadata (name text, value text)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO metadata VALUES ('name', 'Test'), ('attribution', 'Test tiles'), ('format', 'png')")));
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)")));
            // XYZ tile 3/2/1 stored at TMS row 8-1-1 = 6, red; 3/2/6 stored at TMS row 1, green.
            q.addBindValue(3);
            q.addBindValue(2);
            q.addBindValue(6);
            q.addBindValue(pngOf(Qt::red, 16));
            QVERIFY(q.exec());
            q.addBindValue(3);
            q.addBindValue(2);
            q.addBindValue(1);
            q.addBindValue(pngOf(Qt::green, 16));
            QVERIFY(q.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("mbtiles-writer"));

        auto reader = MbTilesReader::open(path);
        QVERIFY2(reader.ok(), reader.ok() ? "" : qPrintable(reader.error().message));
        QCOMPARE((*reader)->metadata().value(QStringLiteral("attribution")), QStringLiteral("Test tiles"));
        auto red = (*reader)->tile({3, 2, 1});
        QVERIFY(red.ok() && red->has_value());
        QCOMPARE(QImage::fromData(**red).pixelColor(5, 5), QColor(Qt::red));
        auto green = (*reader)->tile({3, 2, 6});
        QVERIFY(green.ok() && green->has_value());
        QCOMPARE(QImage::fromData(**green).pixelColor(5, 5), QColor(Qt::green));
        auto none = (*reader)->tile({3, 0, 0});
        QVERIFY(none.ok() && !none->has_value());

        // Through the loader and the store: tiles arrive asynchronously, holes are "missing".
        TileStore store;
        store.setLoader(std::make_unique<MbTilesLoader>(std::move(*reader)));
        QSignalSpy loaded(store.loader(), &TileLoader::tileLoaded);
        QSignalSpy missing(store.loader(), &TileLoader::tileMissing);
        store.request({{3, 2, 1}, {3, 0, 0}});
        QCOMPARE(loaded.count(), 0); // never inside the request (no paint waits on a read)
        QTRY_COMPARE(loaded.count(), 1);
        QTRY_COMPARE(missing.count(), 1);
        QVERIFY(store.tile({3, 2, 1}));

        QVERIFY(!MbTilesReader::open(dir.filePath(QStringLiteral("nope.mbtiles"))).ok());
    }

    void xyzLoadsThenHitsDiskCache()
    {
        TileServer server;
        QTemporaryDir cacheDir;
        const QList<TileKey> keys{{4, 5, 6}, {4, 6, 6}, {4, 5, 7}};
        {
            XyzTileLoader loader(server.urlTemplate(), TileDiskCache(cacheDir.path()));
            QSignalSpy loaded(&loader, &TileLoader::tileLoaded);
            loader.setWanted(keys);
            QTRY_COMPARE(loaded.count(), 3);
            QCOMPARE(server.total, 3);
            QCOMPARE(loaded.first().at(1).value<QImage>().size(), QSize(256, 256));
            QVERIFY(server.lastUserAgent.startsWith("FieldOpsConsole/"));
            // Asked again while loaded: the store would hold them; the loader never re-asks
            // for a tile already delivered within the same wish.
            QCOMPARE(server.perPath.value(QStringLiteral("/4/5/6.png")), 1);
        }
        // A new loader (a new session) finds them on disk: no second request.
        XyzTileLoader again(server.urlTemplate(), TileDiskCache(cacheDir.path()));
        QSignalSpy loaded(&again, &TileLoader::tileLoaded);
        again.setWanted(keys);
        QTRY_COMPARE(loaded.count(), 3);
        QCOMPARE(server.total, 3);
        QCOMPARE(again.requestsSent(), 0);
    }

    void retriesAfterServerError()
    {
        TileServer server;
        server.failFirst.insert(QStringLiteral("/5/1/1.png"), 2);
        XyzTileLoader loader(server.urlTemplate(), TileDiskCache());
        loader.setBaseBackoffMs(50);
        QSignalSpy loaded(&loader, &TileLoader::tileLoaded);
        QSignalSpy unreachable(&loader, &TileLoader::sourceUnreachable);
        QElapsedTimer t;
        t.start();
        loader.setWanted({{5, 1, 1}});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QCOMPARE(server.perPath.value(QStringLiteral("/5/1/1.png")), 3); // 500, 500, 200
        QCOMPARE(unreachable.count(), 2);
        // Backoff: 50 ms then 100 ms at least between the attempts.
        QVERIFY2(t.elapsed() >= 150, qPrintable(QString::number(t.elapsed())));
    }

    void fastZoomMakesNoRequestStorm()
    {
        TileServer server;
        server.delayMs = 150; // answers slow enough that the zoom outruns them
        XyzTileLoader loader(server.urlTemplate(), TileDiskCache());
        loader.setMaxConcurrent(4);
        QSignalSpy loaded(&loader, &TileLoader::tileLoaded);
        // A fast wheel zoom from 3 to 16 over São Paulo: each step wants ~20 tiles, within
        // a few milliseconds of each other.
        QList<TileKey> last;
        int wishedTotal = 0;
        for (int z = 3; z <= 16; ++z) {
            const TileKey c = tileAt(QPointF(0.3705, 0.5673), z);
            QList<TileKey> wish;
            for (int dy = -2; dy <= 2; ++dy)
                for (int dx = -2; dx <= 2; ++dx)
                    wish.append({z, c.x + dx, c.y + dy});
            wishedTotal += wish.size();
            loader.setWanted(wish);
            last = wish;
            QTest::qWait(5);
        }
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), last.size(), 20000);
        // Only the final level's tiles were loaded, and the earlier levels cost at most the
        // handful started before they were cancelled, never their full 25 each.
        for (const QList<QVariant> &args : std::as_const(loaded))
            QCOMPARE(args.at(0).value<TileKey>().z, 16);
        qInfo("wished %d tiles over 14 zoom levels; the server saw %d requests", wishedTotal, server.total);
        QVERIFY2(server.total <= last.size() + 13 * 4, qPrintable(QString::number(server.total)));
        QVERIFY(server.total < wishedTotal / 3);
    }

    void storeFallsBackToLowerZoom()
    {
        TileStore store;
        QImage parent(256, 256, QImage::Format_ARGB32);
        parent.fill(Qt::blue);
        store.insert({2, 1, 1}, parent);
        QRectF src;
        // 4/5/6 lies in 2/1/1: quarter by quarter, the (1, 2) sixteenth-square of it.
        const QImage *img = store.bestAvailable({4, 5, 6}, src);
        QVERIFY(img);
        QCOMPARE(src, QRectF(64, 128, 64, 64));
        QVERIFY(!store.bestAvailable({4, 0, 0}, src));
        QVERIFY(!store.bestAvailable({9, 40, 48}, src, 2)); // too many levels up
    }
};

QTEST_GUILESS_MAIN(TestTileLoading)
#include "tst_tile_loading.moc"
