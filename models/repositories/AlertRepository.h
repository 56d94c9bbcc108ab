#pragma once
// What needs a dispatcher's attention now, computed from the database so every console sees
// the same: SLAs breached, at risk under the current plan or due soon on work orders that
// are not finished; visits that should have begun with nobody on site; visits the phone's
// positions place on site while no on-site status was sent; visits on site past their
// planned length; visits left unresolved with nothing booked after them; technicians on
// shift whose phone has gone quiet. Alerts a dispatcher dismissed (alert_dismissals, by
// Alert::key) are left out. `now` is a parameter so the rules are testable at any instant.
#include "repositories/AlertRules.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>
#include <vector>

namespace fieldops {
class Database;

struct Alert {
    // The order is the list's: the most urgent kinds first. PredictedLate is not from this
    // repository; it is the live map's travel-time prediction.
    enum class Kind {
        SlaBreached,
        SlaAtRisk,     // the plan finishes the job after its SLA
        SlaDueSoon,
        LateArrival,
        MissedStatus,  // the positions say on site; no on-site status was sent
        Overrun,       // on site longer than planned
        Unresolved,    // attended, left unresolved, nothing booked after
        Silent,        // on shift, no position lately
        PredictedLate,
    };
    Kind kind = Kind::SlaDueSoon;
    QString workOrderId;    // empty for Silent
    QString appointmentId;  // the visit concerned, when one is
    QString technicianId;   // when a technician is concerned
    QString technicianName;
    QString siteName;
    int priority = 3;
    QDateTime at; // the instant the alert is about (sla_due, the start, the arrival, the last position…)

    // Names the alert for its dismissal: kind, subject and instant, so the same situation
    // stays dismissed and a new occurrence is a new alert.
    QString key() const;
    static QString kindCode(Kind kind);
};

class AlertRepository {
public:
    explicit AlertRepository(Database &db) : m_db(db) {}
    // By kind in Alert::Kind's order, each by time.
    Result<std::vector<Alert>> current(const QDateTime &now, const AlertRules &rules = {});

private:
    Status slas(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out);
    Status lateAndMissed(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out);
    Status overruns(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out);
    Status unresolved(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out);
    Status silent(const QDateTime &now, const AlertRules &rules, std::vector<Alert> &out);
    Database &m_db;
};

} // namespace fieldops
