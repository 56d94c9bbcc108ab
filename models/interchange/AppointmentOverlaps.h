#pragma once
// Double-booking check over the union of an import's appointments and the database's
// remaining ones: per technician, sorted by start, one sweep — O(n log n), so 100,000
// appointments take milliseconds.
#include <QString>
#include <QVector>

namespace fieldops::interchange {

struct BusyInterval {
    QString technicianId;
    QString appointmentId;
    qint64 startMs = 0; // [start, end) in ms since the epoch
    qint64 endMs = 0;
    int line = 0; // physical line in appointments.csv; 0 = a row already in the database
};

struct OverlapFinding {
    int reported = 0; // index of the interval the error belongs to (always a file row)
    int other = 0;    // the interval it overlaps
};

// Pairs that only involve database rows are not reported (old data is `conflicts`' job).
// When both are file rows the later line gets the error.
QVector<OverlapFinding> findOverlaps(const QVector<BusyInterval> &intervals);

} // namespace fieldops::interchange
