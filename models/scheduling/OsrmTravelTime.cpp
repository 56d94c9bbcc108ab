#include "scheduling/OsrmTravelTime.h"

#include "scheduling/OsrmTable.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace fieldops::scheduling {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(OsrmTravelTime)
};

// The distinct places of one side of a matrix, in first-seen order.
struct Distinct {
    std::vector<QString> coords; // osrm::coordinateText
    std::vector<QString> labels; // a site id, else "lat, lon", for the reason texts
    std::vector<int> of;         // input index → distinct index; -1: nothing to ask for it
};

Distinct distinctPlaces(const std::vector<GeoPlace> &places, const std::vector<bool> &needed)
{
    Distinct d;
    QHash<QString, int> seen;
    d.of.assign(places.size(), -1);
    for (size_t i = 0; i < places.size(); ++i) {
        if (!needed[i])
            continue;
        const QString c = osrm::coordinateText(places[i].lat, places[i].lon);
        auto it = seen.constFind(c);
        if (it == seen.constEnd()) {
            it = seen.insert(c, int(d.coords.size()));
            d.coords.push_back(c);
            d.labels.push_back(places[i].siteId.isEmpty() ? QStringLiteral("%1, %2").arg(places[i].lat).arg(places[i].lon)
                                                          : places[i].siteId);
        }
        d.of[i] = it.value();
    }
    return d;
}

std::vector<std::pair<int, int>> chunks(int count, int size)
{
    std::vector<std::pair<int, int>> out;
    for (int at = 0; at < count; at += size)
        out.emplace_back(at, std::min(count, at + size));
    return out;
}
} // namespace

// One request: a range of distinct sources × a range of distinct destinations, their
// coordinates deduplicated once more across the two sides.
struct OsrmTravelTime::Block {
    const Distinct *src = nullptr;
    const Distinct *dst = nullptr;
    std::pair<int, int> rows, columns; // [first, last) distinct indexes
};

OsrmTravelTime::OsrmTravelTime(OsrmConfig config, const TravelTimeProvider &fallback)
    : m_config(std::move(config)), m_fallback(fallback)
{
    m_config.maxCoordinates = std::max(2, m_config.maxCoordinates);
}

int OsrmTravelTime::minutes(const GeoPlace &from, const GeoPlace &to) const
{
    return matrix({from}, {to}).front();
}

std::vector<int> OsrmTravelTime::matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const
{
    const size_t columns = to.size();
    std::vector<int> out(from.size() * columns, -1);
    // The same site is 0 minutes away without asking; every other pair is asked.
    std::vector<bool> rowNeeded(from.size(), false), columnNeeded(columns, false);
    for (size_t i = 0; i < from.size(); ++i) {
        for (size_t j = 0; j < columns; ++j) {
            if (!from[i].siteId.isEmpty() && from[i].siteId == to[j].siteId) {
                out[i * columns + j] = 0;
            } else {
                rowNeeded[i] = true;
                columnNeeded[j] = true;
            }
        }
    }
    const Distinct src = distinctPlaces(from, rowNeeded), dst = distinctPlaces(to, columnNeeded);
    const int rows = int(src.coords.size()), cols = int(dst.coords.size());
    std::vector<int> distinctMinutes(size_t(rows) * size_t(cols), -1);

    if (rows > 0 && !backingOff()) {
        // Within the service's limit one request; beyond it, blocks of half the limit a side.
        const int limit = m_config.maxCoordinates;
        const int side = rows + cols <= limit ? std::max(rows, cols) : limit / 2;
        QString nullProblem;
        bool failed = false;
        for (const auto &r : chunks(rows, side)) {
            for (const auto &c : chunks(cols, side)) {
                QString problem;
                if (!askService(Block{&src, &dst, r, c}, distinctMinutes, size_t(cols), problem)) {
                    noteProblem(problem, true);
                    failed = true;
                    break;
                }
                if (!problem.isEmpty())
                    nullProblem = problem;
            }
            if (failed)
                break;
        }
        if (!failed)
            noteProblem(nullProblem, false);
    }

    bool fellBack = false;
    for (size_t i = 0; i < from.size(); ++i) {
        for (size_t j = 0; j < columns; ++j) {
            int &m = out[i * columns + j];
            if (m >= 0)
                continue;
            const int known = distinctMinutes[size_t(src.of[i]) * size_t(cols) + size_t(dst.of[j])];
            fellBack = fellBack || known < 0;
            m = known >= 0 ? known : m_fallback.minutes(from[i], to[j]);
        }
    }
    if (fellBack) {
        std::lock_guard lock(m_mutex);
        ++m_fallbacks;
    }
    return out;
}

bool OsrmTravelTime::askService(const Block &block, std::vector<int> &out, size_t columns, QString &problem) const
{
    QStringList coords;
    QHash<QString, int> index;
    auto coordinate = [&](const QString &c) {
        auto it = index.constFind(c);
        if (it == index.constEnd()) {
            it = index.insert(c, int(coords.size()));
            coords << c;
        }
        return it.value();
    };
    std::vector<int> sources, destinations;
    for (int r = block.rows.first; r < block.rows.second; ++r)
        sources.push_back(coordinate(block.src->coords[size_t(r)]));
    for (int c = block.columns.first; c < block.columns.second; ++c)
        destinations.push_back(coordinate(block.dst->coords[size_t(c)]));
    const QUrl url = osrm::tableUrl(m_config.baseUrl, m_config.profile, coords, sources, destinations);
    {
        std::lock_guard lock(m_mutex);
        ++m_requests;
    }

    // Everything lives in this thread and this call: no event loop needs to be running.
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort(); // emits finished
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_config.timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    timer.stop();

    const QString where = m_config.baseUrl.toString(QUrl::StripTrailingSlash);
    auto failure = [&](const QString &what) {
        problem = Text::tr("routing service at %1: %2; using straight-line travel times").arg(where, what);
        return false;
    };
    if (timedOut)
        return failure(Text::tr("no answer within %1 s").arg(QString::number(m_config.timeoutMs / 1000.0, 'g', 3)));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) // no HTTP answer at all: refused, unknown host, reset …
        return failure(reply->errorString());
    const size_t rows = sources.size(), cols = destinations.size();
    const osrm::TableAnswer answer = osrm::parseTable(reply->readAll(), status, rows, cols);
    if (!answer.ok)
        return failure(answer.problem);
    for (size_t r = 0; r < rows; ++r) {
        for (size_t c = 0; c < cols; ++c) {
            const double s = answer.seconds[r * cols + c];
            const int row = block.rows.first + int(r), column = block.columns.first + int(c);
            if (s < 0) { // null: no road between them; that pair alone falls back
                problem = Text::tr("routing service at %1: no road route from %2 to %3; using the straight-line travel time for it")
                              .arg(where, block.src->labels[size_t(row)], block.dst->labels[size_t(column)]);
                continue;
            }
            out[size_t(row) * columns + size_t(column)] = osrm::minutesFromSeconds(s);
        }
    }
    return true;
}

void OsrmTravelTime::noteProblem(const QString &problem, bool serviceFailed) const
{
    if (problem.isEmpty())
        return; // kept: a later good answer does not undo that some times were straight-line
    std::lock_guard lock(m_mutex);
    m_problem = problem;
    if (serviceFailed)
        m_skipUntil = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_config.backoffMs);
}

bool OsrmTravelTime::backingOff() const
{
    std::lock_guard lock(m_mutex);
    return std::chrono::steady_clock::now() < m_skipUntil;
}

QString OsrmTravelTime::lastProblem() const
{
    std::lock_guard lock(m_mutex);
    return m_problem;
}

int OsrmTravelTime::requestsSent() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

int OsrmTravelTime::fallbacksUsed() const
{
    std::lock_guard lock(m_mutex);
    return m_fallbacks;
}

} // namespace fieldops::scheduling
