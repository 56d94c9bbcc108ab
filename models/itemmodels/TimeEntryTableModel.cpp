#include "itemmodels/TimeEntryTableModel.h"

#include "domain/SignalColours.h"
#include "domain/VocabularyText.h"
#include "itemmodels/DisplayFormat.h"
#include "itemmodels/ItemRoles.h"

#include <QLocale>

namespace fieldops {

TimeEntryTableModel::TimeEntryTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void TimeEntryTableModel::setPage(billing::TimeReviewPage page)
{
    beginResetModel();
    m_page = std::move(page);
    refilter();
    endResetModel();
    emit totalsChanged();
}

void TimeEntryTableModel::setStateFilter(const QString &state)
{
    if (state == m_state)
        return;
    beginResetModel();
    m_state = state;
    refilter();
    endResetModel();
    emit totalsChanged();
}

void TimeEntryTableModel::refilter()
{
    m_shown.clear();
    for (int i = 0; i < m_page.rows.size(); ++i)
        if (m_state.isEmpty() || m_page.rows[i].entry.reviewState == m_state)
            m_shown << i;
}

const billing::TimeReviewRow *TimeEntryTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_shown.size() ? &m_page.rows[m_shown[row]] : nullptr;
}

int TimeEntryTableModel::rowOfEntry(qint64 id) const
{
    for (int r = 0; r < m_shown.size(); ++r)
        if (m_page.rows[m_shown[r]].entry.id == id)
            return r;
    return -1;
}

double TimeEntryTableModel::shownHours() const
{
    double h = 0;
    for (int i : m_shown)
        h += m_page.rows[i].entry.hours();
    return h;
}

double TimeEntryTableModel::shownBillableHours() const
{
    double h = 0;
    for (int i : m_shown)
        if (m_page.rows[i].entry.billable)
            h += m_page.rows[i].entry.hours();
    return h;
}

int TimeEntryTableModel::shownFlagged() const
{
    int n = 0;
    for (int i : m_shown)
        n += m_page.rows[i].flags.isEmpty() ? 0 : 1;
    return n;
}

int TimeEntryTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_shown.size()); }
int TimeEntryTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

namespace {

QString flagsText(const QList<billing::Flag> &flags)
{
    QStringList words;
    for (const billing::Flag &f : flags)
        words << billing::flagText(f);
    // One reason a line: the column is narrow beside the others, and the view wraps them.
    return words.join(QLatin1Char('\n'));
}

} // namespace

QVariant TimeEntryTableModel::data(const QModelIndex &index, int role) const
{
    const billing::TimeReviewRow *r = rowAt(index.row());
    if (!r)
        return {};
    const billing::TimeEntry &e = r->entry;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Technician:
            return r->technicianName;
        case WorkOrder:
            return e.workOrderId;
        case Customer:
            return r->customerName;
        case Activity:
            return vocabulary::timeActivityText(e.activity);
        case Start:
            return display::instant(e.start);
        case End:
            return display::instant(e.end);
        case Duration:
            return QLocale().toString(e.hours(), 'f', 2);
        case Billable:
            return e.billable ? tr("Yes") : tr("No");
        case Comment:
            return e.comment;
        case State:
            return vocabulary::reviewStateText(e.reviewState);
        case Flags:
            return flagsText(r->flags);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Flags || index.column() == Comment)
            return index.column() == Flags ? flagsText(r->flags) : e.comment;
        return {};
    case Qt::ForegroundRole:
        if (!r->flags.isEmpty())
            return colours::alarm();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Duration)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case roles::TimeEntryId:
        return e.id;
    case roles::WorkOrderId:
        return e.workOrderId;
    case roles::TechnicianId:
        return e.technicianId;
    case roles::TimeEntryFlagged:
        return !r->flags.isEmpty();
    }
    return {};
}

QVariant TimeEntryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Technician:
        return tr("Technician");
    case WorkOrder:
        return tr("Work order");
    case Customer:
        return tr("Customer");
    case Activity:
        return tr("Activity");
    case Start:
        return tr("Start");
    case End:
        return tr("End");
    case Duration:
        return tr("Hours");
    case Billable:
        return tr("Billable");
    case Comment:
        return tr("Comment");
    case State:
        return tr("State");
    case Flags:
        return tr("Flags");
    }
    return {};
}

} // namespace fieldops
