#include "parts/StockTableModel.h"

#include "domain/SignalColours.h"
#include "itemmodels/ItemRoles.h"

#include <QBrush>
#include <QLocale>
#include <cmath>

namespace fieldops::parts {

namespace {
constexpr double kEpsilon = 1e-9;

QString number(double value) { return QLocale().toString(value, 'f', QLocale::FloatingPointShortest); }
} // namespace

StockTableModel::StockTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void StockTableModel::setSnapshot(const StockSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    endResetModel();
}

void StockTableModel::setReorderPointsEditable(bool editable)
{
    if (m_editable == editable)
        return;
    m_editable = editable;
    if (!m_snapshot.levels.empty())
        emit dataChanged(index(0, ReorderPoint), index(rowCount() - 1, ReorderPoint));
}

int StockTableModel::rowOf(const QString &sku, const QString &location) const
{
    for (int r = 0; r < int(m_snapshot.levels.size()); ++r) {
        const StockLevel &l = m_snapshot.levels[size_t(r)];
        if (l.sku == sku && l.location == location)
            return r;
    }
    return -1;
}

bool StockTableModel::isBelowReorderPoint(const StockLevel &level) { return level.available() + kEpsilon < level.minQuantity; }

int StockTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_snapshot.levels.size()); }

int StockTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant StockTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const StockLevel &l = m_snapshot.levels[size_t(index.row())];
    const bool below = isBelowReorderPoint(l);
    const double shortfall = below ? l.minQuantity - l.available() : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Location: return m_snapshot.labelOf(l.location);
        case Sku: return l.sku;
        case Part: return l.name;
        case OnHand: return number(l.quantity);
        case Reserved: return number(l.reserved);
        case Available: return number(l.available());
        case ReorderPoint: return number(l.minQuantity);
        case Shortfall: return below ? number(shortfall) : QString();
        default: return {};
        }
    case Qt::EditRole:
        if (index.column() == ReorderPoint)
            return l.minQuantity;
        return data(index, Qt::DisplayRole);
    case roles::SortValue:
        switch (index.column()) {
        case Location: return m_snapshot.labelOf(l.location).toLower();
        case Sku: return l.sku.toLower();
        case Part: return l.name.toLower();
        case OnHand: return l.quantity;
        case Reserved: return l.reserved;
        case Available: return l.available();
        case ReorderPoint: return l.minQuantity;
        case Shortfall: return shortfall;
        default: return {};
        }
    case roles::StockLocation: return l.location;
    case roles::StockSku: return l.sku;
    case roles::StockBelowReorderPoint: return below;
    case Qt::ForegroundRole:
        if (below)
            return QBrush(colours::warning());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= OnHand)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Location)
            return l.location;
        if (index.column() == ReorderPoint && m_editable)
            return tr("Double-click or press F2 to change the reorder point");
        if (below)
            return tr("%1 available, %2 short of the reorder point %3").arg(number(l.available()), number(shortfall), number(l.minQuantity));
        return {};
    default: return {};
    }
}

QVariant StockTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Location: return tr("Location");
    case Sku: return tr("SKU");
    case Part: return tr("Part");
    case OnHand: return tr("On hand");
    case Reserved: return tr("Reserved");
    case Available: return tr("Available");
    case ReorderPoint: return tr("Reorder point");
    case Shortfall: return tr("Short");
    default: return {};
    }
}

Qt::ItemFlags StockTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ReorderPoint && m_editable)
        f |= Qt::ItemIsEditable;
    return f;
}

bool StockTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != ReorderPoint || !m_editable || index.row() >= rowCount())
        return false;
    bool ok = false;
    const double to = value.toDouble(&ok);
    if (!ok || !std::isfinite(to) || to < 0)
        return false;
    const StockLevel &l = m_snapshot.levels[size_t(index.row())];
    if (std::abs(to - l.minQuantity) < kEpsilon)
        return false;
    // Copies: the signal's receiver may read the rows again meanwhile.
    const QString sku = l.sku;
    const QString location = l.location;
    const double from = l.minQuantity;
    emit reorderPointEdited(sku, location, from, to);
    return true;
}

} // namespace fieldops::parts
