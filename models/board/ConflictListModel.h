#pragma once
// The conflicts panel's rows: every violation the engine finds in the board's horizon
// (the same list `fieldops-cli conflicts` prints), kind, technician, time and detail.
// roles::AppointmentId gives the first appointment named, for "scroll the board to it".
#include <QAbstractTableModel>
#include <QTimeZone>

namespace fieldops::board {
class BoardModel;

class ConflictListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, TechnicianColumn, TimeColumn, DetailColumn, ColumnCount };

    explicit ConflictListModel(BoardModel *board, QObject *parent = nullptr);
    // The zone the Time column is in; with `perTechnician` each row's technician's own zone
    // (as the board shows them then).
    void setDisplayZone(const QTimeZone &zone, bool perTechnician = false);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(int kind);

private:
    BoardModel *m_board;
    QTimeZone zoneOf(const QString &technicianId) const;

    QTimeZone m_zone = QTimeZone::systemTimeZone();
    bool m_perTechnician = false;
};

} // namespace fieldops::board
