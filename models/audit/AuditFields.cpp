#include "audit/AuditFields.h"

#include "itemmodels/WorkOrderTableModel.h"
#include "util/TimeFormat.h"

#include <QLocale>

namespace fieldops {

QString AuditFields::entityNoun(const QString &entity)
{
    if (entity == QLatin1String("appointments")) return tr("visit");
    if (entity == QLatin1String("work_orders")) return tr("work order");
    if (entity == QLatin1String("work_order_skills")) return tr("required skill");
    if (entity == QLatin1String("ratings")) return tr("rating");
    if (entity == QLatin1String("contracts")) return tr("contract");
    if (entity == QLatin1String("technicians")) return tr("technician");
    if (entity == QLatin1String("absences")) return tr("absence");
    if (entity == QLatin1String("customers")) return tr("customer");
    if (entity == QLatin1String("sites")) return tr("site");
    if (entity == QLatin1String("customer_contacts")) return tr("contact");
    if (entity == QLatin1String("kpi_targets")) return tr("KPI target");
    if (entity == QLatin1String("maintenance_plans")) return tr("maintenance plan");
    if (entity == QLatin1String("assets")) return tr("asset");
    return tr("record");
}

QString AuditFields::fieldLabel(const QString &column)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("start_at"), QT_TR_NOOP("start")},
        {QStringLiteral("end_at"), QT_TR_NOOP("end")},
        {QStringLiteral("technician_id"), QT_TR_NOOP("technician")},
        {QStringLiteral("work_order_id"), QT_TR_NOOP("work order")},
        {QStringLiteral("status"), QT_TR_NOOP("status")},
        {QStringLiteral("locked"), QT_TR_NOOP("locked")},
        {QStringLiteral("arrived_at"), QT_TR_NOOP("arrived")},
        {QStringLiteral("completed_at"), QT_TR_NOOP("completed")},
        {QStringLiteral("resolved"), QT_TR_NOOP("resolved")},
        {QStringLiteral("summary"), QT_TR_NOOP("summary")},
        {QStringLiteral("priority"), QT_TR_NOOP("priority")},
        {QStringLiteral("duration_min"), QT_TR_NOOP("duration")},
        {QStringLiteral("window_start"), QT_TR_NOOP("window start")},
        {QStringLiteral("window_end"), QT_TR_NOOP("window end")},
        {QStringLiteral("sla_due"), QT_TR_NOOP("SLA due")},
        {QStringLiteral("type"), QT_TR_NOOP("type")},
        {QStringLiteral("site_id"), QT_TR_NOOP("site")},
        {QStringLiteral("asset_id"), QT_TR_NOOP("asset")},
        {QStringLiteral("contract_id"), QT_TR_NOOP("contract")},
        {QStringLiteral("created_at"), QT_TR_NOOP("created")},
        {QStringLiteral("skill_code"), QT_TR_NOOP("skill")},
        {QStringLiteral("score"), QT_TR_NOOP("score")},
        {QStringLiteral("comment"), QT_TR_NOOP("comment")},
        {QStringLiteral("rated_at"), QT_TR_NOOP("rated at")},
        {QStringLiteral("name"), QT_TR_NOOP("name")},
        {QStringLiteral("target"), QT_TR_NOOP("target")},
        {QStringLiteral("amber_threshold"), QT_TR_NOOP("amber threshold")},
        {QStringLiteral("kpi_key"), QT_TR_NOOP("KPI")},
        {QStringLiteral("territory_id"), QT_TR_NOOP("territory")},
        {QStringLiteral("response_hours"), QT_TR_NOOP("response time")},
        {QStringLiteral("coverage"), QT_TR_NOOP("coverage")},
        {QStringLiteral("starts_on"), QT_TR_NOOP("start date")},
        {QStringLiteral("ends_on"), QT_TR_NOOP("end date")},
        {QStringLiteral("home_lat"), QT_TR_NOOP("home latitude")},
        {QStringLiteral("home_lon"), QT_TR_NOOP("home longitude")},
        {QStringLiteral("work_days"), QT_TR_NOOP("working days")},
        {QStringLiteral("active"), QT_TR_NOOP("active")},
    };
    if (const char *label = labels.value(column))
        return tr(label);
    QString plain = column;
    return plain.replace(QLatin1Char('_'), QLatin1Char(' '));
}

bool AuditFields::isHidden(const QString &column)
{
    // updated_by/updated_at repeat the audit row's own who and when.
    return column == QLatin1String("version") || column == QLatin1String("id") || column == QLatin1String("updated_by")
        || column == QLatin1String("updated_at");
}

bool AuditFields::isInstant(const QString &column)
{
    return column.endsWith(QLatin1String("_at")) || column == QLatin1String("window_start")
        || column == QLatin1String("window_end") || column == QLatin1String("sla_due");
}

QString AuditFields::appointmentStatusText(const QString &status)
{
    if (status == QLatin1String("tentative")) return tr("tentative");
    if (status == QLatin1String("scheduled")) return tr("scheduled");
    if (status == QLatin1String("en_route")) return tr("en route");
    if (status == QLatin1String("on_site")) return tr("on site");
    if (status == QLatin1String("completed")) return tr("completed");
    if (status == QLatin1String("cancelled")) return tr("cancelled");
    return status;
}

QString AuditFields::workOrderStatusText(const QString &status)
{
    return WorkOrderTableModel::statusText(status);
}

QString AuditFields::operationText(const QString &op)
{
    if (op == QLatin1String("insert")) return tr("created");
    if (op == QLatin1String("update")) return tr("changed");
    if (op == QLatin1String("delete")) return tr("deleted");
    return op;
}

QDateTime AuditFields::instantValue(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    return timefmt::fromSql(value.toString());
}

QString AuditFields::instantText(const QDateTime &t, const QTimeZone &zone)
{
    if (!t.isValid())
        return {};
    const QDateTime local = t.toTimeZone(zone);
    const bool thisYear = local.date().year() == QDateTime::currentDateTimeUtc().toTimeZone(zone).date().year();
    return QLocale().toString(local, thisYear ? QStringLiteral("d MMM HH:mm") : QStringLiteral("d MMM yyyy HH:mm"));
}

QString AuditFields::valueText(const QString &entity, const QString &column, const QJsonValue &value,
                               const QTimeZone &zone, const QHash<QString, QString> &technicianNames)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("—");
    if (isInstant(column)) {
        const QDateTime t = instantValue(value);
        return t.isValid() ? instantText(t, zone) : value.toString();
    }
    if (column == QLatin1String("locked") || column == QLatin1String("resolved")) {
        // SQLite keeps booleans as 0/1, PostgreSQL's JSON as true/false.
        const bool on = value.isBool() ? value.toBool() : value.toDouble() != 0;
        return on ? tr("yes") : tr("no");
    }
    if (column == QLatin1String("status"))
        return entity == QLatin1String("appointments") ? appointmentStatusText(value.toString())
                                                       : workOrderStatusText(value.toString());
    if (column == QLatin1String("technician_id")) {
        const QString id = value.toString();
        const QString name = technicianNames.value(id);
        return name.isEmpty() ? id : name;
    }
    if (column == QLatin1String("duration_min"))
        return tr("%1 min").arg(value.toInt());
    if (column == QLatin1String("priority"))
        return WorkOrderTableModel::priorityText(value.toInt());
    if (column == QLatin1String("type"))
        return WorkOrderTableModel::typeText(value.toString());
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    return value.toString();
}

} // namespace fieldops
