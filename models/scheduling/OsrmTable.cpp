#include "scheduling/OsrmTable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace fieldops::scheduling::osrm {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(OsrmTravelTime)
};

QString indexList(const std::vector<int> &indexes)
{
    QStringList parts;
    for (const int i : indexes)
        parts << QString::number(i);
    return parts.join(QLatin1Char(';'));
}
} // namespace

QString coordinateText(double lat, double lon)
{
    return QStringLiteral("%1,%2").arg(QString::number(lon, 'f', 6), QString::number(lat, 'f', 6));
}

QUrl tableUrl(const QUrl &base, const QString &profile, const QStringList &coordinates, const std::vector<int> &sources,
              const std::vector<int> &destinations)
{
    // Built as text: QUrl's path and query setters would encode the separators OSRM reads.
    const QString text = QStringLiteral("%1/table/v1/%2/%3?sources=%4&destinations=%5&annotations=duration")
                             .arg(base.toString(QUrl::StripTrailingSlash), profile, coordinates.join(QLatin1Char(';')),
                                  indexList(sources), indexList(destinations));
    return QUrl(text);
}

TableAnswer parseTable(const QByteArray &body, int httpStatus, size_t rows, size_t columns)
{
    TableAnswer a;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    // OSRM explains a refused query (400) in JSON: its code says more than the status.
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QString code = o.value(QStringLiteral("code")).toString();
        if (code != QLatin1String("Ok")) {
            const QString message = o.value(QStringLiteral("message")).toString();
            a.problem = message.isEmpty() ? Text::tr("it answered \"%1\"").arg(code)
                                          : Text::tr("it answered \"%1\" (%2)").arg(code, message);
            return a;
        }
    }
    if (httpStatus != 200) {
        a.problem = Text::tr("HTTP status %1").arg(httpStatus);
        return a;
    }
    if (!doc.isObject()) {
        a.problem = Text::tr("the answer is not JSON (%1)").arg(error.errorString());
        return a;
    }
    const QJsonValue durations = doc.object().value(QStringLiteral("durations"));
    const QJsonArray table = durations.toArray();
    bool shapeOk = durations.isArray() && size_t(table.size()) == rows;
    a.seconds.reserve(rows * columns);
    for (qsizetype r = 0; shapeOk && r < table.size(); ++r) {
        const QJsonArray row = table.at(r).toArray();
        shapeOk = table.at(r).isArray() && size_t(row.size()) == columns;
        for (qsizetype c = 0; shapeOk && c < row.size(); ++c) {
            const QJsonValue v = row.at(c);
            if (v.isNull())
                a.seconds.push_back(-1);
            else if (v.isDouble() && v.toDouble() >= 0)
                a.seconds.push_back(v.toDouble());
            else
                shapeOk = false;
        }
    }
    if (!shapeOk) {
        a.seconds.clear();
        a.problem = Text::tr("the answer's durations are not a table of %1 × %2 seconds").arg(rows).arg(columns);
        return a;
    }
    a.ok = true;
    return a;
}

int minutesFromSeconds(double seconds)
{
    // A hair of tolerance so that 600.0000001 s stays 10 min.
    return std::max(0, int(std::ceil(seconds / 60.0 - 1e-9)));
}

} // namespace fieldops::scheduling::osrm
