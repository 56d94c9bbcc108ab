#include "contracts/ContractService.h"

#include "contracts/ContractRenewal.h"
#include "contracts/ContractRules.h"
#include "planning/CapacityReader.h"
#include "records/RecordSpec.h"
#include "session/SessionJob.h"

namespace fieldops::contracts {

ContractService::ContractService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void ContractService::list(Done<QVector<ContractListRow>> done)
{
    runSessionJob<QVector<ContractListRow>>(m_session, this, [](Database &db) { return readContractList(db); }, std::move(done));
}

void ContractService::page(const QString &contractId, const QDate &today, Done<ContractPage> done)
{
    runSessionJob<ContractPage>(m_session, this, [contractId, today](Database &db) { return readContractPage(db, contractId, today); },
                                std::move(done));
}

void ContractService::choices(const QString &customerId, Done<ContractChoices> done)
{
    runSessionJob<ContractChoices>(m_session, this, [customerId](Database &db) { return readChoices(db, customerId); }, std::move(done));
}

void ContractService::territories(Done<QVector<PickItem>> done)
{
    runSessionJob<QVector<PickItem>>(m_session, this, [](Database &db) { return readTerritories(db); }, std::move(done));
}

void ContractService::holidays(const QString &territoryId, Done<HolidayList> done)
{
    runSessionJob<HolidayList>(m_session, this, [territoryId](Database &db) { return readHolidays(db, territoryId); }, std::move(done));
}

void ContractService::save(const records::RecordSpec &spec, const records::RecordEdits &edits, Done<records::SavedRecord> done)
{
    const records::RecordSpec *s = &spec;
    const records::RecordChecks checks = s == &records::contractSpec() ? contractChecks() : planChecks();
    runSessionJob<records::SavedRecord>(m_session, this, [s, edits, checks](Database &db) { return records::saveRecord(db, *s, edits, checks); },
                                        std::move(done));
}

void ContractService::renew(const records::RecordEdits &edits, Done<records::SavedRecord> done)
{
    runSessionJob<records::SavedRecord>(m_session, this, [edits](Database &db) { return saveRenewal(db, edits); }, std::move(done));
}

void ContractService::generatePm(const planning::PmGenerateOptions &options, Done<planning::PmGenerateReport> done)
{
    runSessionJob<planning::PmGenerateReport>(m_session, this, [options](Database &db) { return planning::PmGenerator(db).run(options); },
                                              std::move(done));
}

void ContractService::capacity(const QDate &today, int horizonDays, Done<planning::CapacityLevelling> done)
{
    runSessionJob<planning::CapacityLevelling>(
        m_session, this,
        [today, horizonDays](Database &db) -> Result<planning::CapacityLevelling> {
            auto input = planning::readCapacityInput(db, {today, horizonDays});
            if (!input)
                return input.error();
            return planning::levelCapacity(*input);
        },
        std::move(done));
}

} // namespace fieldops::contracts
