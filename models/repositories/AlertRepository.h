#pragma once
// What needs a dispatcher's attention now: SLAs breached or due soon on work orders that
// are not finished, and visits that should have begun but nobody has arrived. `now` is a
// parameter so the rules are testable at any instant.
#include "util/Result.h"

#include <QDateTime>
#include <QString>
#include <vector>

namespace fieldops {
class Database;

struct Alert {
    // PredictedLate: not from this repository; the live map's travel-time prediction.
    enum class Kind { SlaBreached, SlaDueSoon, LateArrival, PredictedLate };
    Kind kind = Kind::SlaDueSoon;
    QString workOrderId;
    QString appointmentId; // LateArrival only
    QString technicianName; // LateArrival only
    QString siteName;
    int priority = 3;
    QDateTime at; // sla_due, or the appointment's start
};

struct AlertRules {
    int slaHorizonHours = 4;     // "due soon" means due within this many hours
    int lateGraceMinutes = 15;   // the on-time arrival threshold of the KPIs
    int lookbackHours = 24;      // older missed starts are history, not alerts
};

class AlertRepository {
public:
    explicit AlertRepository(Database &db) : m_db(db) {}
    // Breached first, then due soon, then late arrivals; each by time.
    Result<std::vector<Alert>> current(const QDateTime &now, const AlertRules &rules = {});

private:
    Database &m_db;
};

} // namespace fieldops
