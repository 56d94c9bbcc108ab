#pragma once
// Opening, changing and cancelling work orders, the same for the intake form and for
// `fieldops-cli work-order`: the checks field by field (ranges from the interchange's
// column specs, references read from the database: the site belongs to the customer,
// the asset to the site, the contract to the customer), the SLA proposed by SlaPolicy
// from the customer's contract, generated ids, and the record edits that save it, which
// the CLI writes at once and the console pushes on its undo stack.
#include "parts/Stock.h"
#include "records/RecordEdit.h"
#include "workorders/IntakeCatalog.h"
#include "workorders/SlaPolicy.h"
#include "workorders/WorkOrderDraft.h"

#include <optional>

namespace fieldops {
class Database;
}

namespace fieldops::workorders {

struct SavedWorkOrder {
    WorkOrderDraft draft;       // as saved: id, SLA and contract filled in
    records::RecordEdits edits; // what the save wrote, at the versions it left (empty: nothing changed)
    FieldIssues issues;         // non-empty: refused, nothing written
};

class WorkOrderIntake {
public:
    explicit WorkOrderIntake(Database &db) : m_db(db) {}

    // Everything wrong with the draft, field by field, in field order; empty when it may
    // be saved. `isNew`: the id must be free and the status open.
    Result<FieldIssues> check(const WorkOrderDraft &draft, bool isNew);
    // The checks that need no database (ranges, vocabularies, order of times), for a form
    // validating as the user types; check() runs them too.
    static FieldIssues checkValues(const WorkOrderDraft &draft, bool isNew);
    // In the order the form shows the fields.
    static void sortByField(FieldIssues &issues);

    // The contract a work order on the site (and asset, may be empty) created on `day`
    // falls under, if any: CustomerFile::activeContract's rule.
    Result<std::optional<SlaContractTerms>> activeContract(const QString &siteId, const QString &assetId, const QDate &day);
    // The SLA the draft gets: from its contract (or none), its priority and creation time,
    // in the site's time zone and holiday calendar.
    Result<SlaQuote> proposeSla(const WorkOrderDraft &draft);
    // Fills what a new work order gets when the caller left it empty: the creation time
    // (now), the contract that applies, the SLA and response due times and a fresh id.
    Result<SlaQuote> complete(WorkOrderDraft &draft, const QDateTime &now);
    // "WO-000123": one past the highest such id in the database.
    Result<QString> nextId();

    Result<WorkOrderDraft> load(const QString &id);
    // The edits that create `draft` (checked and completed beforehand).
    static records::RecordEdits createEdits(const WorkOrderDraft &draft);
    // The edits that turn `before` into `after` (only the fields that differ).
    static records::RecordEdits updateEdits(const WorkOrderDraft &before, const WorkOrderDraft &after);
    // Cancelling: the work order (status and reason) and its visits still to come.
    Result<records::RecordEdits> cancelEdits(const WorkOrderDraft &order, const QString &reason);
    // The visits a cancellation would cancel with the work order: (id, version).
    Result<QVector<QPair<QString, int>>> activeVisits(const QString &workOrderId);

    static records::RecordValues values(const WorkOrderDraft &draft);
    // The draft's parts needed, by SKU; and set from `parts`, each part keeping the place
    // it is reserved at while it stays listed.
    static std::vector<parts::PartNeed> partsOf(const WorkOrderDraft &draft);
    static void setParts(WorkOrderDraft &draft, const std::vector<parts::PartNeed> &parts);
    // `theirs` with the fields `mine` changed from `base` taken from `mine`: what an
    // editor keeps when the user overwrites a newer version someone else saved.
    static WorkOrderDraft rebase(const WorkOrderDraft &base, const WorkOrderDraft &mine, const WorkOrderDraft &theirs);

    // Checks and writes a new work order (completed first) or the changes from `before`
    // to `draft`, in one transaction of its own. A generated id taken meanwhile by another
    // console is replaced by the next one.
    static Result<SavedWorkOrder> save(Database &db, const WorkOrderDraft &draft, bool isNew, const WorkOrderDraft &before,
                                       const QDateTime &now);

private:
    // The file of the site's customer (empty when the site is unknown).
    Result<CustomerFile> fileOfSite(const QString &siteId);
    Result<SlaQuote> quoteFor(const CustomerFile &file, const WorkOrderDraft &draft);
    Status checkReferences(const WorkOrderDraft &draft, bool isNew, FieldIssues &issues);
    Database &m_db;
};

} // namespace fieldops::workorders
