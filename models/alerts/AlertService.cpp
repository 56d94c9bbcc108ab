#include "alerts/AlertService.h"

#include "session/SessionJob.h"
#include "storage/Database.h"

namespace fieldops::alerts {

AlertService::AlertService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void AlertService::dismiss(const QString &key, const QString &reason, const QDateTime &now, Done done)
{
    runSessionJob<records::RecordEdits>(
        m_session, this, [=](Database &db) { return dismissAlert(db, key, reason, now); }, std::move(done));
}

void AlertService::saveRules(const AlertRules &before, const AlertRules &after, Done done)
{
    runSessionJob<records::RecordEdits>(
        m_session, this, [=](Database &db) { return saveAlertRules(db, before, after); }, std::move(done));
}

void AlertService::loadRules(std::function<void(Result<AlertRules>)> done)
{
    runSessionJob<AlertRules>(m_session, this, [](Database &db) { return loadAlertRules(db); }, std::move(done));
}

} // namespace fieldops::alerts
