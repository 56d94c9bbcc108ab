#include "itemmodels/AlertListModel.h"

#include "itemmodels/DisplayFormat.h"
#include "itemmodels/ItemRoles.h"

#include <QLocale>
#include <QSet>
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
    m_predicted = shownPredictions(m_predictedInput);
    endResetModel();
    emit countsChanged();
}

void AlertListModel::setPredictedLate(const std::vector<map::LateAlert> &late)
{
    m_predictedInput = late;
    applyPredictions(shownPredictions(late));
}

std::vector<map::LateAlert> AlertListModel::shownPredictions(const std::vector<map::LateAlert> &late) const
{
    // A visit whose start has passed with nobody on site is already a late arrival: one
    // line for it, not two. And one line per technician, whatever the input holds.
    QSet<QString> missed;
    for (const Alert &a : m_alerts)
        if (a.kind == Alert::Kind::LateArrival && !a.appointmentId.isEmpty())
            missed.insert(a.appointmentId);
    QSet<QString> seen;
    std::vector<map::LateAlert> out;
    for (const map::LateAlert &l : late) {
        if (l.technicianId.isEmpty() || missed.contains(l.appointmentId) || seen.contains(l.technicianId))
            continue;
        seen.insert(l.technicianId);
        out.push_back(l);
    }
    return out;
}

void AlertListModel::applyPredictions(const std::vector<map::LateAlert> &next)
{
    // Row by row, keeping the order rows first appeared in: a reset would lose the
    // dispatcher's current row and scroll position on every position update.
    const int base = int(m_alerts.size());
    QHash<QString, const map::LateAlert *> byTech;
    for (const map::LateAlert &l : next)
        byTech.insert(l.technicianId, &l);
    bool rowsChanged = false;
    for (int i = int(m_predicted.size()) - 1; i >= 0; --i) {
        if (byTech.contains(m_predicted[size_t(i)].technicianId))
            continue;
        beginRemoveRows({}, base + i, base + i);
        m_predicted.erase(m_predicted.begin() + i);
        endRemoveRows();
        rowsChanged = true;
    }
    QSet<QString> present;
    for (int i = 0; i < int(m_predicted.size()); ++i) {
        map::LateAlert &cur = m_predicted[size_t(i)];
        present.insert(cur.technicianId);
        const map::LateAlert &upd = *byTech.value(cur.technicianId);
        if (upd.minutesLate == cur.minutesLate && upd.eta == cur.eta && upd.appointmentId == cur.appointmentId
            && upd.technicianName == cur.technicianName)
            continue;
        cur = upd;
        emit dataChanged(index(base + i), index(base + i));
    }
    for (const map::LateAlert &l : next) {
        if (present.contains(l.technicianId))
            continue;
        const int row = base + int(m_predicted.size());
        beginInsertRows({}, row, row);
        m_predicted.push_back(l);
        endInsertRows();
        rowsChanged = true;
    }
    if (rowsChanged)
        emit countsChanged();
}

const Alert *AlertListModel::alertAt(int row) const
{
    return row >= 0 && row < int(m_alerts.size()) ? &m_alerts[size_t(row)] : nullptr;
}

const map::LateAlert *AlertListModel::predictedAt(int row) const
{
    const int i = row - int(m_alerts.size());
    return i >= 0 && i < int(m_predicted.size()) ? &m_predicted[size_t(i)] : nullptr;
}

int AlertListModel::countOf(Alert::Kind kind) const
{
    if (kind == Alert::Kind::PredictedLate)
        return int(m_predicted.size());
    return int(std::count_if(m_alerts.begin(), m_alerts.end(), [kind](const Alert &a) { return a.kind == kind; }));
}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size() + m_predicted.size());
}

QString AlertListModel::describe(const map::LateAlert &l)
{
    const QLocale locale;
    return tr("%1 expected %n min late for %2 · starts %3, arrives about %4", nullptr, l.minutesLate)
        .arg(l.technicianName, l.workOrderId, locale.toString(l.start.toLocalTime().time(), QStringLiteral("HH:mm")),
             locale.toString(l.eta.toLocalTime().time(), QStringLiteral("HH:mm")));
}

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
    case Alert::Kind::SlaAtRisk:
        return tr("%1 (P%2) SLA at risk: the plan ends after it falls due in %3 · %4")
            .arg(a.workOrderId)
            .arg(a.priority)
            .arg(durationText(delta), a.siteName);
    case Alert::Kind::MissedStatus:
        return tr("%1: %2 on site by GPS for %3, no on-site status sent · %4")
            .arg(a.workOrderId, a.technicianName, durationText(delta), a.siteName);
    case Alert::Kind::Overrun:
        return tr("%1 overrunning: %2 on site %3 past the planned length · %4")
            .arg(a.workOrderId, a.technicianName, durationText(delta), a.siteName);
    case Alert::Kind::Unresolved:
        return tr("%1 left unresolved by %2 %3 ago, no return visit booked · %4")
            .arg(a.workOrderId, a.technicianName, durationText(delta), a.siteName);
    case Alert::Kind::Silent:
        return tr("%1 on shift, no position for %2").arg(a.technicianName, durationText(delta));
    case Alert::Kind::PredictedLate:
        break; // those rows are map::LateAlert, described on their own
    }
    return {};
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (const map::LateAlert *l = index.isValid() ? predictedAt(index.row()) : nullptr) {
        switch (role) {
        case Qt::DisplayRole: return describe(*l);
        case Qt::ToolTipRole: return describe(*l);
        case roles::WorkOrderId: return l->workOrderId;
        case roles::AppointmentId: return l->appointmentId;
        case roles::TechnicianId: return l->technicianId;
        case roles::AlertKind: return int(Alert::Kind::PredictedLate);
        case roles::AlertAt: return l->start;
        default: return {};
        }
    }
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
    case roles::AlertKey: return a->key();
    case roles::TechnicianId: return a->technicianId;
    case roles::Priority: return a->priority;
    default: return {};
    }
}

} // namespace fieldops
