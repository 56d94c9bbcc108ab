#pragma once
// Whether an asset is under warranty when a work order is opened on it, in words: the
// intake form and the inspector's SLA explanation say it the same way.
#include "domain/Entities.h"

#include <QDate>
#include <QString>

namespace fieldops::workorders {

// An asset is under warranty on `day` when its warranty_until is that day or later.
bool isUnderWarranty(const Asset &asset, const QDate &day);
// "Asset A-17 is under warranty until 2027-05-01", or empty (no asset, no warranty, or
// the warranty ended before `day`).
QString warrantyNote(const Asset *asset, const QDate &day);

} // namespace fieldops::workorders
