#pragma once
// Which technicians the board shows (toolbar filters) and whether cancelled visits show.
#include <QString>

namespace fieldops::board {

struct BoardFilter {
    QString territoryId; // empty: all
    QString skill;       // empty: any
    QString employment;  // empty: any
    QString search;      // part of the technician's name, case-insensitive
    bool showCancelled = false;

    bool operator==(const BoardFilter &) const = default;
};

} // namespace fieldops::board
