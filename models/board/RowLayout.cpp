#include "board/RowLayout.h"

#include <QCoreApplication>
#include <algorithm>

namespace fieldops::board {

bool RowLayout::matches(const BoardTechnician &t, const BoardFilter &f)
{
    const Technician &x = t.technician;
    // An inactive technician's row stays only while it holds visits in the horizon.
    if (!x.active && t.items.empty())
        return false;
    if (!f.territoryId.isEmpty() && x.territoryId != f.territoryId)
        return false;
    if (!f.skill.isEmpty() && !x.skills.contains(f.skill))
        return false;
    if (!f.employment.isEmpty() && x.employment != f.employment)
        return false;
    if (!f.search.isEmpty() && !x.name.contains(f.search, Qt::CaseInsensitive))
        return false;
    return true;
}

void RowLayout::rebuild(const std::vector<BoardTechnician> &technicians, const BoardFilter &filter,
                        const QSet<QString> &collapsedTerritories)
{
    std::vector<int> order;
    order.reserve(technicians.size());
    for (int i = 0; i < int(technicians.size()); ++i) {
        if (matches(technicians[size_t(i)], filter))
            order.push_back(i);
    }
    // Territories by name (technicians without one last), then technicians by name.
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const BoardTechnician &x = technicians[size_t(a)], &y = technicians[size_t(b)];
        const bool xNone = x.technician.territoryId.isEmpty(), yNone = y.technician.territoryId.isEmpty();
        if (xNone != yNone)
            return yNone;
        if (x.technician.territoryId != y.technician.territoryId) {
            const QString &xn = x.territoryName.isEmpty() ? x.technician.territoryId : x.territoryName;
            const QString &yn = y.territoryName.isEmpty() ? y.technician.territoryId : y.territoryName;
            return xn != yn ? xn.localeAwareCompare(yn) < 0 : x.technician.territoryId < y.technician.territoryId;
        }
        const int c = x.technician.name.localeAwareCompare(y.technician.name);
        return c != 0 ? c < 0 : x.technician.id < y.technician.id;
    });

    m_rows.clear();
    m_tops.assign(1, 0);
    m_rowOfTech.assign(technicians.size(), -1);
    size_t at = 0;
    while (at < order.size()) {
        const QString territory = technicians[size_t(order[at])].technician.territoryId;
        size_t end = at;
        while (end < order.size() && technicians[size_t(order[end])].technician.territoryId == territory)
            ++end;
        BoardRow group;
        group.kind = BoardRow::Kind::Group;
        group.territoryId = territory;
        const QString name = technicians[size_t(order[at])].territoryName;
        group.title = territory.isEmpty() ? QCoreApplication::translate("ScheduleBoard", "No territory")
                                          : (name.isEmpty() ? territory : name);
        group.members = int(end - at);
        group.collapsed = collapsedTerritories.contains(territory);
        m_rows.push_back(group);
        m_tops.push_back(m_tops.back() + kGroupHeight);
        if (!group.collapsed) {
            for (size_t i = at; i < end; ++i) {
                BoardRow r;
                r.technician = order[i];
                r.territoryId = territory;
                m_rowOfTech[size_t(order[i])] = int(m_rows.size());
                m_rows.push_back(r);
                m_tops.push_back(m_tops.back() + kRowHeight);
            }
        }
        at = end;
    }
}

int RowLayout::rowAt(int y) const
{
    if (y < 0 || y >= totalHeight())
        return -1;
    auto it = std::upper_bound(m_tops.begin(), m_tops.end(), y);
    return int(it - m_tops.begin()) - 1;
}

int RowLayout::rowOfTechnician(int technician) const
{
    if (technician < 0 || technician >= int(m_rowOfTech.size()))
        return -1;
    return m_rowOfTech[size_t(technician)];
}

} // namespace fieldops::board
