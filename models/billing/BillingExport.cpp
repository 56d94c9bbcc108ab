#include "billing/BillingExport.h"

#include "billing/BillingCsv.h"
#include "billing/BillingPdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace fieldops::billing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BillingExport)
};

} // namespace

QStringList billingFileNames()
{
    return {QStringLiteral("billing_summary.csv"), QStringLiteral("billing_lines.csv"), QStringLiteral("billing.pdf")};
}

Status checkOutputDirectory(const QString &dir)
{
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return Error::invalid(Text::tr("--out: %1 is not a directory").arg(dir));
    if (!info.exists()) {
        // The nearest existing parent must take a new directory.
        QFileInfo parent(info.absolutePath());
        while (!parent.exists() && parent.absoluteFilePath() != parent.absolutePath())
            parent = QFileInfo(parent.absolutePath());
        if (!parent.isDir() || !parent.isWritable())
            return Error::invalid(Text::tr("--out: %1 cannot be created").arg(dir));
        return {};
    }
    if (!info.isWritable())
        return Error::invalid(Text::tr("--out: %1 is not writable").arg(dir));
    return {};
}

Status writeBillingFiles(const QString &dir, const BillingStatement &st)
{
    const QList<QByteArray> contents{summaryCsv(st), linesCsv(st), statementPdf(st)};
    if (!QDir().mkpath(dir))
        return Error::invalid(Text::tr("--out: %1 cannot be created").arg(dir));
    const QStringList names = billingFileNames();
    for (int i = 0; i < names.size(); ++i) {
        QSaveFile f(QDir(dir).filePath(names[i]));
        if (!f.open(QIODevice::WriteOnly) || f.write(contents[i]) != contents[i].size() || !f.commit())
            return Error::other(Text::tr("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    }
    return {};
}

} // namespace fieldops::billing
