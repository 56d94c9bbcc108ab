#pragma once
// Road travel times from an OSRM routing service: one `table` request
// (GET {base}/table/v1/{profile}/{lon,lat;…}?sources=…&destinations=…&annotations=duration)
// answers a whole matrix; its seconds are rounded up to whole minutes.
//
// The service is an option, never a dependency: on a timeout, a refused connection, an HTTP
// error, an answer whose code is not "Ok", malformed JSON or a table of the wrong shape, the
// affected pairs come from the fallback provider (the straight-line model), the reason is kept
// in words (lastProblem()), and the service is left alone for a back-off period so a dead
// server costs one timeout, not one per question. A null duration (no road between two
// places) falls back for that pair only; the service itself is fine.
//
// Synchronous and const like every provider: each request runs a QNetworkAccessManager and a
// local QEventLoop in the calling thread, so it works from a worker thread without a running
// event loop and from the CLI's main thread. Meant for worker threads: on the GUI thread the
// wait would block the window for up to the timeout.
#include "scheduling/TravelTime.h"

#include <QString>
#include <QUrl>
#include <chrono>
#include <mutex>

namespace fieldops::scheduling {

struct OsrmConfig {
    QUrl baseUrl;                       // e.g. http://127.0.0.1:5000
    QString profile = QStringLiteral("driving");
    int timeoutMs = 3000;
    int maxCoordinates = 100;           // OSRM's default --max-table-size
    int backoffMs = 60'000;             // after a failure, the service is skipped this long
};

class OsrmTravelTime final : public TravelTimeProvider {
public:
    // `fallback` must outlive this provider.
    explicit OsrmTravelTime(OsrmConfig config, const TravelTimeProvider &fallback = defaultTravelTime());

    int minutes(const GeoPlace &from, const GeoPlace &to) const override;
    // Road time can exceed any straight-line bound, so the only safe bound is the answer.
    int upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const override { return minutes(from, to); }
    std::vector<int> matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const override;

    const OsrmConfig &config() const { return m_config; }
    // Why travel times last came from the fallback, in words ("routing service at …: no answer
    // within 3 s; using straight-line travel times"); empty while none did.
    QString lastProblem() const;
    // HTTP requests sent so far (the back-off sends none).
    int requestsSent() const;
    // Questions answered at least partly by the fallback so far: a caller compares it
    // before and after its own questions to know whether lastProblem() concerns them.
    int fallbacksUsed() const;

private:
    struct Block; // one request's worth of the matrix (OsrmTravelTime.cpp)
    // Fills `out` for one block; false (with `problem` set) when the service failed.
    bool askService(const Block &block, std::vector<int> &out, size_t columns, QString &problem) const;
    void noteProblem(const QString &problem, bool serviceFailed) const;
    bool backingOff() const;

    OsrmConfig m_config;
    const TravelTimeProvider &m_fallback;
    mutable std::mutex m_mutex; // worker threads may ask at once
    mutable QString m_problem;
    mutable std::chrono::steady_clock::time_point m_skipUntil{};
    mutable int m_requests = 0;
    mutable int m_fallbacks = 0;
};

} // namespace fieldops::scheduling
