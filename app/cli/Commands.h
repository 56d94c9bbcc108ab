#pragma once
// One function per fieldops-cli command, each in its own file; main.cpp dispatches.
#include <QStringList>

namespace fieldops::cli {
class CliContext;

struct Command {
    const char *name;
    const char *summary;
    int (*run)(CliContext &, const QStringList &args);
};

int runInit(CliContext &ctx, const QStringList &args);
int runSeedDemo(CliContext &ctx, const QStringList &args);
int runImport(CliContext &ctx, const QStringList &args);
int runExport(CliContext &ctx, const QStringList &args);
int runConflicts(CliContext &ctx, const QStringList &args);
int runUser(CliContext &ctx, const QStringList &args);
int runKpi(CliContext &ctx, const QStringList &args);
int runSimulate(CliContext &ctx, const QStringList &args);
int runWorkOrder(CliContext &ctx, const QStringList &args);
int runGeneratePm(CliContext &ctx, const QStringList &args);
int runCapacityPreview(CliContext &ctx, const QStringList &args);
int runSuggest(CliContext &ctx, const QStringList &args);
int runOptimize(CliContext &ctx, const QStringList &args);
int runRepair(CliContext &ctx, const QStringList &args);
int runTravelSpeeds(CliContext &ctx, const QStringList &args);
int runIngest(CliContext &ctx, const QStringList &args);
int runPruneReadings(CliContext &ctx, const QStringList &args);
int runPruneOutbox(CliContext &ctx, const QStringList &args);
int runInferArrivals(CliContext &ctx, const QStringList &args);
int runEvaluateConditions(CliContext &ctx, const QStringList &args);
int runConditionRule(CliContext &ctx, const QStringList &args);
int runTimeEntries(CliContext &ctx, const QStringList &args);
int runBilling(CliContext &ctx, const QStringList &args);
int runStock(CliContext &ctx, const QStringList &args);
int runReorder(CliContext &ctx, const QStringList &args);
int runTransfer(CliContext &ctx, const QStringList &args);
int runDurations(CliContext &ctx, const QStringList &args);

const Command *commands(int &count);

} // namespace fieldops::cli
