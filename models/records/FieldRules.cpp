#include "records/FieldRules.h"

#include "interchange/CellCodec.h"
#include "interchange/InterchangeSchema.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace fieldops::records {

using workorders::FieldIssue;
using workorders::FieldIssues;

QString cellText(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(QLatin1Char(';'));
    return v.toString();
}

FieldIssues interchangeIssues(const QString &fileName, const RecordValues &values)
{
    FieldIssues issues;
    const interchange::FileSpec *file = interchange::fileSpec(fileName);
    if (!file)
        return issues;
    const interchange::CellCodec codec(QStringLiteral("UTC"));
    for (const interchange::ColumnSpec &column : file->columns) {
        if (!values.contains(column.name))
            continue;
        interchange::ColumnSpec c = column;
        c.defaultTimeZone = false;
        c.defaultText.clear();
        QVariant parsed;
        QString error;
        if (!codec.parse(c, cellText(values.value(column.name)), parsed, error))
            issues.push_back({column.name, error});
    }
    return issues;
}

void checkNewId(const RecordValues &values, bool isNew, FieldIssues &issues)
{
    if (!isNew)
        return;
    const QString id = values.value(QStringLiteral("id")).toString();
    static const QRegularExpression spaces(QStringLiteral("\\s"));
    if (id.trimmed().isEmpty())
        issues.push_back({QStringLiteral("id"), QCoreApplication::translate("CustomerRules", "give the record an id (your systems' id, or any short code)")});
    else if (id.contains(spaces) || id.size() > 64)
        issues.push_back({QStringLiteral("id"), QCoreApplication::translate("CustomerRules", "an id has 1 to 64 characters and no spaces")});
}

FieldIssues firstPerField(const FieldIssues &all)
{
    FieldIssues out;
    for (const FieldIssue &i : all)
        if (std::none_of(out.begin(), out.end(), [&](const FieldIssue &o) { return o.field == i.field; }))
            out.push_back(i);
    return out;
}

} // namespace fieldops::records
