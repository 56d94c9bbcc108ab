#pragma once
// The Contracts view's way to the database, on the session's worker thread: the list of
// contracts, a contract's page, what a new contract may cover, saving a contract or a
// plan (rules and references checked beside the database, then written with the version
// check), renewing a contract with its plans in one transaction, generating the
// preventive work orders due within a horizon, and the load they add (capacity preview). Saved edits come back for the undo stack.
#include "contracts/ContractList.h"
#include "contracts/ContractPage.h"
#include "contracts/HolidayCalendar.h"
#include "planning/CapacityLeveller.h"
#include "planning/PmGenerator.h"
#include "records/RecordSave.h"

#include <QObject>
#include <functional>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::contracts {

class ContractService : public QObject {
    Q_OBJECT
public:
    explicit ContractService(ConsoleSession *session, QObject *parent = nullptr);

    template <typename T>
    using Done = std::function<void(Result<T>)>;

    void list(Done<QVector<ContractListRow>> done);
    void page(const QString &contractId, const QDate &today, Done<ContractPage> done);
    void choices(const QString &customerId, Done<ContractChoices> done);
    void territories(Done<QVector<PickItem>> done);
    void holidays(const QString &territoryId, Done<HolidayList> done);
    // A contract (contractSpec) or a plan (maintenancePlanSpec).
    void save(const records::RecordSpec &spec, const records::RecordEdits &edits, Done<records::SavedRecord> done);
    void renew(const records::RecordEdits &edits, Done<records::SavedRecord> done);
    void generatePm(const planning::PmGenerateOptions &options, Done<planning::PmGenerateReport> done);
    // The load the horizon's preventive work adds, as due and levelled.
    void capacity(const QDate &today, int horizonDays, Done<planning::CapacityLevelling> done);

private:
    ConsoleSession *m_session;
};

} // namespace fieldops::contracts
