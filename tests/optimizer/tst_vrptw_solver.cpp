// The route optimiser: the Solomon reader, the independent feasibility check (which must
// catch each kind of broken plan), and the solver's plans: feasible, optimal on a case small
// enough to solve by hand, stoppable, and repeatable for a seed.
#include "optimizer/FeasibilityChecker.h"
#include "optimizer/SolomonReader.h"
#include "optimizer/VrptwSolver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace fieldops;
using namespace fieldops::optimizer;

namespace {

// Depot at (0, 0); customers 1, 2 on the x axis at 10 and 20, customers 3, 4 on the y axis at
// 10 and 20; capacity 3 with demand 1 each, so no vehicle takes all four. By hand: out and back
// along each axis, 40 + 40 = 80. Any route mixing the axes costs more (a three-customer route
// such as 3-1-2 is 10 + 14.14 + 10 + 20 = 54.14, leaving 40 for customer 4 alone). Customer 2
// opens late, which makes a vehicle wait but changes no distance.
const char kAxesInstance[] = "AXES4\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  3         3\r\n\r\n"
                             "CUSTOMER\r\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n"
                             " \r\n"
                             "    0       0          0          0          0       1000          0   \r\n"
                             "    1      10          0          1          0       1000          5   \r\n"
                             "    2      20          0          1        200       1000          5   \r\n"
                             "    3       0         10          1          0       1000          5   \r\n"
                             "    4       0         20          1          0       1000          5   \r\n";

VrpProblem axesProblem()
{
    auto parsed = parseSolomon(QByteArray(kAxesInstance));
    if (!parsed)
        qFatal("the axes instance does not parse: %s", qPrintable(parsed.error().message));
    return *parsed;
}

// A Solomon-like random instance built in code, so that tests needing some size run
// everywhere: customers on a 100 × 100 square with windows around a feasible direct visit.
VrpProblem generatedProblem(int customers, unsigned seed)
{
    QByteArray text = "GEN\nVEHICLE\nNUMBER CAPACITY\n25 200\nCUSTOMER\n0 50 50 0 0 1000 0\n";
    std::uint64_t state = seed;
    auto next = [&state](int range) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((state >> 33) % std::uint64_t(range));
    };
    for (int c = 1; c <= customers; ++c) {
        const int x = next(101), y = next(101);
        const int direct = int(std::ceil(std::hypot(x - 50, y - 50)));
        const int ready = direct + next(500);
        text += QByteArray::number(c) + ' ' + QByteArray::number(x) + ' ' + QByteArray::number(y) + ' '
            + QByteArray::number(5 + next(30)) + ' ' + QByteArray::number(ready) + ' ' + QByteArray::number(ready + 60 + next(120))
            + " 10\n";
    }
    auto parsed = parseSolomon(text);
    if (!parsed)
        qFatal("the generated instance does not parse: %s", qPrintable(parsed.error().message));
    return *parsed;
}

VrpSolution axesOptimum()
{
    VrpSolution plan;
    plan.routes = {{0, 1}, {2, 3}, {}}; // job indices: customer number - 1
    return plan;
}

} // namespace

class TestVrptwSolver : public QObject {
    Q_OBJECT

private slots:
    void readsHandMadeInstance()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("axes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kAxesInstance);
        file.close();

        const auto problem = readSolomonFile(path);
        QVERIFY2(problem.ok(), qPrintable(problem.ok() ? QString() : problem.error().message));
        QCOMPARE(problem->name, std::string("AXES4"));
        QCOMPARE(problem->vehicles.size(), size_t(3));
        QCOMPARE(problem->vehicles[0].capacity, 3.0);
        QCOMPARE(problem->vehicles[0].latestEnd, 1000.0);
        QCOMPARE(problem->jobs.size(), size_t(4));
        QCOMPARE(problem->jobs[1].externalId, 2);
        QCOMPARE(problem->jobs[1].readyTime, 200.0);
        QCOMPARE(problem->jobs[1].serviceTime, 5.0);
        QCOMPARE(problem->travelBetween(problem->jobs[0].location, problem->jobs[2].location), std::hypot(10.0, 10.0));
        QCOMPARE(problem->travelBetween(0, problem->jobs[3].location), 20.0);
    }

    void readsRealSolomonFile()
    {
        const QString path = qEnvironmentVariable("FIELDOPS_VRPTW_DIR") + QStringLiteral("/solomon/C101.txt");
        if (!QFile::exists(path))
            QSKIP("no Solomon instance C101 in FIELDOPS_VRPTW_DIR");
        const auto problem = readSolomonFile(path);
        QVERIFY(problem.ok());
        QCOMPARE(problem->name, std::string("C101"));
        QCOMPARE(problem->vehicles.size(), size_t(25));
        QCOMPARE(problem->vehicles[0].capacity, 200.0);
        QCOMPARE(problem->vehicles[0].latestEnd, 1236.0);
        QCOMPARE(problem->jobs.size(), size_t(100));
        const VrpJob &first = problem->jobs[0]; // customer 1: 45 68, demand 10, 912–967, service 90
        QCOMPARE(first.externalId, 1);
        QCOMPARE(first.demand, 10.0);
        QCOMPARE(first.readyTime, 912.0);
        QCOMPARE(first.dueTime, 967.0);
        QCOMPARE(first.serviceTime, 90.0);
        QCOMPARE(problem->travelBetween(0, first.location), std::hypot(5.0, 18.0));
        QCOMPARE(problem->jobs[99].externalId, 100);
    }

    void refusesMalformedText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("no vehicle line") << QByteArray("X\nCUSTOMER\n0 0 0 0 0 100 0\n1 1 1 1 0 100 0\n");
        QTest::newRow("short customer row") << QByteArray("X\n25 200\n0 0 0 0 0 100 0\n1 1 1 1 0 100\n");
        QTest::newRow("depot missing") << QByteArray("X\n25 200\n1 1 1 1 0 100 0\n2 1 1 1 0 100 0\n");
    }
    void refusesMalformedText()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!parseSolomon(text).ok());
    }

    void checkerAcceptsTheOptimum()
    {
        const FeasibilityReport report = checkFeasibility(axesProblem(), axesOptimum());
        QVERIFY2(report.feasible(), report.problems.empty() ? "" : report.problems.front().c_str());
        QCOMPARE(report.distance, 80.0);
        QCOMPARE(report.vehiclesUsed, 2);
    }

    void checkerCatches_data()
    {
        QTest::addColumn<int>("breakage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("late service") << 0 << QStringLiteral("after its due time");
        QTest::newRow("late return") << 1 << QStringLiteral("ends at");
        QTest::newRow("over capacity") << 2 << QStringLiteral("over its capacity");
        QTest::newRow("visited twice") << 3 << QStringLiteral("placed 2 times");
        QTest::newRow("never visited") << 4 << QStringLiteral("missing from the plan");
        QTest::newRow("over the fleet") << 5 << QStringLiteral("for a fleet of");
        QTest::newRow("vehicle not allowed") << 6 << QStringLiteral("may not serve");
        QTest::newRow("left unassigned") << 7 << QStringLiteral("is not visited");
    }
    void checkerCatches()
    {
        QFETCH(int, breakage);
        QFETCH(QString, expected);
        VrpProblem problem = axesProblem();
        VrpSolution plan = axesOptimum();
        switch (breakage) {
        case 0: problem.jobs[1].dueTime = 15; break; // reached at 20 after customer 1
        case 1: problem.vehicles[0].latestEnd = 220; break; // customer 2 opens at 200: served till 205, back at 225
        case 2: plan.routes = {{0, 1, 2, 3}, {}, {}}; break;
        case 3: plan.routes[2] = {1}; break;
        case 4: plan.routes[1] = {2}; break;
        case 5: plan.routes.push_back({}); plan.routes.push_back({}); break;
        case 6: problem.jobs[2].allowedVehicles = {0}; break;
        case 7: plan.routes[1] = {2}; plan.unassigned = {3}; break;
        }
        const FeasibilityReport report = checkFeasibility(problem, plan);
        QVERIFY(!report.feasible());
        bool named = false;
        for (const std::string &problemText : report.problems)
            named = named || QString::fromStdString(problemText).contains(expected);
        QVERIFY2(named, report.problems.front().c_str());
    }

    void checkerAllowsUnassignedWhenAsked()
    {
        VrpSolution plan = axesOptimum();
        plan.routes[1] = {2};
        plan.unassigned = {3};
        QVERIFY(checkFeasibility(axesProblem(), plan, true).feasible());
    }

    void solvesTinyInstanceToTheHandOptimum_data()
    {
        QTest::addColumn<VrpObjective>("objective");
        QTest::newRow("distance") << VrpObjective::Distance;
        QTest::newRow("vehicles") << VrpObjective::Vehicles;
    }
    void solvesTinyInstanceToTheHandOptimum()
    {
        QFETCH(VrpObjective, objective);
        const VrpProblem problem = axesProblem();
        VrpSolverOptions options;
        options.objective = objective;
        options.maxIterations = 300;
        const VrpSolverResult result = solveVrp(problem, options);
        const FeasibilityReport report = checkFeasibility(problem, result.solution);
        QVERIFY(report.feasible());
        QCOMPARE(report.vehiclesUsed, 2);
        QVERIFY2(std::abs(report.distance - 80.0) < 1e-9, qPrintable(QString::number(report.distance)));
        QCOMPARE(result.solution.distance, report.distance);
    }

    void respectsVehiclesOfTheirOwn()
    {
        // Field-service shape: two vehicles with different homes and shifts, and a job only the
        // second may do although it lies at the first one's home, where it would cost the first
        // nothing.
        VrpProblem problem = generatedProblem(12, 7);
        problem.jobs[0].location = 0;
        problem.vehicles.resize(2);
        problem.vehicles[0].capacity = 1000;
        problem.vehicles[1] = {problem.jobs[5].location, problem.jobs[6].location, 1000, 50, 1100};
        problem.jobs[0].allowedVehicles = {1};
        for (VrpJob &job : problem.jobs) {
            job.readyTime = 0;
            job.dueTime = 2000;
        }
        problem.vehicles[0].latestEnd = 2000;
        problem.vehicles[1].latestEnd = 2000;
        VrpSolverOptions options;
        options.maxIterations = 2000;
        const VrpSolverResult result = solveVrp(problem, options);
        const FeasibilityReport report = checkFeasibility(problem, result.solution);
        QVERIFY2(report.feasible(), report.problems.empty() ? "" : report.problems.front().c_str());
        const auto &second = result.solution.routes[1];
        QVERIFY(std::find(second.begin(), second.end(), 0) != second.end());
        QVERIFY(std::abs(report.distance - result.solution.distance) < 1e-6);
    }

    void leavesOutWhatCannotBeServed()
    {
        VrpProblem problem = axesProblem();
        problem.jobs[3].dueTime = 5; // 20 away from the depot
        VrpSolverOptions options;
        options.maxIterations = 200;
        const VrpSolverResult result = solveVrp(problem, options);
        QCOMPARE(result.solution.unassigned, std::vector<int>{3});
        QVERIFY(checkFeasibility(problem, result.solution, true).feasible());
    }

    void weighsPenaltyAgainstDistance_data()
    {
        // Without customer 4 one vehicle serves 1, 2, 3 in 10 + 10 + √500 + 10 = 52.36; serving
        // customer 4 too costs 80, a detour of 27.64.
        QTest::addColumn<double>("penalty");
        QTest::addColumn<bool>("served");
        QTest::newRow("penalty below the detour") << 20.0 << false;
        QTest::newRow("penalty above the detour") << 35.0 << true;
    }
    void weighsPenaltyAgainstDistance()
    {
        QFETCH(double, penalty);
        QFETCH(bool, served);
        VrpProblem problem = axesProblem();
        problem.jobs[3].unassignedPenalty = penalty;
        VrpSolverOptions options;
        options.maxIterations = 500;
        const VrpSolverResult result = solveVrp(problem, options);
        QCOMPARE(result.solution.unassigned.empty(), served);
        QCOMPARE(result.solution.distance, served ? 80.0 : 30.0 + std::sqrt(500.0));
        QVERIFY(checkFeasibility(problem, result.solution, true).feasible());
    }

    void plansForAGeneratedDayAreFeasible_data()
    {
        QTest::addColumn<VrpObjective>("objective");
        QTest::newRow("distance") << VrpObjective::Distance;
        QTest::newRow("vehicles") << VrpObjective::Vehicles;
    }
    void plansForAGeneratedDayAreFeasible()
    {
        QFETCH(VrpObjective, objective);
        const VrpProblem problem = generatedProblem(60, 3);
        VrpSolverOptions options;
        options.objective = objective;
        options.maxIterations = 3000;
        const VrpSolverResult result = solveVrp(problem, options);
        const FeasibilityReport report = checkFeasibility(problem, result.solution);
        QVERIFY2(report.feasible(), report.problems.empty() ? "" : report.problems.front().c_str());
        QVERIFY(std::abs(report.distance - result.solution.distance) < 1e-6);
        QCOMPARE(report.vehiclesUsed, result.solution.vehiclesUsed);
    }

    void cancellationStopsEarly()
    {
        const VrpProblem problem = generatedProblem(100, 11);
        QElapsedTimer clock;
        clock.start();
        int progressCalls = 0;
        VrpSolverOptions options;
        options.timeLimitSeconds = 60;
        options.cancelled = [&clock] { return clock.elapsed() > 200; };
        options.progress = [&progressCalls](const VrpProgress &) { ++progressCalls; };
        const VrpSolverResult result = solveVrp(problem, options);
        QVERIFY(result.cancelled);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(progressCalls > 0);
        QVERIFY(checkFeasibility(problem, result.solution).feasible());
    }

    void sameSeedGivesSamePlan()
    {
        const VrpProblem problem = generatedProblem(50, 5);
        VrpSolverOptions options;
        options.objective = VrpObjective::Vehicles;
        options.maxIterations = 3000;
        options.seed = 42;
        const VrpSolverResult first = solveVrp(problem, options);
        const VrpSolverResult second = solveVrp(problem, options);
        QCOMPARE(first.iterations, 3000LL);
        QCOMPARE(first.solution.routes, second.solution.routes);
        QCOMPARE(first.solution.distance, second.solution.distance);
    }
};

QTEST_GUILESS_MAIN(TestVrptwSolver)
#include "tst_vrptw_solver.moc"
