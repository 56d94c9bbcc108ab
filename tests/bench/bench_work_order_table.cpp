// What the console's work-order table costs on the demo operation (SQLite): the worker's
// query (listRows + alerts), filling the model, the first sort, re-sorting, a filter
// keystroke and building the unassigned queue. The last four run on the GUI thread, so
// they are the ones that must stay within a frame or two. Prints figures only.
// FIELDOPS_BENCH_SCALE (0 < s <= 1) shrinks the demo for CI.
#include "BenchSupport.h"
#include "TestDatabases.h"
#include "demo/DemoSeeder.h"
#include "itemmodels/UnassignedQueueProxy.h"
#include "itemmodels/WorkOrderFilterProxy.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "repositories/AlertRepository.h"
#include "repositories/WorkOrderRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

void report(const char *what, qint64 ms) { std::printf("%-44s %8lld ms\n", what, static_cast<long long>(ms)); }
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double s = benchScale();
    auto db = test::freshDatabase(QStringLiteral("sqlite"));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(test::lastError()));
        return 1;
    }
    DemoOptions options;
    options.technicians = qMax(5, int(options.technicians * s));
    options.customers = qMax(50, int(options.customers * s));
    options.days = qMax(7, int(options.days * s));
    QElapsedTimer t;
    t.start();
    auto seeded = DemoSeeder(*db).seed(options);
    if (!seeded) {
        std::fprintf(stderr, "seed: %s\n", qPrintable(seeded.error().message));
        return 1;
    }
    std::printf("demo (scale %.2f): %d work orders, %d appointments, seeded in %lld ms\n", s, seeded->workOrders,
                seeded->appointments, static_cast<long long>(t.elapsed()));

    t.restart();
    auto rows = WorkOrderRepository(*db).listRows();
    if (!rows) {
        std::fprintf(stderr, "listRows: %s\n", qPrintable(rows.error().message));
        return 1;
    }
    report("worker: WorkOrderRepository::listRows", t.elapsed());
    const int n = int(rows->size());
    t.restart();
    auto alerts = AlertRepository(*db).current(QDateTime::currentDateTimeUtc());
    report("worker: AlertRepository::current", t.elapsed());
    if (!alerts)
        return 1;

    WorkOrderTableModel model;
    WorkOrderFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(WorkOrderTableModel::CreatedColumn, Qt::DescendingOrder);
    UnassignedQueueProxy queue;
    queue.setSourceModel(&model);

    t.restart();
    model.setRows(std::move(rows).value());
    report("GUI: setRows + first sort + queue (reset)", t.elapsed());
    t.restart();
    auto again = WorkOrderRepository(*db).listRows();
    const qint64 reload = t.elapsed();
    t.restart();
    model.setRows(std::move(again).value());
    report("GUI: refresh with the same ids (dataChanged)", t.elapsed());
    Q_UNUSED(reload);
    t.restart();
    proxy.sort(WorkOrderTableModel::SlaDueColumn, Qt::AscendingOrder);
    report("GUI: re-sort by SLA", t.elapsed());
    t.restart();
    proxy.setSearchText(QStringLiteral("a"));
    report("GUI: filter keystroke 'a'", t.elapsed());
    const int afterA = proxy.rowCount();
    t.restart();
    proxy.setSearchText(QStringLiteral("al"));
    report("GUI: filter keystroke 'al'", t.elapsed());
    std::printf("rows %d, after 'a' %d, after 'al' %d, queue %d, alerts %d\n", n, afterA, proxy.rowCount(),
                queue.rowCount(), int(alerts->size()));
    return 0;
}
