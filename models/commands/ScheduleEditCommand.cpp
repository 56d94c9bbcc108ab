#include "commands/ScheduleEditCommand.h"

#include "document/ScheduleDocument.h"
#include "commands/VersionLedger.h"
#include "field/TechnicianNotices.h"
#include "storage/Database.h"

#include <QScopeGuard>

namespace fieldops {

ScheduleEditCommand::ScheduleEditCommand(const EditTarget &target, const QString &text) : m_target(target)
{
    setText(text);
}

int ScheduleEditCommand::expectedVersion(const AppointmentRef &ref) const
{
    return m_target.versions ? m_target.versions->expected(ref.id, ref.version) : ref.version;
}

void ScheduleEditCommand::wrote(AppointmentRef &ref, int version)
{
    ref.version = version;
    if (m_target.versions)
        m_target.versions->record(ref.id, version);
}

void ScheduleEditCommand::run(bool forward)
{
    // An edit saved elsewhere has nothing to write on its first redo: no channel needed.
    Status status = !writes(forward) ? apply(forward) : m_target.channel.run([&](Database &db) -> Status {
        // Runs on the channel's thread while the caller waits: the ledger and the
        // command's own state are not touched by anyone else meanwhile.
        m_db = &db;
        const auto done = qScopeGuard([this] { m_db = nullptr; });
        Transaction tx(db);
        if (!tx.status())
            return tx.status();
        const QDateTime now = m_target.document ? m_target.document->now() : QDateTime::currentDateTimeUtc();
        if (Status s = field::writeWithNotices(db, [this] { return appointmentIds(); }, [&] { return apply(forward); }, now); !s)
            return s;
        return tx.commit();
    });
    if (status) {
        committed();
        m_target.document->reportWritten(appointmentIds());
        return;
    }
    m_lastError = status.error();
    setObsolete(true);
    m_target.document->reportRefusal(status.error(), appointmentIds());
}

} // namespace fieldops
