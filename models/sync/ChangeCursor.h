#pragma once
// Where a client stands in the change log, so it neither misses nor repeats a change.
//
// PostgreSQL hands out sequence numbers at insert time but transactions commit in any
// order: a reader may see seq 12 before seq 11 commits. So the cursor keeps a watermark
// (every seq at or below it has been seen or given up on) plus the seqs seen above it.
// A gap is waited for `gapTimeoutMs`; after that it is taken as a rolled-back
// transaction and skipped. SQLite serialises writers, so gaps only come from rollbacks.
#include "sync/Change.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

namespace fieldops {

class ChangeCursor {
public:
    explicit ChangeCursor(qint64 watermark = 0, int gapTimeoutMs = 30000)
        : m_watermark(watermark), m_gapTimeoutMs(gapTimeoutMs) {}

    qint64 watermark() const { return m_watermark; }
    // Query the log for seq > watermark(); feed every row read to accept().
    // Returns the rows not seen before, in seq order.
    ChangeList accept(const ChangeList &rows);
    // Advances the watermark over gaps that have waited long enough.
    void expireGaps();
    int pendingGaps() const { return int(m_gapSince.size()); }
    void reset(qint64 watermark);

private:
    void advance();
    qint64 m_watermark;
    int m_gapTimeoutMs;
    QSet<qint64> m_seenAbove;
    QHash<qint64, QElapsedTimer> m_gapSince;
};

} // namespace fieldops
