#pragma once
// The dashboard's filter row: period presets (today, last 7 / 30 / 90 days, this month,
// custom dates), territory, technician, employment, work-order type and trend bucket, with
// a busy indicator while the numbers load. It only describes the query; the dashboard
// sends it to the KpiService.
#include "kpi/KpiDirectory.h"
#include "kpi/KpiService.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;

namespace fieldops::widgets {

class KpiFilterBar : public QWidget {
    Q_OBJECT
public:
    enum Preset { Today, Last7, Last30, Last90, ThisMonth, Custom };
    Q_ENUM(Preset)

    explicit KpiFilterBar(QWidget *parent = nullptr);

    kpi::KpiQuery query() const;
    // Fills the territory and technician choices, keeping the current selection.
    void setDirectory(const kpi::KpiDirectory &directory);
    void setBusy(bool busy);
    void setStatusText(const QString &text);
    // The presets count back from this day in this zone (tests fix both).
    void setToday(const QDate &today);
    void setTimeZone(const QTimeZone &zone);
    const QTimeZone &timeZone() const { return m_zone; }
    void setPreset(Preset preset);
    void setCustomPeriod(const QDate &from, const QDate &to);

    QComboBox *presetCombo() const { return m_preset; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QComboBox *territoryCombo() const { return m_territory; }
    QComboBox *technicianCombo() const { return m_technician; }
    QComboBox *employmentCombo() const { return m_employment; }
    QComboBox *typeCombo() const { return m_type; }
    QComboBox *bucketCombo() const { return m_bucket; }
    QProgressBar *busyIndicator() const { return m_busy; }

signals:
    void changed();

private:
    void applyPreset();
    QDate today() const;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_territory;
    QComboBox *m_technician;
    QComboBox *m_employment;
    QComboBox *m_type;
    QComboBox *m_bucket;
    QProgressBar *m_busy;
    QLabel *m_status;
    QDate m_today;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    bool m_updating = false;
};

} // namespace fieldops::widgets
