#pragma once
// One technician's visits and ratings in the shown period, opened from the breakdown
// table or the ratings ranking (double-click). The visits arrive from the service off
// the GUI thread ("Loading…" until then); the ratings are the ones the dashboard's
// average counted for them. Both tables sort and export as CSV (the window asks where).
#include "kpi/KpiResult.h"
#include "kpi/KpiVisits.h"

#include <QDialog>
#include <QTimeZone>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace fieldops {
class KpiRatingListModel;
class KpiVisitsModel;
}

namespace fieldops::widgets {

class KpiDrillDown : public QDialog {
    Q_OBJECT
public:
    explicit KpiDrillDown(QWidget *parent = nullptr);

    // Starts showing a technician: title, their ratings; visits empty until setVisits.
    void showTechnician(const QString &technicianId, const QString &name, const QString &periodText,
                        const std::vector<kpi::AttributedRating> &ratings, const QTimeZone &zone);
    void setVisits(const QString &technicianId, std::vector<kpi::TechnicianVisit> visits);
    void showError(const QString &message);

    QString technicianId() const { return m_technicianId; }
    QString statusText() const;
    KpiVisitsModel *visitsModel() const { return m_visits; }
    KpiRatingListModel *ratingsModel() const { return m_ratings; }
    QTableView *visitsTable() const { return m_visitsTable; }
    QPushButton *exportVisitsButton() const { return m_exportVisits; }
    QPushButton *exportRatingsButton() const { return m_exportRatings; }
    // Each table as CSV in the order shown.
    QByteArray visitsCsv() const;
    QByteArray ratingsCsv() const;

signals:
    void exportRequested(const QString &table); // "visits" or "ratings"

private:
    QString m_technicianId;
    std::vector<kpi::AttributedRating> m_ratingRows;
    QTimeZone m_zone;
    QLabel *m_title;
    QLabel *m_status;
    KpiVisitsModel *m_visits;
    KpiRatingListModel *m_ratings;
    QSortFilterProxyModel *m_visitsProxy;
    QSortFilterProxyModel *m_ratingsProxy;
    QTableView *m_visitsTable;
    QTableView *m_ratingsTable;
    QPushButton *m_exportVisits;
    QPushButton *m_exportRatings;
};

} // namespace fieldops::widgets
