#pragma once
// A contract's SLA terms as a SELECT reads them: one column list and one reader, so the
// intake, the inspector's explanation and the preventive generator read the same terms.
#include "workorders/SlaPolicy.h"

#include <QSqlQuery>
#include <QString>

namespace fieldops::workorders {

// The columns readContractTerms expects, qualified with `alias` ("k" → "k.id, …").
QString contractTermsColumns(const QString &alias);
// Reads them from `first` on.
SlaContractTerms readContractTerms(const QSqlQuery &q, int first = 0);
constexpr int kContractTermsColumnCount = 16;

} // namespace fieldops::workorders
