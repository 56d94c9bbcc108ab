#pragma once
// One background thread with its own database connection: the GUI thread hands it jobs
// and gets their results back as queued calls, so it never waits on the database or the
// network (the README's developers' section). Jobs run one at a time, in order, on a
// connection opened lazily in the worker thread (a QSqlDatabase belongs to the thread
// that opened it) and reopened after a lost connection.
//
// Ownership rule: a job's receiver must outlive the worker (own the worker as a member
// of the receiver, or of its parent). The destructor drops the jobs not yet started and
// joins the thread, so no result is ever delivered to a destroyed object.
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace fieldops {

class QueryWorker : public QObject {
    Q_OBJECT
public:
    explicit QueryWorker(DatabaseUrl url, QString actor = {}, QObject *parent = nullptr);
    ~QueryWorker() override;

    const DatabaseUrl &url() const { return m_url; }
    // Jobs submitted and not yet delivered.
    int pendingJobs() const { return m_shared->pending.load(); }

    // Runs job(Database &) → Result<T> in the worker thread, then done(Result<T>) in the
    // receiver's thread. A connection that cannot be opened gives done() that error.
    template <typename T, typename Job, typename Done>
    void submit(QObject *receiver, Job job, Done done)
    {
        ++m_shared->pending;
        post([this, receiver, job = std::move(job), done = std::move(done)](Database *db, const Error &openError) mutable {
            Result<T> result = db ? job(*db) : Result<T>(openError);
            if (!result.ok() && result.error().kind == Error::Kind::ConnectionLost)
                dropConnection();
            QMetaObject::invokeMethod(
                receiver,
                [shared = m_shared, result = std::move(result), done = std::move(done)]() mutable {
                    --shared->pending;
                    // A result that arrives after the worker is gone belongs to a
                    // connection nobody shows any more.
                    if (!shared->stopping)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    // Runs job(Database &) → Status in the worker thread while the calling thread waits
    // (EditChannel: edits whose outcome the caller needs before it goes on). Never call
    // it from the worker's own thread.
    Status call(const std::function<Status(Database &)> &job);

private:
    using Task = std::function<void(Database *db, const Error &openError)>;
    void post(Task task);
    void dropConnection(); // worker thread only

    class Context;
    DatabaseUrl m_url;
    QString m_actor;
    QThread m_thread;
    Context *m_context = nullptr; // lives in m_thread, deleted there
    // Outlives the worker in results still queued to their receivers.
    struct Shared {
        std::atomic<int> pending{0};
        std::atomic<bool> stopping{false};
    };
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
};

} // namespace fieldops
