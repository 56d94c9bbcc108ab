#include "interchange/AppointmentOverlaps.h"

#include <QHash>
#include <algorithm>

namespace fieldops::interchange {

QVector<OverlapFinding> findOverlaps(const QVector<BusyInterval> &intervals)
{
    QHash<QString, QVector<int>> byTechnician;
    for (int i = 0; i < intervals.size(); ++i)
        byTechnician[intervals.at(i).technicianId].append(i);

    QVector<OverlapFinding> findings;
    for (auto it = byTechnician.begin(); it != byTechnician.end(); ++it) {
        QVector<int> &idx = it.value();
        std::sort(idx.begin(), idx.end(), [&](int a, int b) {
            const BusyInterval &x = intervals.at(a), &y = intervals.at(b);
            return x.startMs != y.startMs ? x.startMs < y.startMs : x.line < y.line;
        });
        // The interval reaching furthest so far: anything starting before its end overlaps it.
        int reach = -1;
        for (int i : idx) {
            const BusyInterval &cur = intervals.at(i);
            if (reach >= 0 && cur.startMs < intervals.at(reach).endMs) {
                const BusyInterval &prev = intervals.at(reach);
                if (cur.line > 0 || prev.line > 0) {
                    const bool reportCur = prev.line == 0 || (cur.line > 0 && cur.line > prev.line);
                    findings.append(reportCur ? OverlapFinding{i, reach} : OverlapFinding{reach, i});
                }
            }
            if (reach < 0 || cur.endMs > intervals.at(reach).endMs)
                reach = i;
        }
    }
    std::sort(findings.begin(), findings.end(), [&](const OverlapFinding &a, const OverlapFinding &b) {
        return intervals.at(a.reported).line < intervals.at(b.reported).line;
    });
    return findings;
}

} // namespace fieldops::interchange
