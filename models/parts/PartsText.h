#pragma once
// Parts as people type them in one line ("2 × FLT-100, BELT-3"): the visit outcome's parts
// for the return visit and the parts a work order needs, in the form and the dialog alike.
#include "parts/Stock.h"

#include <QString>
#include <vector>

namespace fieldops::parts {

// "2 × FLT-100, BELT-3" read back into parts (a bare SKU is 1 of it; `x` or `×`; commas
// or semicolons between items). An empty text is no parts. Problems in words, the first
// one kept in `problem`.
std::vector<PartNeed> parsePartsText(const QString &text, QString *problem);
// The parts as parsePartsText() reads them.
QString partsText(const std::vector<PartNeed> &parts);

} // namespace fieldops::parts
