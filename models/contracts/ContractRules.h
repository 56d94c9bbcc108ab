#pragma once
// What a contract and a maintenance plan must satisfy, field by field, for the planner's
// forms and the service that saves them: dates in order, coverage days and hours that
// make a working day, SLA hours that are whole positive hours with resolution no sooner
// than response, billing amounts that are not negative, a plan's recurrence and season
// that read as rules; and what only the database answers (a free id, a customer that
// exists, covered sites and assets that are the customer's, a plan's asset under the
// contract's customer, skills that exist).
#include "records/RecordSave.h"

namespace fieldops::contracts {

workorders::FieldIssues contractRules(const records::RecordValues &values, bool isNew);
workorders::FieldIssues planRules(const records::RecordValues &values, bool isNew);

Result<workorders::FieldIssues> checkContractReferences(Database &db, const records::RecordSpec &spec, const QString &id,
                                                        const records::RecordValues &values, bool isNew);
Result<workorders::FieldIssues> checkPlanReferences(Database &db, const records::RecordSpec &spec, const QString &id,
                                                    const records::RecordValues &values, bool isNew);

records::RecordChecks contractChecks();
records::RecordChecks planChecks();

// The SLA hours columns of a priority (1 urgent … 4 low).
QString responseColumn(int priority);
QString resolutionColumn(int priority);

} // namespace fieldops::contracts
