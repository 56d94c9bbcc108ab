#include "itemmodels/KpiTableCsv.h"

#include "interchange/CsvWriter.h"
#include "itemmodels/ItemRoles.h"
#include "util/TimeFormat.h"

#include <QAbstractItemModel>
#include <QDateTime>

namespace fieldops {

namespace {
QString cellText(const QModelIndex &index)
{
    const QVariant raw = index.data(roles::SortValue);
    if (!raw.isValid() || raw.isNull())
        return {}; // null KPI values ("—" on screen) and missing instants
    switch (raw.metaType().id()) {
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(raw.toDouble(), 'g', 17);
    case QMetaType::QDateTime:
        return timefmt::toIsoUtc(raw.toDateTime().toUTC());
    case QMetaType::Bool:
        return raw.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::QString:
        // Sort keys of text columns may be folded (lower case): export what is shown.
        return index.data(Qt::DisplayRole).toString();
    default:
        return raw.toString();
    }
}
} // namespace

QByteArray kpiTableCsv(const QAbstractItemModel &shown, const QStringList &columnNames)
{
    interchange::CsvWriter csv;
    csv.addRecord(columnNames);
    const int columns = std::min<int>(shown.columnCount(), int(columnNames.size()));
    for (int r = 0; r < shown.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < columns; ++c)
            cells << cellText(shown.index(r, c));
        csv.addRecord(cells);
    }
    return csv.toUtf8();
}

} // namespace fieldops
