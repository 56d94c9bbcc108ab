#include "technicians/TechnicianService.h"

#include "session/SessionJob.h"
#include "session/QueryWorker.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QPointer>

namespace fieldops::technicians {

TechnicianService::TechnicianService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

template <typename T, typename Job>
void TechnicianService::run(Job job, Done<T> done)
{
    runSessionJob<T>(m_session, this, std::move(job), std::move(done));
}

void TechnicianService::list(const TechnicianFilter &filter, Done<QVector<TechnicianRow>> done)
{
    run<QVector<TechnicianRow>>([filter](Database &db) { return TechnicianRules(db).list(filter); }, std::move(done));
}

void TechnicianService::catalog(Done<TechnicianCatalog> done)
{
    run<TechnicianCatalog>([](Database &db) { return TechnicianRules(db).catalog(); }, std::move(done));
}

void TechnicianService::load(const QString &technicianId, Done<TechnicianToEdit> done)
{
    run<TechnicianToEdit>(
        [technicianId](Database &db) -> Result<TechnicianToEdit> {
            auto draft = TechnicianRules(db).load(technicianId);
            if (!draft)
                return draft.error();
            auto absences = AbsenceRules(db).absences(technicianId);
            if (!absences)
                return absences.error();
            return TechnicianToEdit{*draft, *absences};
        },
        std::move(done));
}

void TechnicianService::save(const TechnicianDraft &draft, bool isNew, const TechnicianDraft &before, Done<SavedTechnician> done)
{
    run<SavedTechnician>([=](Database &db) { return TechnicianRules::save(db, draft, isNew, before); }, std::move(done));
}

void TechnicianService::setActive(const QString &technicianId, int seenVersion, bool active, Done<SavedTechnician> done)
{
    run<SavedTechnician>([=](Database &db) { return TechnicianRules::setActive(db, technicianId, seenVersion, active); },
                         std::move(done));
}

void TechnicianService::coveredVisits(const QString &technicianId, const QDateTime &start, const QDateTime &end,
                                      Done<CoveredVisits> done)
{
    run<CoveredVisits>([=](Database &db) { return AbsenceRules(db).coveredVisits(technicianId, start, end); }, std::move(done));
}

void TechnicianService::saveAbsence(const AbsenceDraft &draft, const AbsenceDraft &before, const QStringList &returnVisitIds,
                                    Done<SavedAbsence> done)
{
    run<SavedAbsence>([=](Database &db) { return AbsenceRules::save(db, draft, before, returnVisitIds); }, std::move(done));
}

void TechnicianService::removeAbsence(const QString &absenceId, int seenVersion, Done<SavedAbsence> done)
{
    run<SavedAbsence>([=](Database &db) { return AbsenceRules::remove(db, absenceId, seenVersion); }, std::move(done));
}

} // namespace fieldops::technicians
