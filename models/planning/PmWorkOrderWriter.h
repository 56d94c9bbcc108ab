#pragma once
// Writes generated preventive work orders inside the caller's transaction. The rows are
// the work-order spec's columns with the values WorkOrderIntake gives a draft (one
// canonical form of every field), plus the plan and occurrence they stand for; the
// database's triggers write the change log and the audit log as for any other insert.
// Rows go in batches (a few rows per reused statement on SQLite; on PostgreSQL one unnest
// statement per 5,000 work orders and one for their skills, each column one array, the
// next chunk built while the server runs the current one): tens of thousands of work
// orders are written in seconds, not minutes.
#include "planning/PmGenerator.h"
#include "records/RecordSpec.h"

namespace fieldops::planning {

// workOrderSpec()'s columns and skills, plus pm_plan_id and pm_due.
const records::RecordSpec &preventiveWorkOrderSpec();

Status writePreventiveWorkOrders(Database &db, const QVector<PmNewWorkOrder> &orders, const QDateTime &createdAt);

} // namespace fieldops::planning
