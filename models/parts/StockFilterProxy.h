#pragma once
// The Parts tab's filters over StockTableModel: one location or all, and the reorder list
// (only the rows below their reorder point). Sorting goes by each column's raw value.
#include <QSortFilterProxyModel>

namespace fieldops::parts {

class StockFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit StockFilterProxy(QObject *parent = nullptr);

    // Empty: every location.
    void setLocation(const QString &location);
    QString location() const { return m_location; }
    void setBelowReorderPointOnly(bool only);
    bool belowReorderPointOnly() const { return m_belowOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_location;
    bool m_belowOnly = false;
};

} // namespace fieldops::parts
