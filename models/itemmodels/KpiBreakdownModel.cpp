#include "itemmodels/KpiBreakdownModel.h"

#include "interchange/CsvWriter.h"
#include "itemmodels/ItemRoles.h"
#include "kpi/KpiFormat.h"
#include "kpi/KpiKeys.h"

#include <limits>

namespace fieldops {

KpiBreakdownModel::KpiBreakdownModel(QObject *parent) : QAbstractTableModel(parent) {}

void KpiBreakdownModel::setRows(kpi::BreakdownBy by, std::vector<kpi::KpiBreakdownRow> rows)
{
    beginResetModel();
    m_by = by;
    m_rows = std::move(rows);
    endResetModel();
}

const kpi::KpiBreakdownRow *KpiBreakdownModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

QString KpiBreakdownModel::keyAt(int column) const
{
    const int k = column - leadingColumns();
    return k >= 0 && k < kpi::keys().size() ? kpi::keys().at(k) : QString();
}

int KpiBreakdownModel::columnOf(const QString &key) const
{
    const int k = int(kpi::keys().indexOf(key));
    return k < 0 ? -1 : leadingColumns() + k;
}

int KpiBreakdownModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int KpiBreakdownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : leadingColumns() + int(kpi::keys().size());
}

QVariant KpiBreakdownModel::data(const QModelIndex &index, int role) const
{
    const kpi::KpiBreakdownRow *r = rowAt(index.row());
    if (!r || index.column() < 0 || index.column() >= columnCount())
        return {};
    const int c = index.column();
    const QString key = keyAt(c);
    if (key.isEmpty()) {
        // Technicians: id, name, territory. Groups: name, code.
        const QString text = m_by == kpi::BreakdownBy::Technician ? (c == 0 ? r->key : c == 1 ? r->label : r->territory)
                                                                  : (c == 0 ? r->label : r->key);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return text;
        case roles::SortValue:
            return text.toLower();
        default:
            return {};
        }
    }
    const std::optional<double> v = r->kpis.value(key);
    switch (role) {
    case Qt::DisplayRole:
        return kpi::formatKpi(key, v);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case roles::SortValue:
        // Null below every number, so "best first" never starts with a row without data.
        return v ? *v : -std::numeric_limits<double>::infinity();
    default:
        return {};
    }
}

QVariant KpiBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString key = keyAt(section);
    if (role == Qt::ToolTipRole && !key.isEmpty())
        return kpi::descriptionOf(key);
    if (role != Qt::DisplayRole)
        return {};
    if (!key.isEmpty())
        return kpi::titleOf(key);
    if (m_by == kpi::BreakdownBy::Technician)
        return section == 0 ? tr("Id") : section == 1 ? tr("Technician") : tr("Territory");
    return section == 0 ? kpi::breakdownTitle(m_by) : tr("Code");
}

QByteArray KpiBreakdownModel::toCsv(const std::vector<int> &rowOrder) const
{
    interchange::CsvWriter csv;
    QStringList header;
    if (m_by == kpi::BreakdownBy::Technician)
        header << QStringLiteral("technician_id") << QStringLiteral("name") << QStringLiteral("territory");
    else
        header << QStringLiteral("group") << QStringLiteral("code");
    header << kpi::keys();
    csv.addRecord(header);
    std::vector<int> order = rowOrder;
    if (order.empty())
        for (int i = 0; i < rowCount(); ++i)
            order.push_back(i);
    for (int i : order) {
        const kpi::KpiBreakdownRow *r = rowAt(i);
        if (!r)
            continue;
        QStringList cells;
        if (m_by == kpi::BreakdownBy::Technician)
            cells << r->key << r->label << r->territory;
        else
            cells << r->label << r->key;
        for (const QString &k : kpi::keys()) {
            const auto v = r->kpis.value(k);
            cells << (v ? QString::number(*v, 'g', 17) : QString());
        }
        csv.addRecord(cells);
    }
    return csv.toUtf8();
}

} // namespace fieldops
