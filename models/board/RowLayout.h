#pragma once
// The board's vertical layout: technicians grouped by territory (groups collapse), after
// the toolbar's filters. The row tops are kept in one sorted vector so "which row is at
// y" is a binary search and the row header and the timeline can never disagree.
#include "board/BoardData.h"
#include "board/BoardFilter.h"

#include <QSet>
#include <QString>
#include <vector>

namespace fieldops::board {

struct BoardRow {
    enum class Kind { Group, Technician };
    Kind kind = Kind::Technician;
    int technician = -1; // index into BoardModel::technicians() for technician rows
    QString territoryId;
    QString title;       // group title (territory name)
    int members = 0;     // technicians in the group (after filters)
    bool collapsed = false;
};

class RowLayout {
public:
    static constexpr int kRowHeight = 36;
    static constexpr int kGroupHeight = 22;

    void rebuild(const std::vector<BoardTechnician> &technicians, const BoardFilter &filter,
                 const QSet<QString> &collapsedTerritories);

    int count() const { return int(m_rows.size()); }
    const BoardRow &row(int i) const { return m_rows[size_t(i)]; }
    int top(int i) const { return m_tops[size_t(i)]; }
    int height(int i) const { return m_tops[size_t(i) + 1] - m_tops[size_t(i)]; }
    int totalHeight() const { return m_tops.back(); }
    // The row containing content y, or -1 outside every row.
    int rowAt(int y) const;
    // The row showing this technician, or -1 when filtered out or collapsed.
    int rowOfTechnician(int technician) const;

    static bool matches(const BoardTechnician &t, const BoardFilter &filter);

private:
    std::vector<BoardRow> m_rows;
    std::vector<int> m_tops{0}; // m_rows.size() + 1 entries
    std::vector<int> m_rowOfTech;
};

} // namespace fieldops::board
