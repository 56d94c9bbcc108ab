#pragma once
// How an edit reaches the database. In the console every edit (a board move, undo, redo,
// a form's undo) runs on the session's edit thread and connection, so the GUI thread
// never holds a Database nor runs SQL; the caller waits for the outcome because an undo
// step must know whether it happened before the stack moves on (a few rows per step, on
// a connection that runs nothing else, so the wait is that of the write itself). The
// CLI, tests and benchmarks run edits on a connection they own, on their own thread.
#include "util/Result.h"

#include <QPointer>
#include <functional>
#include <optional>

namespace fieldops {
class Database;
class QueryWorker;

class EditChannel {
public:
    using Job = std::function<Status(Database &)>;

    EditChannel() = default; // not connected: every job is refused in words
    // Implicit so that code owning a connection passes it where a channel is expected.
    EditChannel(Database *db) : m_db(db) {} // NOLINT(google-explicit-constructor)
    explicit EditChannel(QueryWorker *worker);

    bool isConnected() const;
    // Runs job on the channel's connection and thread and returns its outcome.
    Status run(const Job &job) const;
    // The same for a job that produces a value.
    template <typename T>
    Result<T> call(const std::function<Result<T>(Database &)> &job) const
    {
        std::optional<Result<T>> out;
        Status s = run([&](Database &db) -> Status {
            out.emplace(job(db));
            if (!out->ok())
                return out->error();
            return {};
        });
        if (!out)
            return s.error();
        return std::move(*out);
    }

private:
    Database *m_db = nullptr;
    QPointer<QueryWorker> m_worker;
};

} // namespace fieldops
