#pragma once
// Runs the real fieldops-cli (the FIELDOPS_CLI binary CTest names) against a database URL,
// as an integrator would, and returns what it printed and its exit status.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fieldops::test {

struct CliRun {
    int exitCode = -1; // -1: it did not finish, or crashed
    QString out;
    QString err;
};

inline CliRun runCli(const QString &url, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.setProgram(qEnvironmentVariable("FIELDOPS_CLI"));
    p.setArguments(QStringList{QStringLiteral("--db"), url} + args);
    p.start();
    CliRun r;
    if (!p.waitForStarted(30000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace fieldops::test
