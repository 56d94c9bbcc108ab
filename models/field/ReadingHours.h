#pragma once
// The hourly sums of asset readings (asset_reading_hours: count, least, greatest, sum per
// asset, kind and UTC hour), added up in memory over a batch and merged into the table
// once at its end, so a hundred thousand readings cost a few hundred upserts.
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace fieldops {
class Database;
}

namespace fieldops::field {

class ReadingHours {
public:
    void add(const QString &assetId, const QString &kind, const QDateTime &at, double value);
    // Merges what was added into the table (inside the caller's transaction) and forgets it.
    Status flush(Database &db);
    bool isEmpty() const { return m_hours.isEmpty(); }
    // The sums of these assets computed again from their readings (after an import replaced
    // them); the same sums the ingest adds up, in SQL. Hours before the pruning's watermark
    // (ReadingRetention.h) keep their sums: their readings are gone.
    static Status rebuild(Database &db, const QStringList &assetIds);
    void clear() { m_hours.clear(); }

private:
    struct Key {
        QString assetId;
        QString kind;
        QDateTime hour;
        bool operator==(const Key &o) const { return assetId == o.assetId && kind == o.kind && hour == o.hour; }
    };
    struct Sums {
        qint64 count = 0;
        double min = 0, max = 0, sum = 0;
    };
    friend size_t qHash(const Key &k, size_t seed) { return qHashMulti(seed, k.assetId, k.kind, k.hour.toSecsSinceEpoch()); }
    QHash<Key, Sums> m_hours;
};

} // namespace fieldops::field
