#include "controllers/KpiTabController.h"

#include "common/ScrollPage.h"
#include "kpi/KpiDashboard.h"
#include "kpi/KpiFilterBar.h"
#include "kpi/KpiService.h"
#include "session/ConsoleSession.h"
#include "settings/ConsoleSettings.h"
#include "settings/DisplayZone.h"
#include "settings/SettingsEvents.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

namespace fieldops::gui {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
};
} // namespace

KpiTabController::KpiTabController(ConsoleSession *session) : m_session(session)
{
    auto *service = new kpi::KpiService;
    m_dashboard = new widgets::KpiDashboard(service);
    service->setParent(m_dashboard);
    // Cards, trend and breakdown need some 650 px; on a 768 px laptop the tab scrolls instead
    // of making the whole window taller than the screen.
    m_page = widgets::scrollPage(m_dashboard);
    m_service = service;
    QObject::connect(session, &ConsoleSession::stateChanged, m_dashboard, [this](ConsoleSession::State) {
        if (!m_session->isUsable())
            return;
        if (m_service->hasDatabase() && m_service->databaseUrl().toString(true) == m_session->url().toString(true))
            return; // a reconnect to the same database: the numbers on screen still hold
        m_service->setDatabaseUrl(m_session->url());
        m_dashboard->reload();
    });
    QObject::connect(m_dashboard, &widgets::KpiDashboard::exportRequested, m_dashboard,
                     [this](const QString &format) { exportAs(format); });
    // Periods run from midnight to midnight in the zone chosen in Settings (this computer's by
    // default). With each technician's own zone chosen, the board's rows follow their
    // technicians but the periods stay in this computer's zone (settings::displayZone()): the
    // KPI figures are tallied over one UTC range per period, not one per technician.
    const auto followZone = [this] {
        const QTimeZone zone = settings::displayZone();
        if (m_dashboard->filterBar()->timeZone() != zone)
            m_dashboard->filterBar()->setTimeZone(zone);
    };
    followZone();
    QObject::connect(SettingsEvents::instance(), &SettingsEvents::changed, m_dashboard, [followZone](const QString &group) {
        if (group == SettingsEvents::displayGroup())
            followZone();
    });
}

QString KpiTabController::id() const { return QStringLiteral("kpis"); }

QString KpiTabController::title() const { return QCoreApplication::translate("MainWindow", "KPIs"); }

QWidget *KpiTabController::widget() { return m_page; }

void KpiTabController::restoreSettings() { m_dashboard->restoreViewState(settings::kpiViewState().get()); }

void KpiTabController::saveSettings() const { settings::kpiViewState().set(m_dashboard->viewState()); }

void KpiTabController::exportAs(const QString &format)
{
    const bool drillDown = format == QLatin1String("visits-csv") || format == QLatin1String("ratings-csv");
    const QString filter = format == QLatin1String("png") ? Text::tr("PNG image (*.png)")
                           : format == QLatin1String("pdf") ? Text::tr("PDF document (*.pdf)")
                                                            : Text::tr("CSV table (*.csv)");
    const QString suggested = QDir::home().filePath(drillDown ? QStringLiteral("fieldops-%1.csv").arg(format.section(QLatin1Char('-'), 0, 0))
                                                              : QStringLiteral("fieldops-kpis.") + format);
    const QString path = QFileDialog::getSaveFileName(m_dashboard, Text::tr("Export KPIs"), suggested, filter);
    if (path.isEmpty())
        return;
    const Status s = format == QLatin1String("png")   ? m_dashboard->exportPng(path)
                     : format == QLatin1String("pdf") ? m_dashboard->exportPdf(path)
                     : drillDown                      ? m_dashboard->exportDrillDownCsv(format.section(QLatin1Char('-'), 0, 0), path)
                                                      : m_dashboard->exportCsv(path);
    if (!s)
        QMessageBox::warning(m_dashboard, Text::tr("Export KPIs"), s.error().message);
}

} // namespace fieldops::gui
