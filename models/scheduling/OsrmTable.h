#pragma once
// The wire format of OSRM's `table` service, apart from any network code so it can be read
// and tested alone: the request's URL and the answer's durations.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <vector>

namespace fieldops::scheduling::osrm {

// "lon,lat" with six decimals (about 0.1 m), the order OSRM wants; also the key that makes
// identical places one coordinate of a request.
QString coordinateText(double lat, double lon);

// {base}/table/v1/{profile}/{coordinates}?sources=…&destinations=…&annotations=duration;
// `sources` and `destinations` index `coordinates`.
QUrl tableUrl(const QUrl &base, const QString &profile, const QStringList &coordinates, const std::vector<int> &sources,
              const std::vector<int> &destinations);

struct TableAnswer {
    bool ok = false;
    QString problem;             // what was wrong, in words, when !ok
    std::vector<double> seconds; // row-major sources × destinations; negative: null (no route)
};

// Reads an answer of `httpStatus` that must hold a rows × columns table.
TableAnswer parseTable(const QByteArray &body, int httpStatus, size_t rows, size_t columns);

// Seconds rounded up to whole minutes (600 → 10, 601 → 11).
int minutesFromSeconds(double seconds);

} // namespace fieldops::scheduling::osrm
