#pragma once
// The managers' KPI dashboard: the filter bar, a card per KPI (value, change against the
// previous period, sparkline), the trend chart, the breakdown table and chart, and the
// ratings. Every number comes from the KpiService, i.e. from the one KPI implementation
// `fieldops-cli kpi` uses; the widget only shows it and exports it (PNG, PDF, CSV).
#include "util/Result.h"

#include <QMap>
#include <QVariantMap>
#include <QWidget>

class QAbstractButton;
class QAction;
class QSplitter;
class QTabWidget;

namespace fieldops::kpi {
class KpiService;
}

namespace fieldops::widgets {
class KpiBreakdownView;
class KpiCard;
class KpiDrillDown;
class KpiFilterBar;
class KpiProactivePanel;
class KpiRatingsPanel;
class KpiTargetEditor;
class KpiTrendChart;

class KpiDashboard : public QWidget {
    Q_OBJECT
public:
    explicit KpiDashboard(kpi::KpiService *service, QWidget *parent = nullptr);

    // Asks the service for the filter bar's query (does nothing without a database); a
    // filter switch inside the same period may reuse the service's last read.
    void reload();
    // The same, always reading the database again (the Refresh button).
    void refresh();

    KpiFilterBar *filterBar() const { return m_filterBar; }
    KpiCard *card(const QString &key) const { return m_cards.value(key); }
    KpiTrendChart *trendChart() const { return m_trend; }
    KpiBreakdownView *breakdown() const { return m_breakdown; }
    KpiRatingsPanel *ratings() const { return m_ratings; }
    KpiProactivePanel *proactive() const { return m_proactive; }
    QTabWidget *detailTabs() const { return m_tabs; }
    KpiTargetEditor *targetEditor() const { return m_targetEditor; }
    QAbstractButton *targetsButton() const { return m_targetsButton; }

    // Whether this user may edit targets (the window decides by role; the server has the
    // last word and its refusal shows in the editor). Hides the Targets… button.
    void setTargetsEditable(bool editable);
    bool targetsEditable() const { return m_targetsEditable; }
    void openTargetEditor();

    // A technician's visits and ratings in the shown period (double-click on a technician
    // in the breakdown or the ranking does this).
    void openDrillDown(const QString &technicianId);
    KpiDrillDown *drillDown() const { return m_drillDown; }

    // Actions the window puts in its menus; they emit exportRequested with a format.
    QAction *exportPngAction() const { return m_exportPng; }
    QAction *exportPdfAction() const { return m_exportPdf; }
    QAction *exportCsvAction() const { return m_exportCsv; }

    // What the user chose to look at (period preset or custom dates, bucket size, the
    // trend's KPI, the breakdown grouping, the detail tab, the splitter), for the settings.
    // Filters on territory, technician and type are not kept: they name things of one
    // database. Unknown or missing entries leave the current choice.
    QVariantMap viewState() const;
    void restoreViewState(const QVariantMap &state);

    QImage renderImage();
    Status exportPng(const QString &path);
    Status exportPdf(const QString &path);
    // The table of the detail tab shown (the breakdown or the ratings ranking).
    Status exportCsv(const QString &path) const;
    // The drill-down's "visits" or "ratings" table.
    Status exportDrillDownCsv(const QString &table, const QString &path) const;

signals:
    // The dashboard shows a new result (tests wait for this).
    void updated();
    // "png", "pdf", "csv" (the detail tab's table), "visits-csv" or "ratings-csv" (drill-down)
    void exportRequested(const QString &format);

private:
    void request(bool fromDatabase);
    void applyData();
    void showError(const Error &error);
    kpi::KpiService *m_service;
    KpiFilterBar *m_filterBar;
    QMap<QString, KpiCard *> m_cards;
    KpiTrendChart *m_trend;
    KpiBreakdownView *m_breakdown;
    KpiRatingsPanel *m_ratings;
    KpiProactivePanel *m_proactive;
    QTabWidget *m_tabs;
    QSplitter *m_split;
    KpiTargetEditor *m_targetEditor;
    KpiDrillDown *m_drillDown;
    QAbstractButton *m_targetsButton;
    bool m_targetsEditable = true;
    QAction *m_exportPng;
    QAction *m_exportPdf;
    QAction *m_exportCsv;
};

} // namespace fieldops::widgets
