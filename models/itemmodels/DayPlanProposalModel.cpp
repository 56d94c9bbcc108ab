#include "itemmodels/DayPlanProposalModel.h"

#include "itemmodels/ItemRoles.h"

#include <QLocale>

namespace fieldops {

namespace {
QString timeOf(const QDateTime &t) { return QLocale().toString(t.toLocalTime().time(), QLocale::ShortFormat); }
} // namespace

DayPlanProposalModel::DayPlanProposalModel(QObject *parent) : QAbstractTableModel(parent) {}

void DayPlanProposalModel::setPlan(const dayplan::DayPlan &plan, const QHash<QString, QString> &technicianNames,
                                   const QHash<QString, QString> &workOrderSummaries)
{
    beginResetModel();
    m_plan = plan;
    m_names = technicianNames;
    m_summaries = workOrderSummaries;
    endResetModel();
}

void DayPlanProposalModel::clear() { setPlan({}, {}, {}); }

QString DayPlanProposalModel::travelText() const
{
    return tr("Travel %1 min → %2 min").arg(m_plan.dayTravelBeforeMin).arg(m_plan.dayTravelAfterMin);
}

int DayPlanProposalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.visits.size() + m_plan.moves.size());
}

// New visits first, then the booked visits a re-plan moves, each as the change it makes.
dayplan::VisitMove DayPlanProposalModel::rowChange(int row) const
{
    if (row < int(m_plan.visits.size())) {
        const dayplan::PlannedVisit &v = m_plan.visits[size_t(row)];
        return {QString(), v.workOrderId, QString(), QDateTime(), QDateTime(), v.technicianId, v.start, v.end};
    }
    return m_plan.moves[size_t(row) - m_plan.visits.size()];
}

int DayPlanProposalModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DayPlanProposalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const dayplan::VisitMove v = rowChange(index.row());
    switch (role) {
    case roles::WorkOrderId:
        return v.workOrderId;
    case roles::AppointmentId:
        return v.appointmentId;
    case roles::TechnicianId:
        return v.toTechnicianId;
    case roles::SlotStart:
        return v.start;
    case roles::SlotEnd:
        return v.end;
    case Qt::ToolTipRole:
        return m_summaries.value(v.workOrderId);
    case Qt::DisplayRole:
        switch (index.column()) {
        case WorkOrderColumn: {
            const QString summary = m_summaries.value(v.workOrderId);
            return summary.isEmpty() ? v.workOrderId : tr("%1 · %2").arg(v.workOrderId, summary);
        }
        case TechnicianColumn: return technicianName(v.toTechnicianId);
        case StartColumn: return timeOf(v.start);
        case FromColumn:
            return v.appointmentId.isEmpty() ? tr("Queue") : tr("%1, %2").arg(technicianName(v.fromTechnicianId), timeOf(v.fromStart));
        case ToColumn: return tr("%1, %2–%3").arg(technicianName(v.toTechnicianId), timeOf(v.start), timeOf(v.end));
        }
        return {};
    default:
        return {};
    }
}

QVariant DayPlanProposalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WorkOrderColumn: return tr("Work order");
    case TechnicianColumn: return tr("Technician");
    case StartColumn: return tr("Start");
    case FromColumn: return tr("From");
    case ToColumn: return tr("To");
    }
    return {};
}

} // namespace fieldops
