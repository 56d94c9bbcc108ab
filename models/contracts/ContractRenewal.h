#pragma once
// Renewing a contract: a copy with a new id and new dates, the same terms and coverage,
// naming the contract it continues, and a copy of each of its preventive plans moved by
// the same distance as the contract (whole months when the new contract starts on the same
// day of a later month, else days), so a plan due every 15th stays on the 15th. One list of
// record edits: saved in one transaction and undone as one step.
#include "records/RecordRows.h"
#include "records/RecordSave.h"

#include <QDate>

namespace fieldops::contracts {

struct RenewalRequest {
    QString newId;
    QDate startsOn;
    QDate endsOn;
};

// The id a renewal proposes: the old id with the new first year ("K12-2027"), or with
// "-R" when that is not new.
QString proposedRenewalId(const QString &oldId, const QDate &newStart);
// The day after the old contract ends, and as long again.
RenewalRequest proposedRenewal(const records::RecordRow &contract);

records::RecordEdits renewalEdits(const records::RecordRow &contract, const QVector<records::RecordRow> &plans, const RenewalRequest &request);

// Checks every record of the renewal (contract and plans, their rules and references)
// and writes them all, or nothing.
Result<records::SavedRecord> saveRenewal(Database &db, records::RecordEdits edits);

} // namespace fieldops::contracts
