#include "workorders/WorkOrderJson.h"

#include "interchange/CellCodec.h"
#include "interchange/InterchangeSchema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <cmath>

namespace fieldops::workorders {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(WorkOrderJson)
};

// The JSON value as the CSV cell that means the same, or an issue.
std::optional<QString> cellOf(const interchange::ColumnSpec &column, const QJsonValue &v, QString &error)
{
    using T = interchange::CellType;
    switch (v.type()) {
    case QJsonValue::Null:
        return QString();
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (column.type == T::Integer || column.type == T::Real)
            return std::floor(d) == d && std::abs(d) < 1e15 ? QString::number(qlonglong(d))
                                                            : QString::number(d, 'g', QLocale::FloatingPointShortest);
        error = Text::tr("expected text, not the number %1").arg(QString::number(d, 'g', QLocale::FloatingPointShortest));
        return std::nullopt;
    }
    case QJsonValue::Bool:
        if (column.type == T::Boolean)
            return QString(v.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
        error = Text::tr("expected %1, not true or false").arg(column.type == T::Integer ? Text::tr("a number") : Text::tr("text"));
        return std::nullopt;
    case QJsonValue::Array: {
        if (column.type != T::SkillList) {
            error = Text::tr("expected a single value, not a list");
            return std::nullopt;
        }
        QStringList items;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString() || item.toString().contains(QLatin1Char(';'))) {
                error = Text::tr("expected a list of skill codes (text)");
                return std::nullopt;
            }
            items << item.toString();
        }
        return items.join(QLatin1Char(';'));
    }
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        break;
    }
    error = Text::tr("expected a single value, not an object");
    return std::nullopt;
}

} // namespace

std::optional<FieldIssue> parseJsonObject(const QByteArray &text, QJsonObject &object)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return FieldIssue{QStringLiteral("json"), Text::tr("not valid JSON at offset %1: %2").arg(error.offset).arg(error.errorString())};
    if (!doc.isObject())
        return FieldIssue{QStringLiteral("json"), Text::tr("expected one JSON object with the work order's fields")};
    object = doc.object();
    return std::nullopt;
}

std::optional<FieldIssue> applyJson(const QJsonObject &object, WorkOrderDraft &d, WorkOrderJson &seen)
{
    const interchange::FileSpec *file = interchange::fileSpec(QStringLiteral("work_orders.csv"));
    const interchange::CellCodec codec(QStringLiteral("UTC"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("version")) {
            const QJsonValue v = it.value();
            if (!v.isDouble() || std::floor(v.toDouble()) != v.toDouble() || v.toDouble() < 1)
                return FieldIssue{key, Text::tr("expected the whole number of the version you last read")};
            seen.version = int(v.toDouble());
            seen.present << key;
            continue;
        }
        interchange::ColumnSpec column;
        if (key == QLatin1String("customer_id")) {
            column.name = key;
            column.type = interchange::CellType::Id;
        } else if (const interchange::ColumnSpec *c = file->column(key)) {
            column = *c;
            column.required = false; // the draft's own checks say what is missing
            column.defaultText.clear(); // an empty value leaves the field empty, not its CSV default
        } else {
            seen.unknown << key;
            continue;
        }
        seen.present << key;
        QString error;
        const std::optional<QString> cell = cellOf(column, it.value(), error);
        if (!cell)
            return FieldIssue{key, error};
        QVariant value;
        if (!codec.parse(column, *cell, value, error))
            return FieldIssue{key, error};
        const bool empty = value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isEmpty());
        if (key == QLatin1String("id"))
            d.id = value.toString();
        else if (key == QLatin1String("customer_id"))
            d.customerId = value.toString();
        else if (key == QLatin1String("site_id"))
            d.siteId = value.toString();
        else if (key == QLatin1String("asset_id"))
            d.assetId = value.toString();
        else if (key == QLatin1String("contract_id"))
            d.contractId = value.toString();
        else if (key == QLatin1String("type"))
            d.type = empty ? QStringLiteral("corrective") : value.toString();
        else if (key == QLatin1String("priority"))
            d.priority = empty ? 3 : int(value.toLongLong());
        else if (key == QLatin1String("required_skills"))
            d.requiredSkills = value.toStringList();
        else if (key == QLatin1String("duration_min")) {
            if (empty)
                return FieldIssue{key, Text::tr("a value is required")};
            d.durationMin = int(qBound(qlonglong(-1), value.toLongLong(), qlonglong(1) << 30));
        } else if (key == QLatin1String("window_start"))
            d.windowStart = value.toDateTime();
        else if (key == QLatin1String("window_end"))
            d.windowEnd = value.toDateTime();
        else if (key == QLatin1String("created_at"))
            d.createdAt = value.toDateTime();
        else if (key == QLatin1String("sla_due"))
            d.slaDue = value.toDateTime();
        else if (key == QLatin1String("response_due"))
            d.responseDue = value.toDateTime();
        else if (key == QLatin1String("status"))
            d.status = empty ? QStringLiteral("open") : value.toString();
        else if (key == QLatin1String("summary"))
            d.summary = value.toString();
        else if (key == QLatin1String("description"))
            d.description = value.toString();
    }
    return std::nullopt;
}

} // namespace fieldops::workorders
