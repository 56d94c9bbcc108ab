#include "optimizer/SolomonReader.h"

#include <QFile>
#include <QList>

#include <cmath>

namespace fieldops::optimizer {

namespace {

// The numbers of a line when all its words are numbers, else nothing: this tells the
// VEHICLE line and the customer rows from the headings without trusting the layout.
QList<double> numbersOf(const QByteArray &line)
{
    QList<double> numbers;
    for (const QByteArray &word : line.simplified().split(' ')) {
        if (word.isEmpty())
            continue;
        bool ok = false;
        const double value = word.toDouble(&ok);
        if (!ok)
            return {};
        numbers.append(value);
    }
    return numbers;
}

} // namespace

Result<VrpProblem> parseSolomon(const QByteArray &text)
{
    VrpProblem problem;
    int fleet = -1;
    double capacity = 0;
    struct Row {
        double x, y, demand, ready, due, service;
        int number;
    };
    std::vector<Row> rows;
    int lineNumber = 0;
    for (const QByteArray &rawLine : text.split('\n')) {
        ++lineNumber;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        if (problem.name.empty()) {
            problem.name = line.toStdString();
            continue;
        }
        const QList<double> numbers = numbersOf(line);
        if (numbers.size() == 2 && fleet < 0) {
            fleet = int(numbers[0]);
            capacity = numbers[1];
        } else if (numbers.size() == 7) {
            rows.push_back({numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], int(numbers[0])});
        } else if (!numbers.isEmpty()) {
            return Error::invalid(QStringLiteral("line %1: expected 7 numbers per customer, found %2")
                                      .arg(lineNumber)
                                      .arg(numbers.size()));
        }
    }
    if (fleet <= 0)
        return Error::invalid(QStringLiteral("no VEHICLE NUMBER and CAPACITY line"));
    if (rows.size() < 2)
        return Error::invalid(QStringLiteral("no customers after the depot"));
    if (rows.front().number != 0)
        return Error::invalid(QStringLiteral("the first customer row must be the depot, number 0"));

    const Row &depot = rows.front();
    problem.locationCount = int(rows.size());
    problem.travel.resize(rows.size() * rows.size());
    for (size_t a = 0; a < rows.size(); ++a) {
        for (size_t b = 0; b < rows.size(); ++b)
            problem.travel[a * rows.size() + b] = std::hypot(rows[a].x - rows[b].x, rows[a].y - rows[b].y);
    }
    for (size_t i = 1; i < rows.size(); ++i) {
        VrpJob job;
        job.location = int(i);
        job.demand = rows[i].demand;
        job.readyTime = rows[i].ready;
        job.dueTime = rows[i].due;
        job.serviceTime = rows[i].service;
        job.unassignedPenalty = kSolomonUnassignedPenalty;
        job.externalId = rows[i].number;
        problem.jobs.push_back(job);
    }
    problem.vehicles.assign(size_t(fleet), VrpVehicle{0, 0, capacity, depot.ready, depot.due});
    return problem;
}

Result<VrpProblem> readSolomonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    auto parsed = parseSolomon(file.readAll());
    if (!parsed)
        return Error::invalid(QStringLiteral("%1: %2").arg(path, parsed.error().message));
    return parsed;
}

} // namespace fieldops::optimizer
