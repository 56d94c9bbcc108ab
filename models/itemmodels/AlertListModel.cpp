#include "itemmodels/AlertListModel.h"

#include "itemmodels/DisplayFormat.h"
#include "itemmodels/ItemRoles.h"

#include <QLocale>
#include <algorithm>

namespace fieldops {

namespace {
// "3 h 20 min" / "45 min": how far the instant is from now, for people, not machines.
QString durationText(qint64 secs)
{
    secs = qAbs(secs);
    const qint64 h = secs / 3600, m = (secs % 3600) / 60;
    if (h >= 48)
        return AlertListModel::tr("%1 days").arg(h / 24);
    if (h > 0)
        return AlertListModel::tr("%1 h %2 min").arg(h).arg(m);
    return AlertListModel::tr("%1 min").arg(m);
}
} // namespace

AlertListModel::AlertListModel(QObject *parent) : QAbstractListModel(parent) {}

void AlertListModel::setAlerts(std::vector<Alert> alerts, const QDateTime &now)
{
    beginResetModel();
    m_alerts = std::move(alerts);
    m_now = now;
    endResetModel();
}

const Alert *AlertListModel::alertAt(int row) const
{
    return row >= 0 && row < int(m_alerts.size()) ? &m_alerts[size_t(row)] : nullptr;
}

int AlertListModel::countOf(Alert::Kind kind) const
{
    return int(std::count_if(m_alerts.begin(), m_alerts.end(), [kind](const Alert &a) { return a.kind == kind; }));
}

int AlertListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_alerts.size()); }

QString AlertListModel::describe(const Alert &a, const QDateTime &now)
{
    const qint64 delta = now.secsTo(a.at);
    switch (a.kind) {
    case Alert::Kind::SlaBreached:
        return tr("%1 (P%2) SLA breached %3 ago · %4").arg(a.workOrderId).arg(a.priority).arg(durationText(delta), a.siteName);
    case Alert::Kind::SlaDueSoon:
        return tr("%1 (P%2) SLA due in %3 · %4").arg(a.workOrderId).arg(a.priority).arg(durationText(delta), a.siteName);
    case Alert::Kind::LateArrival:
        return tr("%1 late: %2 not on site, start was %3 ago · %4")
            .arg(a.workOrderId, a.technicianName, durationText(delta), a.siteName);
    }
    return {};
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    const Alert *a = index.isValid() ? alertAt(index.row()) : nullptr;
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole: return describe(*a, m_now);
    case Qt::ToolTipRole:
        // The list elides long lines; the tooltip has all of it.
        return tr("%1\n%2").arg(describe(*a, m_now), display::instant(a->at));
    case roles::WorkOrderId: return a->workOrderId;
    case roles::AppointmentId: return a->appointmentId;
    case roles::AlertKind: return int(a->kind);
    case roles::AlertAt: return a->at;
    case roles::Priority: return a->priority;
    default: return {};
    }
}

} // namespace fieldops
