// KPI dashboard repaint after a filter switch (printed, never asserted; target: the
// dashboard repaints within 100 ms of the data arriving). The dashboard is shown offscreen
// at 1600×1000 over the KPI bench data (SQLite: the repaint does not depend on the
// backend); the territory filter is switched through its combo box, as a user does. Each
// switch is timed from the service's `ready` (the data has arrived) to the end of a
// synchronous repaint of the whole dashboard with every chart replotted. The compute
// before it (off the GUI thread) is printed too. FIELDOPS_BENCH_SCALE shrinks the data.
#include "BenchSupport.h"
#include "KpiBenchData.h"
#include "TestDatabases.h"
#include "kpi/KpiService.h"
#include "kpi/KpiFilterBar.h"
#include "kpi/KpiDashboard.h"
#include "storage/DatabaseUrl.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QTest>
#include <qcustomplot.h>

using namespace fieldops;
using namespace fieldops::bench;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int appointments = std::max(1000, int(1'000'000 * scale));
    const int technicians = std::max(10, int(500 * scale));
    QString url;
    auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
    if (!db || !fillKpiBenchData(*db, appointments, technicians, out)) {
        out << "bench_kpi_dashboard: no data: " << test::lastError() << Qt::endl;
        return 1;
    }
    out << "bench_kpi_dashboard scale " << scale << ": " << appointments << " appointments, " << technicians
        << " technicians" << Qt::endl;

    kpi::KpiService service;
    service.setDatabaseUrl(*DatabaseUrl::parse(url));
    // Connected before the dashboard's own slot, so it runs first: the moment the data arrives.
    QElapsedTimer sinceData;
    QObject::connect(&service, &kpi::KpiService::ready, [&] { sinceData.start(); });
    widgets::KpiDashboard dash(&service);
    dash.resize(1600, 1000);
    dash.show();
    dash.filterBar()->setCustomPeriod(kKpiBenchLastDay.addDays(-89), kKpiBenchLastDay);

    auto waitIdle = [&] { return QTest::qWaitFor([&] { return !service.isBusy() && service.data(); }, 600'000); };
    QElapsedTimer clock;
    clock.start();
    dash.refresh();
    if (!waitIdle()) {
        out << "bench_kpi_dashboard: the first read did not finish" << Qt::endl;
        return 1;
    }
    out << "first read (both periods, progressive): " << clock.elapsed() << " ms" << Qt::endl;

    QComboBox *territory = dash.filterBar()->territoryCombo();
    std::vector<double> repaint, compute;
    for (int round = 0; round < 12; ++round) {
        double repaintMs = -1;
        auto once = QObject::connect(&dash, &widgets::KpiDashboard::updated, [&] {
            for (QCustomPlot *plot : dash.findChildren<QCustomPlot *>())
                plot->replot(QCustomPlot::rpImmediateRefresh);
            dash.repaint();
            repaintMs = double(sinceData.nsecsElapsed()) / 1e6;
        });
        territory->setCurrentIndex((territory->currentIndex() + 1) % territory->count()); // the next territory, or all
        const bool done = QTest::qWaitFor([&] { return repaintMs >= 0 && !service.isBusy(); }, 60'000);
        QObject::disconnect(once);
        if (!done) {
            out << "bench_kpi_dashboard: a filter switch did not finish" << Qt::endl;
            return 1;
        }
        repaint.push_back(repaintMs);
        compute.push_back(double(service.data()->computeMs));
    }
    out << "filter switch, data arrived → dashboard repainted (12 switches): median " << median(repaint) << " ms, max "
        << *std::max_element(repaint.begin(), repaint.end()) << " ms; target ≤ 100 ms" << Qt::endl;
    out << "filter switch, compute off the GUI thread before that: median " << median(compute) << " ms" << Qt::endl;
    return 0;
}
