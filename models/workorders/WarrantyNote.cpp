#include "workorders/WarrantyNote.h"

#include <QCoreApplication>

namespace fieldops::workorders {

bool isUnderWarranty(const Asset &asset, const QDate &day)
{
    return asset.warrantyUntil.isValid() && day.isValid() && asset.warrantyUntil >= day;
}

QString warrantyNote(const Asset *asset, const QDate &day)
{
    if (!asset || !isUnderWarranty(*asset, day))
        return {};
    return QCoreApplication::translate("WarrantyNote", "Asset %1 is under warranty until %2")
        .arg(asset->id, asset->warrantyUntil.toString(Qt::ISODate));
}

} // namespace fieldops::workorders
