#pragma once
// The technicians list as a table: name, id, employment, territory, skills and whether
// the technician is active (inactive rows are greyed). Rows come from
// TechnicianRules::list, already filtered; the id of row r is data(index(r, 0), IdRole).
#include "technicians/TechnicianDraft.h"

#include <QAbstractTableModel>

namespace fieldops::technicians {

class TechnicianListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Id, Employment, Territory, Skills, Active, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit TechnicianListModel(QObject *parent = nullptr);
    void setRows(const QVector<TechnicianRow> &rows);
    const QVector<TechnicianRow> &rows() const { return m_rows; }
    int rowOf(const QString &technicianId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString employmentText(const QString &employment);

private:
    QVector<TechnicianRow> m_rows;
};

} // namespace fieldops::technicians
