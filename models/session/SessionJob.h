#pragma once
// A read or a save of a view's service, run on the session's worker thread: the answer
// comes back on the receiver's thread, and only while the receiver exists (a tab may close
// before its answer arrives). Without a connection the answer is ConnectionLost at once.
#include "session/ConsoleSession.h"
#include "session/QueryWorker.h"

#include <QCoreApplication>
#include <QPointer>

namespace fieldops {

template <typename T, typename Job, typename Done>
void runSessionJob(ConsoleSession *session, QObject *receiver, Job job, Done done)
{
    QueryWorker *worker = session->worker();
    if (!worker) {
        done(Result<T>(Error{Error::Kind::ConnectionLost, QCoreApplication::translate("ConsoleSession", "not connected to a database"), {}}));
        return;
    }
    QPointer<QObject> guard(receiver);
    worker->submit<T>(session, std::move(job), [guard, done = std::move(done)](Result<T> result) mutable {
        if (guard)
            done(std::move(result));
    });
}

} // namespace fieldops
