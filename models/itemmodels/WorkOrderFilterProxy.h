#pragma once
// Sorts the work-order table on raw values (roles::SortValue: instants, priority numbers)
// and filters it by the filter bar's criteria. Empty criteria accept everything.
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

namespace fieldops {

class WorkOrderFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit WorkOrderFilterProxy(QObject *parent = nullptr);

    // Words all of which must appear (case-insensitive) in id, summary, customer, site or technician.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setStatuses(const QSet<QString> &statuses); // raw codes; empty = any
    void setTypes(const QSet<QString> &types);       // raw codes; empty = any
    void setPriorities(const QSet<int> &priorities); // empty = any
    QSet<QString> statuses() const { return m_statuses; }
    QSet<QString> types() const { return m_types; }
    QSet<int> priorities() const { return m_priorities; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    QString m_search;
    QStringList m_words;
    QSet<QString> m_statuses;
    QSet<QString> m_types;
    QSet<int> m_priorities;
};

} // namespace fieldops
