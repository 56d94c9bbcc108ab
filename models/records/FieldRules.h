#pragma once
// Field checks every record's rules share: a new record's id, the interchange's own
// column rules (so a form refuses what an import would), and one problem per field.
#include "records/RecordWriter.h"
#include "workorders/WorkOrderDraft.h"

namespace fieldops::records {

// A new record's id: present, at most 64 characters, no spaces.
void checkNewId(const RecordValues &values, bool isNew, workorders::FieldIssues &issues);
// Each field by the interchange column of the same name in `fileName` (e.g. "sites.csv").
workorders::FieldIssues interchangeIssues(const QString &fileName, const RecordValues &values);
// The first problem of each field, in order.
workorders::FieldIssues firstPerField(const workorders::FieldIssues &all);
// A value as a cell of the interchange would hold it.
QString cellText(const QVariant &v);

} // namespace fieldops::records
