#pragma once
// The message composer's way to the database, on the console session's worker: the
// technicians to choose from, and sending a message to the chosen ones' outbox.
#include "util/Result.h"

#include <QDateTime>
#include <QObject>
#include <QPair>
#include <QVector>
#include <functional>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::field {

class OutboxService : public QObject {
    Q_OBJECT
public:
    explicit OutboxService(ConsoleSession *session, QObject *parent = nullptr);

    using Technicians = QVector<QPair<QString, QString>>; // (id, name) of the active ones, by name
    void technicians(std::function<void(Result<Technicians>)> done);
    void send(const QStringList &technicianIds, const QString &text, const QDateTime &now, std::function<void(Status)> done);

private:
    ConsoleSession *m_session;
};

} // namespace fieldops::field
