#pragma once
// What a drag would do, as the painter shows it: the target slots and the live verdict.
#include <QString>
#include <vector>

namespace fieldops::widgets {

struct GhostBar {
    int technician = -1;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct BoardGhost {
    enum class Verdict { Clean, Soft, Hard };
    std::vector<GhostBar> bars;
    Verdict verdict = Verdict::Clean;
    QString message; // soft kinds named, or with whom a hard collision would be
};

} // namespace fieldops::widgets
