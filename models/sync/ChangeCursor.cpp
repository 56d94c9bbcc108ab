#include "sync/ChangeCursor.h"

#include <algorithm>

namespace fieldops {

ChangeList ChangeCursor::accept(const ChangeList &rows)
{
    ChangeList fresh;
    qint64 highest = m_watermark;
    for (const Change &c : rows) {
        if (c.seq <= m_watermark || m_seenAbove.contains(c.seq))
            continue;
        m_seenAbove.insert(c.seq);
        m_gapSince.remove(c.seq);
        fresh << c;
        highest = std::max(highest, c.seq);
    }
    // Every seq between the watermark and the highest seen that has not arrived is a gap.
    for (qint64 s = m_watermark + 1; s < highest; ++s) {
        if (!m_seenAbove.contains(s) && !m_gapSince.contains(s)) {
            QElapsedTimer t;
            t.start();
            m_gapSince.insert(s, t);
        }
    }
    std::sort(fresh.begin(), fresh.end(), [](const Change &a, const Change &b) { return a.seq < b.seq; });
    advance();
    return fresh;
}

void ChangeCursor::expireGaps()
{
    for (auto it = m_gapSince.begin(); it != m_gapSince.end();) {
        if (it.value().elapsed() >= m_gapTimeoutMs) {
            m_seenAbove.insert(it.key()); // given up on: treat as seen
            it = m_gapSince.erase(it);
        } else {
            ++it;
        }
    }
    advance();
}

void ChangeCursor::advance()
{
    while (m_seenAbove.contains(m_watermark + 1)) {
        m_seenAbove.remove(m_watermark + 1);
        ++m_watermark;
    }
}

void ChangeCursor::reset(qint64 watermark)
{
    m_watermark = watermark;
    m_seenAbove.clear();
    m_gapSince.clear();
}

} // namespace fieldops
