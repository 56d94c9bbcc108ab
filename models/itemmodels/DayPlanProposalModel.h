#pragma once
// An "Optimize day" proposal as a diff for the optimize panel: one row per proposed visit
// (Work order, Technician, Start, From, To), then one per booked visit a re-plan moves, and,
// apart, the work orders still unplaced with why. From is "Queue" for a new visit, or the
// technician and time a moved visit leaves; To the technician and the new times. The
// display roles are for people (local times); WorkOrderId, AppointmentId (empty for a new
// visit), TechnicianId, SlotStart and SlotEnd give the raw values (the board's preview bars
// and the tests read them).
#include "dayplan/DayPlan.h"

#include <QAbstractTableModel>
#include <QHash>

namespace fieldops {

class DayPlanProposalModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WorkOrderColumn, TechnicianColumn, StartColumn, FromColumn, ToColumn, ColumnCount };

    explicit DayPlanProposalModel(QObject *parent = nullptr);

    // `technicianNames` and `workOrderSummaries` map ids to what is shown beside them.
    void setPlan(const dayplan::DayPlan &plan, const QHash<QString, QString> &technicianNames,
                 const QHash<QString, QString> &workOrderSummaries);
    void clear();
    bool isEmpty() const { return m_plan.visits.empty() && m_plan.moves.empty() && m_plan.unplaced.empty(); }
    // Row `row` as the change it proposes (appointmentId empty: a new visit).
    dayplan::VisitMove rowChange(int row) const;
    const dayplan::DayPlan &plan() const { return m_plan; }
    QString technicianName(const QString &id) const { return m_names.value(id, id); }
    QString summary(const QString &workOrderId) const { return m_summaries.value(workOrderId); }
    // "Travel 0 min → 48 min" for the technicians who get a new visit or whose visits move.
    QString travelText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    dayplan::DayPlan m_plan;
    QHash<QString, QString> m_names;
    QHash<QString, QString> m_summaries;
};

} // namespace fieldops
