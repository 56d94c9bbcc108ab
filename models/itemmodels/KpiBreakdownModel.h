#pragma once
// The KPI breakdown table: one row per technician (or territory, employment type,
// work-order type), a column per KPI key. Display text follows KpiFormat ("—" for null);
// roles::SortValue holds the raw number (null sorts below every value), so a proxy sorts
// rates as numbers, not as text. toCsv() writes the same rows with full-precision values,
// the keys of INTERCHANGE §3 as headers, and empty cells for null.
#include "kpi/KpiBreakdown.h"

#include <QAbstractTableModel>
#include <vector>

namespace fieldops {

class KpiBreakdownModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit KpiBreakdownModel(QObject *parent = nullptr);

    void setRows(kpi::BreakdownBy by, std::vector<kpi::KpiBreakdownRow> rows);
    kpi::BreakdownBy groupedBy() const { return m_by; }
    const kpi::KpiBreakdownRow *rowAt(int row) const;
    // Columns before the KPI keys: the name, and the territory for technicians.
    int leadingColumns() const { return m_by == kpi::BreakdownBy::Technician ? 3 : 2; }
    // The KPI key of a column, empty for the leading columns.
    QString keyAt(int column) const;
    int columnOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // RFC 4180 text in the model's row order (the caller passes a proxy's order if it wants
    // the sorted view: rows as source row numbers; empty = model order).
    QByteArray toCsv(const std::vector<int> &rowOrder = {}) const;

private:
    kpi::BreakdownBy m_by = kpi::BreakdownBy::Technician;
    std::vector<kpi::KpiBreakdownRow> m_rows;
};

} // namespace fieldops
