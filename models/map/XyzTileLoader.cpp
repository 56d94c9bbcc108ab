#include "map/XyzTileLoader.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <algorithm>

namespace fieldops::map {

namespace {
constexpr int kMaxBackoffMs = 60000;
}

XyzTileLoader::XyzTileLoader(QString urlTemplate, TileDiskCache cache, QObject *parent)
    : TileLoader(parent), m_template(std::move(urlTemplate)), m_cache(std::move(cache))
{
    m_clock.start();
    m_pumpTimer.setSingleShot(true);
    // A burst of setWanted() calls (a fast zoom) collapses into one pump with the last wish.
    m_pumpTimer.setInterval(0);
    connect(&m_pumpTimer, &QTimer::timeout, this, &XyzTileLoader::pump);
}

XyzTileLoader::~XyzTileLoader()
{
    for (QNetworkReply *r : std::as_const(m_inFlight)) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

QByteArray XyzTileLoader::userAgent()
{
    return QByteArrayLiteral("FieldOpsConsole/") + QByteArrayLiteral(FIELDOPS_VERSION)
           + QByteArrayLiteral(" (field-service dispatcher console; Qt ") + QByteArray(qVersion()) + ')';
}

void XyzTileLoader::setWanted(const QList<TileKey> &keys)
{
    m_wanted.clear();
    m_wantedSet.clear();
    for (const TileKey &k : keys) {
        if (!k.isValid() || m_missing.contains(k) || m_wantedSet.contains(k))
            continue;
        m_wanted.append(k);
        m_wantedSet.insert(k);
    }
    // Cancel what left the screen, so bandwidth goes to what is on it.
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (!m_wantedSet.contains(it.key())) {
            QNetworkReply *r = it.value();
            it = m_inFlight.erase(it);
            r->disconnect(this);
            r->abort();
            r->deleteLater();
        } else {
            ++it;
        }
    }
    schedulePump();
}

void XyzTileLoader::schedulePump()
{
    if (!m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void XyzTileLoader::pump()
{
    const qint64 now = m_clock.elapsed();
    qint64 nextRetryAt = -1;
    QList<TileKey> stillWanted;
    for (const TileKey &k : std::as_const(m_wanted)) {
        if (m_missing.contains(k))
            continue;
        stillWanted.append(k);
        if (m_inFlight.contains(k))
            continue;
        if (auto bytes = m_cache.read(k)) {
            QImage img = QImage::fromData(*bytes);
            if (!img.isNull()) {
                stillWanted.removeLast();
                emit tileLoaded(k, img);
                continue;
            }
        }
        const auto retry = m_retries.constFind(k);
        if (retry != m_retries.cend() && retry->notBeforeMs > now) {
            nextRetryAt = nextRetryAt < 0 ? retry->notBeforeMs : std::min(nextRetryAt, retry->notBeforeMs);
            continue;
        }
        if (m_inFlight.size() >= m_maxConcurrent)
            continue;
        start(k);
    }
    m_wanted = stillWanted;
    if (nextRetryAt >= 0 && m_inFlight.size() < m_maxConcurrent)
        QTimer::singleShot(int(std::max<qint64>(1, nextRetryAt - now)), this, &XyzTileLoader::schedulePump);
}

void XyzTileLoader::start(const TileKey &key)
{
    QNetworkRequest req(QUrl(expandTileUrl(m_template, key)));
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setTransferTimeout(20000);
    QNetworkReply *reply = m_nam.get(req);
    ++m_requestsSent;
    m_inFlight.insert(key, reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] { onFinished(reply, key); });
}

void XyzTileLoader::onFinished(QNetworkReply *reply, const TileKey &key)
{
    reply->deleteLater();
    if (m_inFlight.value(key) == reply)
        m_inFlight.remove(key);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        schedulePump();
        return;
    }
    if (status == 404) {
        m_missing.insert(key);
        emit tileMissing(key);
        schedulePump();
        return;
    }
    const QByteArray bytes = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    QImage img = bytes.isEmpty() ? QImage() : QImage::fromData(bytes);
    if (img.isNull()) {
        Retry &r = m_retries[key];
        ++r.failures;
        const int wait = std::min(kMaxBackoffMs, m_baseBackoffMs << std::min(r.failures - 1, 16));
        r.notBeforeMs = m_clock.elapsed() + wait;
        emit sourceUnreachable(reply->error() != QNetworkReply::NoError
                                   ? reply->errorString()
                                   : QCoreApplication::translate("MapView", "the tile server answered %1").arg(status));
        schedulePump();
        return;
    }
    m_retries.remove(key);
    m_cache.write(key, bytes);
    m_wanted.removeOne(key);
    emit tileLoaded(key, img);
    schedulePump();
}

} // namespace fieldops::map
