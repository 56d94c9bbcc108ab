#include "audit/AuditHistoryFilter.h"

#include "itemmodels/ItemRoles.h"

namespace fieldops {

AuditHistoryFilter::AuditHistoryFilter(QObject *parent) : QSortFilterProxyModel(parent) {}

void AuditHistoryFilter::showAll() { setScope(Scope::All, {}); }
void AuditHistoryFilter::showWorkOrderOnly() { setScope(Scope::WorkOrder, {}); }
void AuditHistoryFilter::showAppointment(const QString &appointmentId) { setScope(Scope::Appointment, appointmentId); }

void AuditHistoryFilter::setScope(Scope scope, const QString &appointmentId)
{
    m_scope = scope;
    m_appointmentId = appointmentId;
    invalidateRowsFilter();
}

bool AuditHistoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_scope == Scope::All)
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool visit = i.data(roles::AuditEntity).toString() == QLatin1String("appointments");
    if (m_scope == Scope::WorkOrder)
        return !visit;
    return visit && i.data(roles::AuditEntityId).toString() == m_appointmentId;
}

} // namespace fieldops
