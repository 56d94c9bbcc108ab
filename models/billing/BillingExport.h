#pragma once
// Writes a billing statement into a directory: billing_summary.csv, billing_lines.csv and
// billing.pdf. Every byte is produced before the first file is written, and each file is
// written whole or not at all (QSaveFile).
#include "billing/BillingCalculator.h"
#include "util/Result.h"

namespace fieldops::billing {

QStringList billingFileNames();

// Invalid when `dir` is not a directory that can be written (created when missing).
Status checkOutputDirectory(const QString &dir);
Status writeBillingFiles(const QString &dir, const BillingStatement &st);

} // namespace fieldops::billing
