#pragma once
// Narrows the history to one part of a work order: everything, the work order itself
// (with its skills and ratings), or one visit. Rows keep the source's newest-first order.
#include <QSortFilterProxyModel>

namespace fieldops {

class AuditHistoryFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AuditHistoryFilter(QObject *parent = nullptr);
    void showAll();
    void showWorkOrderOnly();
    void showAppointment(const QString &appointmentId);
    QString appointmentId() const { return m_appointmentId; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    enum class Scope { All, WorkOrder, Appointment };
    void setScope(Scope scope, const QString &appointmentId);
    Scope m_scope = Scope::All;
    QString m_appointmentId;
};

} // namespace fieldops
