#pragma once
// What the editing spine needs to know about one editable table: its key, the columns a
// form or the CLI may write, the join tables that hold a record's lists (a work order's
// required skills), and the noun its messages use. Column names only ever come from
// these specs, never from user input, so the writer can splice them into SQL.
#include <QString>
#include <QStringList>
#include <QVector>

class QSqlQuery;

namespace fieldops::records {

// A list kept in a join table, replaced as a whole: (ownerColumn, valueColumn) rows.
struct ChildList {
    QString field;       // the key in RecordValues (QStringList)
    QString table;       // e.g. work_order_skills
    QString ownerColumn; // work_order_id
    QString valueColumn; // skill_code
    // Further columns of each row (a work order's parts: quantity and where they are
    // reserved). An item of the list then holds the value and these, in this order, joined
    // by kRowSeparator; an empty one is NULL. The value stays unique per owner.
    QStringList extraColumns = {};
    QStringList numberColumns = {}; // of extraColumns: bound as numbers

    static constexpr QChar kRowSeparator = QLatin1Char('\t');
    // An item's columns (value first), one per column of the list.
    QStringList splitItem(const QString &item) const;
    QString joinItem(const QStringList &columns) const;
    // The item of the row `q` is on, its value at column `first` and the extras after it.
    QString itemFrom(const QSqlQuery &q, int first) const;
};

struct RecordSpec {
    QString table;
    QString keyColumn = QStringLiteral("id");
    QStringList columns;         // writable columns besides the key and version
    QVector<ChildList> children; // lists kept in join tables
    const char *noun = "record"; // translated in the "RecordWriter" context
    // The database chooses the key (bigserial / INTEGER PRIMARY KEY): a create edit with
    // an empty id lets it, then remembers the id it got so undo and redo name that row.
    bool generatedKey = false;
    // The audit log keeps the rows under this column's value (absences under their
    // technician); empty: under the key.
    QString auditOwnerColumn = {};
    // Columns holding a yes/no (boolean on PostgreSQL, 0/1 on SQLite): read back as bool.
    QStringList booleanColumns = {};
    // Columns holding amounts or coordinates: read back as double.
    QStringList numberColumns = {};

    bool isWritable(const QString &field) const;
    const ChildList *child(const QString &field) const;
};

// The specs of the records the console edits, one each.
// Work orders, their skills in work_order_skills and the parts they need in
// work_order_parts ("sku\tquantity\treserved location" items under parts_needed).
const RecordSpec &workOrderSpec();
// A follow-up (return) work order as created with its original's visit outcome: a work
// order and the one it follows (follow_up_of).
const RecordSpec &followUpWorkOrderSpec();
const RecordSpec &appointmentStatusSpec(); // appointments: only status, for cancelling visits with their work order
const RecordSpec &appointmentOutcomeSpec(); // appointments: status, times and outcome, for recording how a visit ended
const RecordSpec &customerSpec();
const RecordSpec &siteSpec();
const RecordSpec &contactSpec();           // a customer's contact persons: the id is the database's (generatedKey)
const RecordSpec &assetSpec();
const RecordSpec &technicianSpec();        // technicians, their skills in technician_skills
const RecordSpec &absenceSpec();           // absences: the id is the database's (generatedKey)
const RecordSpec &contractSpec();          // contracts, their covered sites and assets in join tables
const RecordSpec &alertThresholdsSpec();      // the one row of the alerts' thresholds (id 1)
const RecordSpec &alertDismissalSpec();       // an alert dismissed with a reason, keyed by the alert
const RecordSpec &maintenancePlanSpec();   // maintenance plans, their skills in maintenance_plan_skills
const RecordSpec &timeEntrySpec();         // a reviewer's columns of time entries: the id is the database's (generatedKey)

} // namespace fieldops::records
