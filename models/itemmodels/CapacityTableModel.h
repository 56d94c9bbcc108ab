#pragma once
// The capacity preview as a table for the planner: one row per territory and a last row of
// totals, one column per ISO week. A cell reads "demand / available h"; overloaded cells
// are marked (CapacityOverloaded role, colours from domain/SignalColours.h), the tooltip
// explains the figures. Holds the table before levelling and, optionally, after it;
// showLevelled() switches which one the display roles show, while the CapacityLevelled…
// roles always give the after-levelling figures for a side-by-side view.
//
//   CapacityTableModel model;
//   model.setPreview(levelling.before, levelling.after); // or setPreview(preview) alone
//   model.showLevelled(true);
#include "planning/CapacityPreview.h"

#include <QAbstractTableModel>

namespace fieldops {

class CapacityTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit CapacityTableModel(QObject *parent = nullptr);

    // `after` is the levelled table of the same weeks and territories, or empty for none.
    void setPreview(const planning::CapacityPreview &before, const planning::CapacityPreview &after = {});
    void showLevelled(bool levelled);
    bool isShowingLevelled() const { return m_showLevelled; }
    bool hasLevelled() const { return !m_after.isEmpty(); }
    bool isTotalRow(int row) const { return row == m_before.territoryIds.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const planning::CapacityPreview &shown() const { return m_showLevelled && hasLevelled() ? m_after : m_before; }
    // The cell of a row (territory or total) and week in one table.
    static const planning::CapacityCell &cellOf(const planning::CapacityPreview &p, int row, int week);
    QString figures(const planning::CapacityCell &c) const;
    QString toolTip(int row, int week) const;

    planning::CapacityPreview m_before;
    planning::CapacityPreview m_after;
    bool m_showLevelled = false;
};

} // namespace fieldops
