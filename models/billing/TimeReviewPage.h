#pragma once
// What the console's Time tab shows for a period: the entries with their flags (as the
// CLI's listing reads them, TimeEntryLoader), each with its technician's name and the
// customer billed for its work order (the contract's customer, else the site's, as the
// billing export attributes it), and the technicians to filter by.
#include "billing/TimeEntryLoader.h"

#include <QPair>
#include <QVector>

namespace fieldops::billing {

struct TimeReviewRow {
    TimeEntry entry;
    QString technicianName;
    QString customerName;
    QList<Flag> flags;
};

struct TimeReviewPage {
    QDate from, to;
    QVector<TimeReviewRow> rows;
    QVector<QPair<QString, QString>> technicians; // (id, name) by name
};

// An empty technicianId means every technician.
Result<TimeReviewPage> loadTimeReviewPage(Database &db, const QDate &from, const QDate &to, const QString &technicianId = {});

} // namespace fieldops::billing
