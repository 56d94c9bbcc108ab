#pragma once
// What other people changed a moment ago, so the board and the map can outline those rows
// with the name of who changed them. Fed with every batch of the change feed; our own
// writes (same actor) and the phones' position stream are not news to the dispatcher and
// are left out. Entries expire after a few seconds; changed() fires when the set grows or
// shrinks so views repaint.
#include "sync/Change.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <optional>

namespace fieldops {

class RecentChanges : public QObject {
    Q_OBJECT
public:
    struct Entry {
        QString actor;
        QString op; // insert | update | delete
        qint64 expiresAtMs = 0;
    };

    explicit RecentChanges(QObject *parent = nullptr);

    // Changes by this actor are ours and never highlighted.
    void setOwnActor(const QString &actor) { m_ownActor = actor; }
    const QString &ownActor() const { return m_ownActor; }
    void setLifetimeMs(int ms) { m_lifetimeMs = ms; }
    int lifetimeMs() const { return m_lifetimeMs; }

    void record(const ChangeList &changes);
    void clear();

    // The live entry for this row, if someone else changed it within the lifetime.
    std::optional<Entry> find(const QString &entity, const QString &id) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }
    // 0..1: how much of the highlight is left, for fading it out.
    double remainingFraction(const Entry &entry) const;

signals:
    void changed();

private:
    static QString key(const QString &entity, const QString &id) { return entity + QLatin1Char('/') + id; }
    void expire();
    void scheduleExpiry();

    QString m_ownActor;
    int m_lifetimeMs = 6000;
    QElapsedTimer m_clock;
    QHash<QString, Entry> m_entries;
    QTimer m_expiry;
};

} // namespace fieldops
