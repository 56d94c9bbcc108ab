#include "kpi/KpiResult.h"

#include <QJsonValue>

namespace fieldops::kpi {

QJsonObject KpiValues::toJson() const
{
    QJsonObject o;
    for (const QString &k : keys()) {
        const auto v = values.value(k);
        o.insert(k, v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null));
    }
    return o;
}

} // namespace fieldops::kpi
