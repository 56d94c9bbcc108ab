#pragma once
// Tiles from an XYZ URL template over HTTP, the way a good tile-server citizen asks:
// a real User-Agent, the disk cache consulted first, a few requests at a time, one
// request per tile however often it is asked for, requests for tiles that left the
// screen aborted, and after an error a retry with exponential backoff. The tile store
// keeps what was delivered and never asks again for a tile it holds.
#include "map/TileDiskCache.h"
#include "map/TileLoader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTimer>

class QNetworkReply;

namespace fieldops::map {

class XyzTileLoader : public TileLoader {
    Q_OBJECT
public:
    XyzTileLoader(QString urlTemplate, TileDiskCache cache, QObject *parent = nullptr);
    ~XyzTileLoader() override;

    static QByteArray userAgent();
    void setWanted(const QList<TileKey> &keys) override;

    void setMaxConcurrent(int n) { m_maxConcurrent = n; }
    void setBaseBackoffMs(int ms) { m_baseBackoffMs = ms; }
    // Requests sent to the server so far (tests and the status line).
    int requestsSent() const { return m_requestsSent; }
    int inFlight() const { return int(m_inFlight.size()); }

private:
    struct Retry {
        int failures = 0;
        qint64 notBeforeMs = 0; // on m_clock
    };
    void schedulePump();
    void pump();
    void start(const TileKey &key);
    void onFinished(QNetworkReply *reply, const TileKey &key);

    QString m_template;
    TileDiskCache m_cache;
    QNetworkAccessManager m_nam;
    QList<TileKey> m_wanted; // in priority order
    QSet<TileKey> m_wantedSet;
    QHash<TileKey, QNetworkReply *> m_inFlight;
    QHash<TileKey, Retry> m_retries;
    QSet<TileKey> m_missing;   // 404: the server has none
    QTimer m_pumpTimer;
    QElapsedTimer m_clock;
    int m_maxConcurrent = 4;
    int m_baseBackoffMs = 500;
    int m_requestsSent = 0;
};

} // namespace fieldops::map
