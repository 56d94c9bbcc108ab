#include "records/RecordSpec.h"

namespace fieldops::records {

bool RecordSpec::isWritable(const QString &field) const { return columns.contains(field) || child(field); }

const ChildList *RecordSpec::child(const QString &field) const
{
    for (const ChildList &c : children)
        if (c.field == field)
            return &c;
    return nullptr;
}

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
          QStringLiteral("skill_code")}},
        QT_TRANSLATE_NOOP("RecordWriter", "work order"),
    };
    return spec;
}

const RecordSpec &appointmentStatusSpec()
{
    static const RecordSpec spec{QStringLiteral("appointments"), QStringLiteral("id"), {QStringLiteral("status")}, {},
                                 QT_TRANSLATE_NOOP("RecordWriter", "visit")};
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
                                  QStringLiteral("lon"), QStringLiteral("time_zone")},
                                 {}, QT_TRANSLATE_NOOP("RecordWriter", "site")};
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

} // namespace fieldops::records
