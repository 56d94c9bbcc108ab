#pragma once
// The notices a technician's phone gets when a dispatcher changes their visits for today:
// a new visit, a visit moved or resized, taken away (unassigned, cancelled, given to
// someone else). Every schedule edit compares its visits before and after, inside its own
// transaction, and writes the notices to technician_outbox there, so the change and its
// notice are committed or rolled back together. "Today" is the technician's own local day.
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <functional>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::field {

struct VisitState {
    QString id;
    QString workOrderId;
    QString technicianId;
    QString technicianZone; // IANA name
    QString status;
    QDateTime start, end;
    QString summary;
    QString siteName;
};
using VisitStates = QHash<QString, VisitState>;

struct Notice {
    QString technicianId;
    QString appointmentId;
    QString workOrderId;
    QString body;
};

// The visits as they stand (missing ids are simply absent).
Result<VisitStates> readVisitStates(Database &db, const QStringList &appointmentIds);
// What the change from `before` to `after` tells each technician concerned, for visits on
// their local day of `now` (before or after the change); nothing for other days.
std::vector<Notice> scheduleNotices(const VisitStates &before, const VisitStates &after, const QDateTime &now);
Status writeNotices(Database &db, const std::vector<Notice> &notices, const QDateTime &now);
// Runs `write` (an edit, inside the caller's transaction) and then writes the notices it
// causes for the visits `visits()` names, asked before and again after the write (a
// booking knows its new visit's id only once written). The one way edits notify.
Status writeWithNotices(Database &db, const std::function<QStringList()> &visits, const std::function<Status()> &write,
                        const QDateTime &now);
// A dispatcher's free text to each of `technicianIds`, in one transaction.
Status sendMessage(Database &db, const QStringList &technicianIds, const QString &text, const QDateTime &now);

} // namespace fieldops::field
