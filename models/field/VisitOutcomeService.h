#pragma once
// The outcome form's way to the database: loading the visit and saving its outcome run on
// the console session's worker thread; the answer comes back on the caller's thread with
// the record edits written, for the caller to put on the undo stack.
#include "field/VisitOutcomeRecorder.h"

#include <QObject>
#include <functional>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::field {

class VisitOutcomeService : public QObject {
    Q_OBJECT
public:
    explicit VisitOutcomeService(ConsoleSession *session, QObject *parent = nullptr);

    template <typename T>
    using Done = std::function<void(Result<T>)>;

    void load(const QString &appointmentId, const QDateTime &now, Done<VisitToRecord> done);
    void record(const QString &appointmentId, int seenVersion, const VisitOutcome &outcome, const QDateTime &now,
                Done<RecordedOutcome> done);

private:
    ConsoleSession *m_session;
};

} // namespace fieldops::field
