#pragma once
// The billing export's two CSV files, RFC 4180 as the interchange writes them; the
// README's "Billing" lists their columns. Hours and amounts with two decimals, times in
// UTC with Z, notes as codes.
#include "billing/BillingCalculator.h"

#include <QByteArray>

namespace fieldops::billing {

QStringList summaryColumns();
QStringList lineColumns();
QByteArray summaryCsv(const BillingStatement &st);
QByteArray linesCsv(const BillingStatement &st);

QString hoursText(double hours);   // "1.50"
QString moneyText(double amount);  // "150.00"

} // namespace fieldops::billing
