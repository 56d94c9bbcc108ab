#include "contracts/ContractListModel.h"

#include "domain/SignalColours.h"
#include "domain/VocabularyText.h"

#include <QBrush>
#include <QLocale>

namespace fieldops::contracts {

namespace {
// A contract ending within this many days is shown as running out.
constexpr int kExpiringSoonDays = 30;
}

ContractListModel::ContractListModel(QObject *parent) : QAbstractTableModel(parent), m_today(QDate::currentDate()) {}

void ContractListModel::setRows(QVector<ContractListRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ContractListModel::setToday(const QDate &today)
{
    m_today = today;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const ContractListRow *ContractListModel::row(int r) const { return r >= 0 && r < m_rows.size() ? &m_rows[r] : nullptr; }

int ContractListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

int ContractListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int ContractListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ContractListModel::stateText(const ContractListRow &r) const
{
    switch (r.state(m_today)) {
    case ContractState::Future: return tr("Starts %1").arg(QLocale().toString(r.startsOn, QLocale::ShortFormat));
    case ContractState::Expired:
        return r.renewedBy.isEmpty() ? tr("Ended") : tr("Ended, renewed by %1").arg(r.renewedBy);
    case ContractState::Active: break;
    }
    const qint64 left = m_today.daysTo(r.endsOn);
    if (left <= kExpiringSoonDays)
        return r.renewedBy.isEmpty() ? tr("Ends in %n day(s)", nullptr, int(left)) : tr("Ends in %n day(s), renewed", nullptr, int(left));
    //: Contract state: in force today.
    return tr("Running");
}

QVariant ContractListModel::data(const QModelIndex &index, int role) const
{
    const ContractListRow *r = row(index.row());
    if (!r)
        return {};
    if (role == IdRole)
        return r->id;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case IdColumn: return r->id;
        case CustomerColumn: return r->customerName.isEmpty() ? r->customerId : r->customerName;
        case NameColumn: return r->name;
        case StartsColumn: return r->startsOn.toString(Qt::ISODate);
        case EndsColumn: return r->endsOn.toString(Qt::ISODate);
        case CoverageColumn: return vocabulary::coverageText(r->coverage);
        case PlansColumn: return r->plans;
        case StateColumn: return stateText(*r);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        if (r->state(m_today) == ContractState::Expired)
            return QBrush(colours::muted());
        if (index.column() == StateColumn && r->expiresWithin(m_today, kExpiringSoonDays) && r->renewedBy.isEmpty())
            return QBrush(colours::warning());
    }
    if (role == Qt::TextAlignmentRole && index.column() == PlansColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ContractListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Contract");
    case CustomerColumn: return tr("Customer");
    case NameColumn: return tr("Name");
    case StartsColumn: return tr("From");
    case EndsColumn: return tr("To");
    case CoverageColumn: return tr("Coverage");
    case PlansColumn: return tr("Plans");
    case StateColumn: return tr("State");
    default: return {};
    }
}

ContractFilterModel::ContractFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ContractFilterModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateRowsFilter();
}

void ContractFilterModel::setStateFilter(StateFilter filter)
{
    m_state = filter;
    invalidateRowsFilter();
}

void ContractFilterModel::setCoverage(const QString &coverage)
{
    m_coverage = coverage;
    invalidateRowsFilter();
}

bool ContractFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const ContractListModel *>(sourceModel());
    const ContractListRow *r = model ? model->row(sourceRow) : nullptr;
    if (!r)
        return false;
    if (!m_coverage.isEmpty() && r->coverage != m_coverage)
        return false;
    const QDate &today = model->today();
    switch (m_state) {
    case StateFilter::All: break;
    case StateFilter::Active: if (r->state(today) != ContractState::Active) return false; break;
    case StateFilter::Expiring30: if (!r->expiresWithin(today, 30)) return false; break;
    case StateFilter::Expiring60: if (!r->expiresWithin(today, 60)) return false; break;
    case StateFilter::Expiring90: if (!r->expiresWithin(today, 90)) return false; break;
    case StateFilter::Expired: if (r->state(today) != ContractState::Expired) return false; break;
    case StateFilter::Future: if (r->state(today) != ContractState::Future) return false; break;
    }
    if (m_search.isEmpty())
        return true;
    return r->id.contains(m_search, Qt::CaseInsensitive) || r->name.contains(m_search, Qt::CaseInsensitive)
        || r->customerName.contains(m_search, Qt::CaseInsensitive) || r->customerId.contains(m_search, Qt::CaseInsensitive);
}

} // namespace fieldops::contracts
