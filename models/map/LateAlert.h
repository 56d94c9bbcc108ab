#pragma once
// One technician predicted late for their next visit (the map model's travel-time
// prediction): who, where, by how much. Its own header so the alerts list can show them
// without depending on the map model.
#include <QDateTime>
#include <QString>

namespace fieldops::map {

struct LateAlert {
    QString technicianId;
    QString technicianName;
    QString appointmentId;
    QString workOrderId;
    QDateTime start;
    QDateTime eta;
    int minutesLate = 0;
};

} // namespace fieldops::map
