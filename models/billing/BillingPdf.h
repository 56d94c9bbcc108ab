#pragma once
// The billing statement as a PDF, one invoice-style section per customer (each on its own
// page): per contract its terms applied (approved hours, included, beyond × rate, fixed
// fee, parts, total), the lines billed and the entries still awaiting review. Laid out by
// QTextDocument on a QPdfWriter, so it needs a QGuiApplication (the CLI makes one,
// offscreen, for `billing`).
#include "billing/BillingCalculator.h"

#include <QByteArray>

namespace fieldops::billing {

QString statementHtml(const BillingStatement &st);
QByteArray statementPdf(const BillingStatement &st);

} // namespace fieldops::billing
