#pragma once
// The alerts dock's list: one row per alert with a translated one-line text, the work
// order it concerns (roles::WorkOrderId) and its kind (roles::AlertKind) for icons.
#include "repositories/AlertRepository.h"

#include <QAbstractListModel>
#include <vector>

namespace fieldops {

class AlertListModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit AlertListModel(QObject *parent = nullptr);
    void setAlerts(std::vector<Alert> alerts, const QDateTime &now);
    const Alert *alertAt(int row) const;
    int countOf(Alert::Kind kind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString describe(const Alert &alert, const QDateTime &now);

private:
    std::vector<Alert> m_alerts;
    QDateTime m_now;
};

} // namespace fieldops
