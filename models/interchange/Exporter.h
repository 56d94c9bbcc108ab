#pragma once
// `fieldops-cli export DIR` as a library: writes the 19 files of the README's CSV interchange (every
// column, times as UTC with Z) from one consistent snapshot, rows sorted by key so two
// exports of the same data are byte-identical and import back unchanged.
#include "util/Result.h"

#include <QMap>
#include <QString>
#include <functional>

namespace fieldops {
class Database;
}

namespace fieldops::interchange {

class Exporter {
public:
    explicit Exporter(Database &db) : m_db(db) {}
    // Rows written per file name. progress(percent, stage) returning false cancels.
    Result<QMap<QString, int>> exportDirectory(const QString &dir,
                                               const std::function<bool(int, const QString &)> &progress = {});

private:
    Database &m_db;
};

} // namespace fieldops::interchange
