#include "session/QueryWorker.h"

#include <QSemaphore>
#include <memory>

namespace fieldops {

// Lives in the worker thread and owns the connection there, so the QSqlDatabase is
// created, used and destroyed by one thread.
class QueryWorker::Context : public QObject {
public:
    explicit Context(QueryWorker *owner) : m_owner(owner) {}
    void run(const Task &task)
    {
        if (m_owner->m_shared->stopping) {
            // Results of a submit() are then dropped; a call() still gets its answer.
            task(nullptr, Error{Error::Kind::ConnectionLost, QStringLiteral("closing"), {}});
            return;
        }
        if (!m_db) {
            auto opened = Database::open(m_owner->m_url, m_owner->m_actor);
            if (!opened) {
                task(nullptr, opened.error());
                return;
            }
            m_db = std::move(opened).value();
        }
        task(m_db.get(), Error{});
    }
    std::unique_ptr<Database> m_db;

private:
    QueryWorker *m_owner;
};

QueryWorker::QueryWorker(DatabaseUrl url, QString actor, QObject *parent)
    : QObject(parent), m_url(std::move(url)), m_actor(std::move(actor))
{
    m_thread.setObjectName(QStringLiteral("fieldops-query-worker"));
    m_context = new Context(this);
    m_context->moveToThread(&m_thread);
    // Deferred deletes are processed as the thread finishes: the connection closes there.
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

QueryWorker::~QueryWorker()
{
    m_shared->stopping = true;
    m_thread.quit();
    m_thread.wait();
}

void QueryWorker::post(Task task)
{
    Context *ctx = m_context;
    QMetaObject::invokeMethod(ctx, [ctx, task = std::move(task)] { ctx->run(task); }, Qt::QueuedConnection);
}

Status QueryWorker::call(const std::function<Status(Database &)> &job)
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    Status result;
    QSemaphore done;
    post([this, &job, &result, &done](Database *db, const Error &openError) {
        result = db ? job(*db) : Status(openError);
        if (!result && result.error().kind == Error::Kind::ConnectionLost)
            dropConnection();
        done.release();
    });
    done.acquire();
    return result;
}

void QueryWorker::dropConnection()
{
    m_context->m_db.reset();
}

} // namespace fieldops
