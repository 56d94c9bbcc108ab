#pragma once
// JSON written by hand, for output whose documented key order integrators may rely on
// (QJsonObject sorts keys).
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

#include <cmath>

namespace fieldops::cli {

// A JSON string literal, escaped as QJsonDocument escapes it.
inline QString jsonString(const QString &s)
{
    const QString array = QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact));
    return array.mid(1, array.size() - 2);
}

// A number rounded to two decimals, without trailing zeros ("12.5", "40").
inline QString jsonNumber(double value)
{
    return QString::number(std::round(value * 100.0) / 100.0, 'g', 15);
}

} // namespace fieldops::cli
