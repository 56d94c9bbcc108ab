#include "customers/CustomerService.h"

#include "customers/CustomerRules.h"
#include "records/RecordWriter.h"
#include "session/ConsoleSession.h"
#include "session/QueryWorker.h"
#include "storage/Database.h"
#include "workorders/IntakeCatalog.h"

#include <QCoreApplication>

namespace fieldops::customers {

namespace {

template <typename T, typename Job, typename Done>
void submit(ConsoleSession *session, QObject *receiver, Job job, Done done)
{
    QueryWorker *worker = session->worker();
    if (!worker) {
        done(Result<T>(Error{Error::Kind::ConnectionLost, QCoreApplication::translate("CustomerService", "not connected to a database"), {}}));
        return;
    }
    worker->submit<T>(receiver, std::move(job), std::move(done));
}

} // namespace

Result<SavedRecord> saveRecord(Database &db, const records::RecordSpec &spec, records::RecordEdits edits)
{
    SavedRecord saved;
    if (edits.isEmpty())
        return saved;
    const records::RecordEdit &e = edits.front();
    const bool isNew = e.kind == records::RecordEdit::Kind::Create;
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    // The rules judge the whole record: the stored fields with the changes over them.
    records::RecordValues all;
    if (!isNew) {
        auto stored = records::RecordWriter(db).read(spec, e.id, spec.columns);
        if (!stored)
            return stored.error();
        all = *stored;
    }
    for (auto it = e.after.begin(); it != e.after.end(); ++it)
        all.insert(it.key(), it.value());
    all.insert(spec.keyColumn, e.id);
    saved.issues = rulesFor(spec)(all, isNew);
    if (!saved.issues.isEmpty())
        return saved;
    auto refs = checkReferences(db, spec, e.id, e.after, isNew);
    if (!refs)
        return refs.error();
    if (!refs->isEmpty()) {
        saved.issues = *refs;
        return saved;
    }
    if (Status s = records::applyEdits(db, edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    saved.edits = edits;
    return saved;
}

CustomerService::CustomerService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void CustomerService::directory(Done<std::shared_ptr<workorders::CustomerDirectory>> done)
{
    submit<std::shared_ptr<workorders::CustomerDirectory>>(
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
    submit<CustomerPage>(m_session, this, [customerId](Database &db) { return readCustomerPage(db, customerId); }, std::move(done));
}

void CustomerService::save(const records::RecordSpec &spec, const records::RecordEdits &edits, Done<SavedRecord> done)
{
    const records::RecordSpec *s = &spec;
    submit<SavedRecord>(m_session, this, [s, edits](Database &db) { return saveRecord(db, *s, edits); }, std::move(done));
}

} // namespace fieldops::customers
