#pragma once
// The "KPIs" tab: the managers' dashboard over its own KpiService (queries off the GUI
// thread), pointed at the session's database whenever the session connects. Exports ask
// for a file name here (the window layer), the dashboard writes the file.
#include "controllers/TabController.h"

class QScrollArea;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::kpi {
class KpiService;
}
namespace fieldops::widgets {
class KpiDashboard;
}

namespace fieldops::gui {

class KpiTabController : public TabController {
public:
    explicit KpiTabController(ConsoleSession *session);
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;
    // The period preset, buckets, trend, grouping and layout the manager last chose.
    void restoreSettings() override;
    void saveSettings() const override;
    widgets::KpiDashboard *dashboard() const { return m_dashboard; }
    kpi::KpiService *service() const { return m_service; }

private:
    void exportAs(const QString &format);
    ConsoleSession *m_session;
    widgets::KpiDashboard *m_dashboard; // inside m_page
    QScrollArea *m_page;                // the tab: scrolls the dashboard on a short screen; owned by the tab widget once added
    kpi::KpiService *m_service;         // child of the dashboard
};

} // namespace fieldops::gui
