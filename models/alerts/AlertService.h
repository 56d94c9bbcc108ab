#pragma once
// The alerts dock's and the thresholds form's way to the database: their writes run on the
// console session's worker and come back with the edits written, for the undo stack.
#include "alerts/AlertEdits.h"

#include <QObject>
#include <functional>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::alerts {

class AlertService : public QObject {
    Q_OBJECT
public:
    explicit AlertService(ConsoleSession *session, QObject *parent = nullptr);

    using Done = std::function<void(Result<records::RecordEdits>)>;
    void dismiss(const QString &key, const QString &reason, const QDateTime &now, Done done);
    void saveRules(const AlertRules &before, const AlertRules &after, Done done);
    // The thresholds as stored now (the form reads them fresh, with their version).
    void loadRules(std::function<void(Result<AlertRules>)> done);

private:
    ConsoleSession *m_session;
};

} // namespace fieldops::alerts
