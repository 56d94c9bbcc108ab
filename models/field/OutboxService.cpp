#include "field/OutboxService.h"

#include "field/TechnicianNotices.h"
#include "session/SessionJob.h"
#include "storage/Database.h"

#include <QSqlQuery>

namespace fieldops::field {

OutboxService::OutboxService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void OutboxService::technicians(std::function<void(Result<Technicians>)> done)
{
    runSessionJob<Technicians>(
        m_session, this,
        [](Database &db) -> Result<Technicians> {
            auto q = db.run(QStringLiteral("SELECT id, name FROM technicians WHERE CAST(active AS integer) = 1 ORDER BY name, id"));
            if (!q)
                return q.error();
            Technicians out;
            while (q->next())
                out.push_back({q->value(0).toString(), q->value(1).toString()});
            return out;
        },
        std::move(done));
}

void OutboxService::send(const QStringList &technicianIds, const QString &text, const QDateTime &now, std::function<void(Status)> done)
{
    runSessionJob<bool>(
        m_session, this,
        [=](Database &db) -> Result<bool> {
            if (Status s = sendMessage(db, technicianIds, text, now); !s)
                return s.error();
            return true;
        },
        [done = std::move(done)](Result<bool> r) { done(r ? Status() : Status(r.error())); });
}

} // namespace fieldops::field
