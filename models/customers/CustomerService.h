#pragma once
// The Customers view's way to the database, on the session's worker thread: the customer
// directory (for the search list), a customer's page, and saving a customer, a contact, a
// site or an asset (and removing a contact): the rules and the references checked again beside the database, then the edits
// written in one transaction with the version check. The answer carries the edits written
// (for the undo stack) or the problems field by field (nothing written).
#include "customers/CustomerPage.h"
#include "records/RecordSave.h"
#include "workorders/CustomerDirectory.h"
#include "workorders/WorkOrderDraft.h"

#include <QObject>
#include <functional>
#include <memory>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::customers {

using records::SavedRecord;

// Checks and writes `edits` (one record of `spec`) in a transaction of its own.
Result<SavedRecord> saveRecord(Database &db, const records::RecordSpec &spec, records::RecordEdits edits);

class CustomerService : public QObject {
    Q_OBJECT
public:
    explicit CustomerService(ConsoleSession *session, QObject *parent = nullptr);

    template <typename T>
    using Done = std::function<void(Result<T>)>;

    void directory(Done<std::shared_ptr<workorders::CustomerDirectory>> done);
    void page(const QString &customerId, Done<CustomerPage> done);
    void save(const records::RecordSpec &spec, const records::RecordEdits &edits, Done<SavedRecord> done);
    // Removes a record (a contact) as seen at `version`; the answer's edits undo it.
    void remove(const records::RecordSpec &spec, const QString &id, int version, Done<SavedRecord> done);

private:
    ConsoleSession *m_session;
};

} // namespace fieldops::customers
