// The route optimiser on VRPTW instances in Solomon's format.
//
//   bench_vrptw FILE... --time-limit S [--objective distance|vehicles] [--seed N] [--json] [--bks CSV] [--cpu-time]
//
// One line per instance on stdout: with --json one JSON object
//   {"instance":"C101","objective":"distance","vehicles":10,"distance":828.94,"seconds":10.0,"routes":[[5,3,7],…]}
// (customer numbers as in the file, depot left out; distance in unrounded Euclidean legs),
// else a readable line. --bks reads a CSV `instance,vehicles,distance,…` of best-known
// solutions; the gap per instance and a summary per family (C1, C2, R1, R2, RC1, RC2) go to
// stderr so that stdout stays one JSON object per line. Every plan passes the independent
// feasibility check or the run fails. Under CI (FIELDOPS_BENCH_SCALE < 1) only the first three
// files run, at most 2 s each. Exit code 77 (skipped) when no file can be read.
#include "BenchSupport.h"

#include "optimizer/FeasibilityChecker.h"
#include "optimizer/SolomonReader.h"
#include "optimizer/VrptwSolver.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

using namespace fieldops;
using namespace fieldops::optimizer;

namespace {

struct Known {
    int vehicles = 0;
    double distance = 0;
};

struct Tally {
    int instances = 0;
    int vehicles = 0;
    int knownVehicles = 0;
    double distance = 0;
    double knownDistance = 0;
};

std::map<std::string, Known> readBestKnown(const QString &path)
{
    std::map<std::string, Known> known;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return known;
    }
    bool header = true;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(',');
        if (header || fields.size() < 3) {
            header = false;
            continue;
        }
        known[fields[0].toStdString()] = {fields[1].toInt(), fields[2].toDouble()};
    }
    return known;
}

// C101 → C1, RC208 → RC2: letters and the first digit.
std::string familyOf(const std::string &instance)
{
    size_t letters = 0;
    while (letters < instance.size() && std::isalpha(static_cast<unsigned char>(instance[letters])))
        ++letters;
    return instance.substr(0, std::min(instance.size(), letters + 1));
}

std::string jsonString(const std::string &text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string routesJson(const VrpProblem &problem, const VrpSolution &solution)
{
    std::string out = "[";
    for (const auto &route : solution.routes) {
        if (route.empty())
            continue;
        if (out.size() > 1)
            out += ',';
        out += '[';
        for (size_t k = 0; k < route.size(); ++k) {
            if (k > 0)
                out += ',';
            out += std::to_string(problem.jobs[size_t(route[k])].externalId);
        }
        out += ']';
    }
    return out + "]";
}

void printSummary(const std::map<std::string, Tally> &families)
{
    Tally all;
    std::fprintf(stderr, "%-6s %4s %9s %11s %11s %8s\n", "family", "n", "vehicles", "distance", "best known", "gap %");
    auto line = [](const char *name, const Tally &t) {
        const double gap = 100.0 * (t.distance - t.knownDistance) / t.knownDistance;
        std::fprintf(stderr, "%-6s %4d %4d/%-4d %11.2f %11.2f %8.2f\n", name, t.instances, t.vehicles, t.knownVehicles,
                     t.distance, t.knownDistance, std::abs(gap) < 0.005 ? 0.0 : gap);
    };
    for (const auto &[name, tally] : families) {
        line(name.c_str(), tally);
        all.instances += tally.instances;
        all.vehicles += tally.vehicles;
        all.knownVehicles += tally.knownVehicles;
        all.distance += tally.distance;
        all.knownDistance += tally.knownDistance;
    }
    if (all.instances > 0)
        line("all", all);
}

int usage()
{
    std::fprintf(stderr, "usage: bench_vrptw FILE... --time-limit S [--objective distance|vehicles] [--seed N] "
                         "[--json] [--bks CSV] [--cpu-time]\n"
                         "  --cpu-time: the limit counts this process's CPU time (for a machine busy with other work)\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList files;
    VrpSolverOptions options;
    options.timeLimitSeconds = 0;
    bool json = false;
    QString bksPath;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--time-limit" && hasValue)
            options.timeLimitSeconds = std::atof(argv[++i]);
        else if (arg == "--seed" && hasValue)
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--bks" && hasValue)
            bksPath = QString::fromLocal8Bit(argv[++i]);
        else if (arg == "--objective" && hasValue) {
            const std::string objective = argv[++i];
            if (objective == "distance")
                options.objective = VrpObjective::Distance;
            else if (objective == "vehicles")
                options.objective = VrpObjective::Vehicles;
            else
                return usage();
        } else if (arg == "--json")
            json = true;
        else if (arg == "--cpu-time")
            options.cpuTimeLimit = true;
        else if (arg.starts_with("--"))
            return usage();
        else
            files << QString::fromLocal8Bit(argv[i]);
    }
    if (files.isEmpty() || options.timeLimitSeconds <= 0)
        return usage();
    if (bench::benchScale() < 1.0) {
        files = files.mid(0, 3);
        options.timeLimitSeconds = std::min(options.timeLimitSeconds, 2.0);
    }

    const std::map<std::string, Known> known = bksPath.isEmpty() ? std::map<std::string, Known>{} : readBestKnown(bksPath);
    std::map<std::string, Tally> families;
    const char *objectiveName = options.objective == VrpObjective::Vehicles ? "vehicles" : "distance";
    int solved = 0;
    bool allFeasible = true;
    for (const QString &path : files) {
        const Result<VrpProblem> problem = readSolomonFile(path);
        if (!problem) {
            std::fprintf(stderr, "%s\n", qPrintable(problem.error().message));
            continue;
        }
        const VrpSolverResult result = solveVrp(*problem, options);
        ++solved;
        const FeasibilityReport check = checkFeasibility(*problem, result.solution);
        for (const std::string &trouble : check.problems)
            std::fprintf(stderr, "%s: INFEASIBLE: %s\n", problem->name.c_str(), trouble.c_str());
        allFeasible = allFeasible && check.feasible();

        if (json) {
            std::printf("{\"instance\":%s,\"objective\":\"%s\",\"vehicles\":%d,\"distance\":%.2f,\"seconds\":%.1f,"
                        "\"routes\":%s}\n",
                        jsonString(problem->name).c_str(), objectiveName, check.vehiclesUsed, check.distance,
                        result.seconds, routesJson(*problem, result.solution).c_str());
        } else {
            std::printf("%-8s %s: %d vehicles, distance %.2f, %.1f s, %lld iterations%s\n", problem->name.c_str(),
                        objectiveName, check.vehiclesUsed, check.distance, result.seconds, result.iterations,
                        check.feasible() ? "" : ", INFEASIBLE");
        }
        std::fflush(stdout);

        const auto best = known.find(problem->name);
        if (best != known.end()) {
            const Known &k = best->second;
            const double gap = 100.0 * (check.distance - k.distance) / k.distance;
            // The best-known figures are rounded to 2 decimals: a match may come out as -0.0004 %.
            std::fprintf(stderr, "%-8s gap %+.2f %% (%d vehicles, best known %d / %.2f)\n", problem->name.c_str(),
                         std::abs(gap) < 0.005 ? 0.0 : gap, check.vehiclesUsed, k.vehicles, k.distance);
            Tally &t = families[familyOf(problem->name)];
            ++t.instances;
            t.vehicles += check.vehiclesUsed;
            t.knownVehicles += k.vehicles;
            t.distance += check.distance;
            t.knownDistance += k.distance;
        }
    }
    if (!families.empty())
        printSummary(families);
    if (solved == 0)
        return 77;
    return allFeasible ? 0 : 1;
}
