#include "board/ConflictListModel.h"

#include "domain/SignalColours.h"
#include "board/BoardModel.h"
#include "itemmodels/ItemRoles.h"
#include "scheduling/Violation.h"

#include <QColor>
#include <QLocale>

namespace fieldops::board {

ConflictListModel::ConflictListModel(BoardModel *board, QObject *parent) : QAbstractTableModel(parent), m_board(board)
{
    // The whole list changes at once after a re-check: a reset is the honest signal.
    connect(board, &BoardModel::violationsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

void ConflictListModel::setDisplayZone(const QTimeZone &zone, bool perTechnician)
{
    const bool headerChanges = perTechnician != m_perTechnician;
    m_zone = zone;
    m_perTechnician = perTechnician;
    if (headerChanges)
        emit headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
    if (rowCount() > 0)
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
}

QTimeZone ConflictListModel::zoneOf(const QString &technicianId) const
{
    if (!m_perTechnician)
        return m_zone;
    const int t = m_board->technicianIndex(technicianId);
    if (t < 0)
        return m_zone;
    // An unknown zone reads as UTC, as the rule checks and the board read it (ZoneClock).
    const QTimeZone zone(m_board->technicians()[size_t(t)].technician.timeZone.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_board->violations().size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ConflictListModel::kindText(int kind)
{
    switch (scheduling::ViolationKind(kind)) {
    case scheduling::ViolationKind::Overlap:
        return tr("Double booking");
    case scheduling::ViolationKind::Travel:
        //: Conflict kind: too little travel time between two visits.
        return tr("Travel");
    case scheduling::ViolationKind::Shift:
        return tr("Outside shift");
    case scheduling::ViolationKind::Absence:
        return tr("Absence");
    case scheduling::ViolationKind::Skill:
        return tr("Missing skill");
    case scheduling::ViolationKind::Window:
        return tr("Time window");
    case scheduling::ViolationKind::Sla:
        return tr("SLA");
    }
    return {};
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const scheduling::Violation &v = m_board->violations()[size_t(index.row())];
    if (role == roles::AppointmentId)
        return v.appointmentIds.value(0);
    if (role == roles::SortValue) {
        switch (index.column()) {
        case KindColumn:
            return int(v.kind);
        case TimeColumn:
            return v.start;
        default:
            break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == KindColumn && v.isHard())
        return colours::alarm();
    if (role == Qt::ToolTipRole)
        return v.detail;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case KindColumn:
        return kindText(int(v.kind));
    case TechnicianColumn: {
        const int t = m_board->technicianIndex(v.technicianId);
        return t < 0 ? v.technicianId : m_board->technicians()[size_t(t)].technician.name;
    }
    case TimeColumn:
        return QLocale().toString(v.start.toTimeZone(zoneOf(v.technicianId)), QLocale::ShortFormat);
    case DetailColumn:
        return v.detail;
    default:
        break;
    }
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case TechnicianColumn:
        return tr("Technician");
    case TimeColumn:
        //: Column of the conflicts list when each technician's time is shown in their own zone.
        return m_perTechnician ? tr("Local time") : tr("Time");
    case DetailColumn:
        return tr("Detail");
    default:
        break;
    }
    return {};
}

} // namespace fieldops::board
