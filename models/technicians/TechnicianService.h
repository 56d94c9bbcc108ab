#pragma once
// The technicians tab's way to the database: every read (the list with its filters, one
// technician with their absences, the catalog, the visits an absence covers) and every
// save runs on the console session's worker thread and answers on the caller's thread.
// Saves check again on the server's side, write in one transaction with the version
// check and return the record edits they made, for the caller's undo stack.
#include "technicians/AbsenceRules.h"
#include "technicians/TechnicianRules.h"
#include "util/Result.h"

#include <QObject>
#include <functional>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::technicians {

struct TechnicianToEdit {
    TechnicianDraft draft;
    QVector<AbsenceDraft> absences;
};

class TechnicianService : public QObject {
    Q_OBJECT
public:
    explicit TechnicianService(ConsoleSession *session, QObject *parent = nullptr);

    template <typename T>
    using Done = std::function<void(Result<T>)>;

    void list(const TechnicianFilter &filter, Done<QVector<TechnicianRow>> done);
    void catalog(Done<TechnicianCatalog> done);
    void load(const QString &technicianId, Done<TechnicianToEdit> done);
    void save(const TechnicianDraft &draft, bool isNew, const TechnicianDraft &before, Done<SavedTechnician> done);
    void setActive(const QString &technicianId, int seenVersion, bool active, Done<SavedTechnician> done);
    void coveredVisits(const QString &technicianId, const QDateTime &start, const QDateTime &end, Done<CoveredVisits> done);
    // `before`: the absence as loaded (ignored for a new one, whose id is empty).
    void saveAbsence(const AbsenceDraft &draft, const AbsenceDraft &before, const QStringList &returnVisitIds, Done<SavedAbsence> done);
    void removeAbsence(const QString &absenceId, int seenVersion, Done<SavedAbsence> done);

private:
    template <typename T, typename Job>
    void run(Job job, Done<T> done);
    ConsoleSession *m_session;
};

} // namespace fieldops::technicians
