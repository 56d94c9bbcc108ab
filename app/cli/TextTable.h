#pragma once
// The CLI's plain-text tables: columns padded to their widest cell plus two spaces, the last
// column left as it is so long reasons are not followed by blanks.
#include <QString>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace fieldops::cli {

inline QString textTable(const std::vector<QStringList> &rows)
{
    if (rows.empty())
        return {};
    std::vector<qsizetype> width(size_t(rows.front().size()), 0);
    for (const QStringList &r : rows)
        for (qsizetype c = 0; c + 1 < r.size() && size_t(c) < width.size(); ++c)
            width[size_t(c)] = std::max(width[size_t(c)], r[c].size());
    QString out;
    for (const QStringList &r : rows) {
        for (qsizetype c = 0; c < r.size(); ++c)
            out += c + 1 < r.size() && size_t(c) < width.size() ? r[c].leftJustified(width[size_t(c)] + 2) : r[c];
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace fieldops::cli
