#pragma once
// The version this console expects each appointment to have. Commands on one undo stack
// touch the same rows in turn (move, then lock, then undo both): each bumps the version,
// so a command's own remembered version goes stale through its neighbours' writes. The
// ledger holds the latest version this console wrote or last showed the dispatcher, and
// only a write by someone else makes it disagree with the database: a true stale version.
#include <QHash>
#include <QString>

namespace fieldops {

class VersionLedger {
public:
    int expected(const QString &appointmentId, int fallback) const { return m_versions.value(appointmentId, fallback); }
    void record(const QString &appointmentId, int version) { m_versions.insert(appointmentId, version); }
    void clear() { m_versions.clear(); }

private:
    QHash<QString, int> m_versions;
};

} // namespace fieldops
