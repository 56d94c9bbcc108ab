#include "customers/CustomerService.h"

#include "customers/CustomerRules.h"
#include "session/SessionJob.h"
#include "storage/Database.h"
#include "workorders/IntakeCatalog.h"


namespace fieldops::customers {

Result<SavedRecord> saveRecord(Database &db, const records::RecordSpec &spec, records::RecordEdits edits)
{
    return records::saveRecord(db, spec, std::move(edits), {rulesFor(spec), checkReferences});
}

CustomerService::CustomerService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void CustomerService::directory(Done<std::shared_ptr<workorders::CustomerDirectory>> done)
{
    runSessionJob<std::shared_ptr<workorders::CustomerDirectory>>(
        m_session, this,
        [](Database &db) -> Result<std::shared_ptr<workorders::CustomerDirectory>> {
            auto list = workorders::IntakeCatalog(db).customers();
            if (!list)
                return list.error();
            return std::make_shared<workorders::CustomerDirectory>(std::move(*list));
        },
        std::move(done));
}

void CustomerService::page(const QString &customerId, Done<CustomerPage> done)
{
    runSessionJob<CustomerPage>(m_session, this, [customerId](Database &db) { return readCustomerPage(db, customerId); }, std::move(done));
}

void CustomerService::save(const records::RecordSpec &spec, const records::RecordEdits &edits, Done<SavedRecord> done)
{
    const records::RecordSpec *s = &spec;
    runSessionJob<SavedRecord>(m_session, this, [s, edits](Database &db) { return saveRecord(db, *s, edits); }, std::move(done));
}

void CustomerService::remove(const records::RecordSpec &spec, const QString &id, int version, Done<SavedRecord> done)
{
    const records::RecordSpec *s = &spec;
    runSessionJob<SavedRecord>(m_session, this, [s, id, version](Database &db) { return records::removeRecord(db, *s, id, version); },
                               std::move(done));
}

} // namespace fieldops::customers
