#include "kpi/KpiParallelLoad.h"

#include "storage/Database.h"

#include <QRegularExpression>
#include <future>

namespace fieldops::kpi::detail {

namespace {

// Opens a REPEATABLE READ READ ONLY transaction: first importing `snapshot` (when not
// empty; it must precede every query), then with more working memory (the hash joins of
// a big period spill to disk in batches with the default 4 MB). A refused step aborts the
// transaction, which is rolled back: false, and the caller tries again with less.
bool beginRead(Database &db, const QString &snapshot, bool moreMemory)
{
    if (!db.execDirect(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
        return false;
    if ((!snapshot.isEmpty() && !db.execDirect(QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshot)))
        || (moreMemory && !db.execDirect(QStringLiteral("SET LOCAL work_mem = '64MB'")))) {
        (void)db.execDirect(QStringLiteral("ROLLBACK")); // a lost connection fails here: the server ends it
        return false;
    }
    return true;
}

// The main connection's read: one snapshot, exported for the side connection. Read
// only: nothing is written, so rolling back at the end loses nothing.
class SnapshotRead {
public:
    explicit SnapshotRead(Database &db) : m_db(db)
    {
        m_open = beginRead(db, {}, true) || beginRead(db, {}, false); // without the memory: only slower
        if (!m_open)
            return;
        if (auto id = db.scalar(QStringLiteral("SELECT pg_export_snapshot()")); id && id->isValid()) {
            m_snapshot = id->toString();
        } else { // the refusal aborted the transaction: a fresh one, and the side reads on its own
            (void)db.execDirect(QStringLiteral("ROLLBACK"));
            m_open = beginRead(db, {}, true) || beginRead(db, {}, false);
        }
    }
    ~SnapshotRead()
    {
        if (m_open) // a lost connection fails here: the server ends the transaction itself
            (void)m_db.execDirect(QStringLiteral("ROLLBACK"));
    }
    SnapshotRead(const SnapshotRead &) = delete;
    SnapshotRead &operator=(const SnapshotRead &) = delete;
    // Empty when it could not be exported: the side read then takes its own snapshot.
    QString snapshot() const { return m_snapshot; }

private:
    Database &m_db;
    bool m_open = false;
    QString m_snapshot;
};

// What the side connection brings back.
struct SideRead {
    KpiInputs part; // technicians, absences, ratings, time entries
    QStringList notDue; // work orders visited, completed or rated in the period but not due in it
};

// The anti-join runs on the server: the candidates are as many as the period's visits,
// the answer is usually a handful, and this connection is not the one the load waits on.
Status readNotDue(Database &db, const PeriodText &p, SideRead &side)
{
    auto q = bulkSelect(db, QStringLiteral("WITH due AS MATERIALIZED (SELECT id FROM work_orders WHERE sla_due >= ? AND sla_due < ?) "
                                           "SELECT work_order_id FROM appointments a "
                                           "WHERE ((completed_at >= ? AND completed_at < ?) OR (arrived_at >= ? AND arrived_at < ?)) "
                                           "AND NOT EXISTS (SELECT 1 FROM due WHERE due.id = a.work_order_id) "
                                           "UNION SELECT work_order_id FROM ratings r WHERE rated_at >= ? AND rated_at < ? "
                                           "AND NOT EXISTS (SELECT 1 FROM due WHERE due.id = r.work_order_id)"),
                        {p.from, p.to, p.from, p.to, p.from, p.to, p.from, p.to});
    if (!q)
        return q.error();
    while (q->next())
        side.notDue.push_back(q->value(0).toString());
    return {};
}

// The side's reads on `db`, inside whatever transaction it is in.
Result<SideRead> readSideOn(Database &db, const PeriodText &p)
{
    const Instants t(true);
    SideRead side;
    Status s = readTechnicians(db, side.part);
    if (s)
        s = readAbsences(db, t, p, side.part);
    if (s)
        s = readRatings(db, t, p, side.part);
    if (s)
        s = readTimeEntries(db, t, p, side.part);
    if (s)
        s = readNotDue(db, p, side);
    if (!s)
        return s.error();
    return side;
}

// The side read on a connection of its own. nullopt: no second connection could be
// opened (a role's connection limit, a full server), and the caller reads on its own.
std::optional<Result<SideRead>> readSide(const DatabaseUrl &url, const QString &actor, const QString &snapshot,
                                         const PeriodText &p)
{
    auto opened = Database::open(url, actor);
    if (!opened)
        return std::nullopt;
    Database &db = **opened;
    // The shared snapshot if it can be imported, else one of its own (still correct);
    // memory for the anti-join's hash if allowed (else only slower).
    static const QRegularExpression safe(QStringLiteral("^[0-9A-Fa-f-]+$")); // snapshot ids: nothing else goes into SQL
    const bool shareable = !snapshot.isEmpty() && safe.match(snapshot).hasMatch();
    if (!(shareable && beginRead(db, snapshot, true)) && !beginRead(db, {}, true))
        if (Status s = db.execDirect(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")); !s)
            return Result<SideRead>(s.error()); // the driver's own words
    Result<SideRead> side = readSideOn(db, p);
    if (Status end = db.execDirect(QStringLiteral("ROLLBACK")); side && !end)
        return Result<SideRead>(end.error());
    return side;
}

// A PostgreSQL array literal of text: every element quoted, so commas, braces, spaces
// and the word NULL stay text; backslash and double quote escaped.
QString textArray(const QStringList &items)
{
    QString out = QStringLiteral("{");
    for (const QString &item : items) {
        if (out.size() > 1)
            out += QLatin1Char(',');
        out += QLatin1Char('"');
        for (QChar c : item) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                out += QLatin1Char('\\');
            out += c;
        }
        out += QLatin1Char('"');
    }
    return out + QLatin1Char('}');
}

} // namespace

Result<KpiInputs> loadInParallel(Database &db, KpiInputs in, const PeriodText &p)
{
    SnapshotRead snapshot(db);
    PhaseLog phase;
    // A thread of its own, not the pool: KpiService already runs in a pool thread, and a
    // pool task waited for from the pool may run inline, which would undo the point.
    std::future<std::optional<Result<SideRead>>> sideFuture =
        std::async(std::launch::async, readSide, db.url(), db.actor(), snapshot.snapshot(), p);
    const Instants t(true);
    WorkOrderIndex index;
    Status due = readHistories(db, t, QStringLiteral("w.sla_due >= ? AND w.sla_due < ?"), {p.from, p.to}, in, index);
    phase("work orders due and their appointments", in.appointments.size());
    std::optional<Result<SideRead>> sideRead = sideFuture.get(); // always waited for: it uses p
    if (!due)
        return due.error();
    // Without a second connection the same reads follow on this one, in its snapshot.
    Result<SideRead> side = sideRead ? std::move(*sideRead) : readSideOn(db, p);
    phase(sideRead ? "side read (technicians, absences, ratings, time entries, touched work orders)"
                   : "side read on the main connection (no second connection)",
          side ? side->part.timeEntries.size() : 0);
    if (!side)
        return side.error();
    in.technicians = std::move(side->part.technicians);
    in.absences = std::move(side->part.absences);
    in.ratings = std::move(side->part.ratings);
    in.timeEntries = std::move(side->part.timeEntries);
    QStringList rest;
    for (const QString &id : std::as_const(side->notDue))
        if (!index.contains(id)) // due after all: changed between the two reads without a shared snapshot
            rest.push_back(id);
    if (!rest.isEmpty()) {
        if (Status s = readHistories(db, t, QStringLiteral("w.id = ANY(CAST(? AS text[]))"), {textArray(rest)}, in, index); !s)
            return s.error();
    }
    if (Status s = readFollowUpChains(db, t, in, index); !s)
        return s.error();
    linkRatings(in, index);
    phase("work orders visited, completed or rated but not due", rest.size());
    return in;
}

} // namespace fieldops::kpi::detail
