#pragma once
// The next occurrences of a plan as its editor shows them while the planner types: the
// plan's form values read as the generator reads a plan row, so the calendar preview and
// generate-pm agree on every date.
#include "planning/PmRecurrence.h"
#include "records/RecordWriter.h"

namespace fieldops::contracts {

struct PlanPreview {
    QVector<planning::PmOccurrence> occurrences;
    QString problem; // why there are none (a rule that does not read, …)
};

// Up to `count` occurrences from `from`, within `horizonDays`, ending with the contract.
PlanPreview previewPlan(const records::RecordValues &plan, const QDate &contractEnds, const QString &timeZone, const QDate &from,
                        int count, int horizonDays = 730);

} // namespace fieldops::contracts
