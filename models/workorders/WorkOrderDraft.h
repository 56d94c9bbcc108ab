#pragma once
// A work order as the intake form and `fieldops-cli work-order` hold it before it is
// saved: the work_orders.csv fields plus the customer it was opened for (which the site
// must belong to) and the longer description. Field names in messages are the CSV
// column names, so the form, the CLI and the importer speak of the same things.
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace fieldops::workorders {

struct WorkOrderDraft {
    QString id; // empty: generated at save
    QString customerId; // optional; when set, the site must be one of this customer's
    QString siteId;
    QString assetId;
    QString contractId;
    QString type = QStringLiteral("corrective");
    int priority = 3;
    QStringList requiredSkills;
    // What the technician must bring: work_order_parts rows as "sku\tquantity\treserved
    // location" items (records::workOrderSpec's parts_needed); a reservation a follow-up
    // made stays with its part while the part stays listed.
    QStringList partsNeeded;
    int durationMin = 60;
    QDateTime windowStart;
    QDateTime windowEnd;
    QDateTime createdAt;
    QDateTime slaDue;      // the resolution deadline when the contract sets one, else the response deadline
    QDateTime responseDue; // the response deadline
    QString status = QStringLiteral("open");
    QString summary;
    QString description;
    QString cancelReason;
    int version = 0; // the version the draft was loaded at (0: new)
};

// One thing wrong with one field, in words for the user.
struct FieldIssue {
    QString field;
    QString message;
    QString text() const { return field + QStringLiteral(": ") + message; }
};
using FieldIssues = QVector<FieldIssue>;

} // namespace fieldops::workorders
