#include "field/VisitOutcomeService.h"

#include "session/SessionJob.h"
#include "storage/Database.h"

namespace fieldops::field {

VisitOutcomeService::VisitOutcomeService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void VisitOutcomeService::load(const QString &appointmentId, const QDateTime &now, Done<VisitToRecord> done)
{
    runSessionJob<VisitToRecord>(
        m_session, this, [appointmentId, now](Database &db) { return VisitOutcomeRecorder(db).load(appointmentId, now); }, std::move(done));
}

void VisitOutcomeService::record(const QString &appointmentId, int seenVersion, const VisitOutcome &outcome, const QDateTime &now,
                                 Done<RecordedOutcome> done)
{
    runSessionJob<RecordedOutcome>(
        m_session, this,
        [=](Database &db) { return VisitOutcomeRecorder::record(db, appointmentId, seenVersion, outcome, now); }, std::move(done));
}

} // namespace fieldops::field
