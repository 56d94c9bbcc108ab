#include "records/RecordSpec.h"

#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace fieldops::records {

bool RecordSpec::isWritable(const QString &field) const { return columns.contains(field) || child(field); }

const ChildList *RecordSpec::child(const QString &field) const
{
    for (const ChildList &c : children)
        if (c.field == field)
            return &c;
    return nullptr;
}

QStringList ChildList::splitItem(const QString &item) const
{
    QStringList columns = item.split(kRowSeparator);
    const qsizetype wanted = 1 + extraColumns.size();
    while (columns.size() < wanted)
        columns << QString();
    columns.resize(wanted);
    return columns;
}

QString ChildList::joinItem(const QStringList &columns) const
{
    QStringList padded = columns;
    const qsizetype wanted = 1 + extraColumns.size();
    while (padded.size() < wanted)
        padded << QString();
    padded.resize(wanted);
    return padded.join(kRowSeparator);
}

QString ChildList::itemFrom(const QSqlQuery &q, int first) const
{
    QStringList columns{q.value(first).toString()};
    for (qsizetype i = 0; i < extraColumns.size(); ++i) {
        const QVariant v = q.value(first + 1 + int(i));
        if (v.isNull())
            columns << QString();
        else if (numberColumns.contains(extraColumns[i]))
            columns << QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
        else
            columns << v.toString();
    }
    return joinItem(columns);
}

namespace {
ChildList partsNeededList()
{
    return {QStringLiteral("parts_needed"), QStringLiteral("work_order_parts"), QStringLiteral("work_order_id"), QStringLiteral("sku"),
            {QStringLiteral("quantity"), QStringLiteral("reserved_location")}, {QStringLiteral("quantity")}};
}
} // namespace

const RecordSpec &workOrderSpec()
{
    static const RecordSpec spec{
        QStringLiteral("work_orders"),
        QStringLiteral("id"),
        {QStringLiteral("site_id"), QStringLiteral("asset_id"), QStringLiteral("contract_id"), QStringLiteral("type"),
         QStringLiteral("priority"), QStringLiteral("duration_min"), QStringLiteral("window_start"),
         QStringLiteral("window_end"), QStringLiteral("created_at"), QStringLiteral("sla_due"), QStringLiteral("status"),
         QStringLiteral("summary"), QStringLiteral("description"), QStringLiteral("cancel_reason"), QStringLiteral("response_due")},
        {{QStringLiteral("required_skills"), QStringLiteral("work_order_skills"), QStringLiteral("work_order_id"),
          QStringLiteral("skill_code")},
         partsNeededList()},
        QT_TRANSLATE_NOOP("RecordWriter", "work order"),
    };
    return spec;
}

const RecordSpec &followUpWorkOrderSpec()
{
    static const RecordSpec spec = [] {
        RecordSpec s = workOrderSpec();
        s.columns << QStringLiteral("follow_up_of");
        return s;
    }();
    return spec;
}

const RecordSpec &appointmentStatusSpec()
{
    static const RecordSpec spec{QStringLiteral("appointments"), QStringLiteral("id"), {QStringLiteral("status")}, {},
                                 QT_TRANSLATE_NOOP("RecordWriter", "visit")};
    return spec;
}

const RecordSpec &appointmentOutcomeSpec()
{
    static const RecordSpec spec{QStringLiteral("appointments"),
                                 QStringLiteral("id"),
                                 {QStringLiteral("status"), QStringLiteral("arrived_at"), QStringLiteral("completed_at"),
                                  QStringLiteral("departed_at"), QStringLiteral("resolved"), QStringLiteral("outcome_reason"),
                                  QStringLiteral("outcome_notes"), QStringLiteral("signed_by")},
                                 {},
                                 QT_TRANSLATE_NOOP("RecordWriter", "visit"),
                                 false,
                                 {},
                                 {QStringLiteral("resolved")}};
    return spec;
}

const RecordSpec &customerSpec()
{
    static const RecordSpec spec{QStringLiteral("customers"), QStringLiteral("id"),
                                 {QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email")}, {},
                                 QT_TRANSLATE_NOOP("RecordWriter", "customer")};
    return spec;
}

const RecordSpec &siteSpec()
{
    static const RecordSpec spec{QStringLiteral("sites"), QStringLiteral("id"),
                                 {QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("lat"),
                                  QStringLiteral("lon"), QStringLiteral("time_zone"), QStringLiteral("territory_id")},
                                 {},
                                 QT_TRANSLATE_NOOP("RecordWriter", "site"),
                                 false,
                                 {},
                                 {},
                                 {QStringLiteral("lat"), QStringLiteral("lon")}};
    return spec;
}

const RecordSpec &contactSpec()
{
    static const RecordSpec spec{
        QStringLiteral("customer_contacts"),
        QStringLiteral("id"),
        {QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("phone"), QStringLiteral("email")},
        {},
        QT_TRANSLATE_NOOP("RecordWriter", "contact"),
        true,
        QStringLiteral("customer_id"),
    };
    return spec;
}

const RecordSpec &assetSpec()
{
    static const RecordSpec spec{QStringLiteral("assets"), QStringLiteral("id"),
                                 {QStringLiteral("site_id"), QStringLiteral("serial"), QStringLiteral("model"), QStringLiteral("installed_on"),
                                  QStringLiteral("warranty_until")},
                                 {}, QT_TRANSLATE_NOOP("RecordWriter", "asset")};
    return spec;
}

const RecordSpec &technicianSpec()
{
    static const RecordSpec spec{
        QStringLiteral("technicians"),
        QStringLiteral("id"),
        {QStringLiteral("name"), QStringLiteral("employment"), QStringLiteral("territory_id"), QStringLiteral("home_lat"),
         QStringLiteral("home_lon"), QStringLiteral("time_zone"), QStringLiteral("shift_start"), QStringLiteral("shift_end"),
         QStringLiteral("work_days"), QStringLiteral("hourly_cost"), QStringLiteral("active")},
        {{QStringLiteral("skills"), QStringLiteral("technician_skills"), QStringLiteral("technician_id"), QStringLiteral("skill_code")}},
        QT_TRANSLATE_NOOP("RecordWriter", "technician"),
    };
    return spec;
}

const RecordSpec &absenceSpec()
{
    static const RecordSpec spec{
        QStringLiteral("absences"),
        QStringLiteral("id"),
        {QStringLiteral("technician_id"), QStringLiteral("start_at"), QStringLiteral("end_at"), QStringLiteral("reason")},
        {},
        QT_TRANSLATE_NOOP("RecordWriter", "absence"),
        true,
        QStringLiteral("technician_id"),
    };
    return spec;
}

const RecordSpec &contractSpec()
{
    static const RecordSpec spec{
        QStringLiteral("contracts"),
        QStringLiteral("id"),
        {QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("starts_on"), QStringLiteral("ends_on"),
         QStringLiteral("response_hours"), QStringLiteral("coverage"), QStringLiteral("coverage_days"), QStringLiteral("coverage_open"),
         QStringLiteral("coverage_close"), QStringLiteral("holiday_territory_id"), QStringLiteral("response_hours_p1"),
         QStringLiteral("response_hours_p2"), QStringLiteral("response_hours_p3"), QStringLiteral("response_hours_p4"),
         QStringLiteral("resolution_hours_p1"), QStringLiteral("resolution_hours_p2"), QStringLiteral("resolution_hours_p3"),
         QStringLiteral("resolution_hours_p4"), QStringLiteral("fixed_fee"), QStringLiteral("fee_period"), QStringLiteral("included_hours"),
         QStringLiteral("hourly_rate"), QStringLiteral("parts_included"), QStringLiteral("notes"), QStringLiteral("renewed_from")},
        {{QStringLiteral("covered_sites"), QStringLiteral("contract_sites"), QStringLiteral("contract_id"), QStringLiteral("site_id")},
         {QStringLiteral("covered_assets"), QStringLiteral("contract_assets"), QStringLiteral("contract_id"), QStringLiteral("asset_id")}},
        QT_TRANSLATE_NOOP("RecordWriter", "contract"),
        false,
        {},
        {QStringLiteral("parts_included")},
        {QStringLiteral("response_hours"), QStringLiteral("response_hours_p1"), QStringLiteral("response_hours_p2"),
         QStringLiteral("response_hours_p3"), QStringLiteral("response_hours_p4"), QStringLiteral("resolution_hours_p1"),
         QStringLiteral("resolution_hours_p2"), QStringLiteral("resolution_hours_p3"), QStringLiteral("resolution_hours_p4"),
         QStringLiteral("fixed_fee"), QStringLiteral("included_hours"), QStringLiteral("hourly_rate")},
    };
    return spec;
}

const RecordSpec &maintenancePlanSpec()
{
    static const RecordSpec spec{
        QStringLiteral("maintenance_plans"),
        QStringLiteral("id"),
        {QStringLiteral("contract_id"), QStringLiteral("asset_id"), QStringLiteral("task"), QStringLiteral("interval_days"),
         QStringLiteral("duration_min"), QStringLiteral("next_due"), QStringLiteral("recurrence"), QStringLiteral("preferred_start"),
         QStringLiteral("lead_days"), QStringLiteral("shift_on_miss"), QStringLiteral("seasonal_months")},
        {{QStringLiteral("skills"), QStringLiteral("maintenance_plan_skills"), QStringLiteral("plan_id"), QStringLiteral("skill_code")}},
        QT_TRANSLATE_NOOP("RecordWriter", "maintenance plan"),
        false,
        {},
        {QStringLiteral("shift_on_miss")},
        {QStringLiteral("interval_days"), QStringLiteral("duration_min"), QStringLiteral("lead_days")},
    };
    return spec;
}

const RecordSpec &alertThresholdsSpec()
{
    static const RecordSpec spec{QStringLiteral("alert_thresholds"),
                                 QStringLiteral("id"),
                                 {QStringLiteral("sla_horizon_hours"), QStringLiteral("on_time_grace_minutes"), QStringLiteral("lookback_hours"),
                                  QStringLiteral("overrun_grace_minutes"), QStringLiteral("silent_minutes"), QStringLiteral("unresolved_days")},
                                 {},
                                 QT_TRANSLATE_NOOP("RecordWriter", "alert thresholds")};
    return spec;
}

const RecordSpec &alertDismissalSpec()
{
    static const RecordSpec spec{QStringLiteral("alert_dismissals"), QStringLiteral("alert_key"),
                                 {QStringLiteral("reason"), QStringLiteral("dismissed_at")}, {},
                                 QT_TRANSLATE_NOOP("RecordWriter", "dismissed alert")};
    return spec;
}

const RecordSpec &timeEntrySpec()
{
    // Only what a review writes: the technician, work order and activity stay as entered.
    static const RecordSpec spec{
        QStringLiteral("time_entries"),
        QStringLiteral("id"),
        {QStringLiteral("start_at"), QStringLiteral("end_at"), QStringLiteral("billable"), QStringLiteral("comment"),
         QStringLiteral("review_state"), QStringLiteral("reviewed_by"), QStringLiteral("reviewed_at")},
        {},
        QT_TRANSLATE_NOOP("RecordWriter", "time entry"),
        true,
        {},
        {QStringLiteral("billable")},
    };
    return spec;
}

} // namespace fieldops::records
