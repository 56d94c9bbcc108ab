#pragma once
// Where GUI tests leave screenshots for a look by eye: a folder per test program (the
// application name is the executable's), so tests running in parallel under `ctest -j`
// never write the same file.
#include <QCoreApplication>
#include <QDir>
#include <QString>

namespace fieldops::test {

inline QString screenshotPath(const QString &fileName)
{
    const QString dir = QDir::temp().filePath(QStringLiteral("fieldops-screenshots/") + QCoreApplication::applicationName());
    QDir().mkpath(dir);
    return QDir(dir).filePath(fileName);
}

} // namespace fieldops::test
