#pragma once
// The stock as a table: location (named for people), SKU, part, on hand, reserved for open
// work orders, available (on hand − reserved), the reorder point and the shortfall (how
// many short of the reorder point what is available is). A row whose available quantity
// is below its reorder point is drawn in the console's warning colour. Every column sorts
// by its raw value (roles::SortValue). The reorder point is editable when allowed: an edit
// writes nothing here, it asks for the write (reorderPointEdited) and the owner pushes the
// command; the figures change when the rows are read again.
#include "parts/StockSnapshot.h"

#include <QAbstractTableModel>

namespace fieldops::parts {

class StockTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Location, Sku, Part, OnHand, Reserved, Available, ReorderPoint, Shortfall, ColumnCount };

    explicit StockTableModel(QObject *parent = nullptr);
    void setSnapshot(const StockSnapshot &snapshot);
    const StockSnapshot &snapshot() const { return m_snapshot; }
    // Whether the reorder points may be edited in place (the role's grants).
    void setReorderPointsEditable(bool editable);
    bool reorderPointsEditable() const { return m_editable; }
    // The row of `sku` at `location`, or -1.
    int rowOf(const QString &sku, const QString &location) const;
    // Below its reorder point: what is available is less than it (a point of 0 never is).
    static bool isBelowReorderPoint(const StockLevel &level);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    // The reorder point of `sku` at `location` was edited from `from` to `to`.
    void reorderPointEdited(const QString &sku, const QString &location, double from, double to);

private:
    StockSnapshot m_snapshot;
    bool m_editable = false;
};

} // namespace fieldops::parts
