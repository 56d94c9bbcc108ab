#pragma once
// The Time tab's table: one row per time entry of the page read, those of the chosen
// review state only (all when none is chosen), with its flags in words; a flagged row is
// drawn in the alarm colour. It also sums the hours shown, and the billable ones.
#include "billing/TimeReviewPage.h"

#include <QAbstractTableModel>

namespace fieldops {

class TimeEntryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Technician, WorkOrder, Customer, Activity, Start, End, Duration, Billable, Comment, State, Flags, ColumnCount };

    explicit TimeEntryTableModel(QObject *parent = nullptr);

    void setPage(billing::TimeReviewPage page);
    // A review state ("pending", …) or empty for every state.
    void setStateFilter(const QString &state);
    QString stateFilter() const { return m_state; }

    const billing::TimeReviewRow *rowAt(int row) const;
    int rowOfEntry(qint64 id) const; // -1 when not shown
    double shownHours() const;
    double shownBillableHours() const;
    int shownFlagged() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void totalsChanged();

private:
    void refilter();

    billing::TimeReviewPage m_page;
    QString m_state;
    QVector<int> m_shown; // indexes into m_page.rows
};

} // namespace fieldops
