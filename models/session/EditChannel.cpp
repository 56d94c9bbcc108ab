#include "session/EditChannel.h"

#include "session/QueryWorker.h"

#include <QCoreApplication>

namespace fieldops {

EditChannel::EditChannel(QueryWorker *worker) : m_worker(worker) {}

bool EditChannel::isConnected() const { return m_db || m_worker; }

Status EditChannel::run(const Job &job) const
{
    if (m_db)
        return job(*m_db);
    if (m_worker)
        return m_worker->call(job);
    return Error{Error::Kind::ConnectionLost,
                 QCoreApplication::translate("EditChannel", "Not connected to a database: nothing was changed."), {}};
}

} // namespace fieldops
