#pragma once
// The alerts dock's list: one row per alert with a translated one-line text, the work
// order it concerns (roles::WorkOrderId), the technician when known (roles::TechnicianId)
// and its kind (roles::AlertKind) for icons. Two sources: the repository's alerts (SLAs,
// missed starts; replaced on each refresh) and the live map's predicted-late technicians
// (after them, updated row by row so the list does not jump while the dispatcher reads).
#include "map/LateAlert.h"
#include "repositories/AlertRepository.h"

#include <QAbstractListModel>
#include <vector>

namespace fieldops {

class AlertListModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit AlertListModel(QObject *parent = nullptr);
    void setAlerts(std::vector<Alert> alerts, const QDateTime &now);
    // The technicians the map predicts late, as a whole; one row per technician, none for
    // a visit the repository already reports as a missed start.
    void setPredictedLate(const std::vector<map::LateAlert> &late);
    // Repository rows only (nullptr for a predicted-late row).
    const Alert *alertAt(int row) const;
    const map::LateAlert *predictedAt(int row) const;
    int countOf(Alert::Kind kind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString describe(const Alert &alert, const QDateTime &now);
    static QString describe(const map::LateAlert &late);

signals:
    // Rows came or went (a reset, or a predicted-late row inserted or removed).
    void countsChanged();

private:
    std::vector<map::LateAlert> shownPredictions(const std::vector<map::LateAlert> &late) const;
    void applyPredictions(const std::vector<map::LateAlert> &next);

    std::vector<Alert> m_alerts;
    std::vector<map::LateAlert> m_predicted;     // as shown, after m_alerts
    std::vector<map::LateAlert> m_predictedInput; // as last given (re-filtered on each refresh)
    QDateTime m_now;
};

} // namespace fieldops
