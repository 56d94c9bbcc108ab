#include "planning/PmWorkOrderWriter.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"
#include "workorders/WorkOrderIntake.h"

namespace fieldops::planning {

namespace {

// Far below both backends' limits on bound parameters per statement.
constexpr qsizetype kRowsPerStatement = 100;

QString placeholders(qsizetype rows, qsizetype columns)
{
    QStringList marks(columns, QStringLiteral("?"));
    const QString row = QStringLiteral("(%1)").arg(marks.join(QStringLiteral(", ")));
    return QStringList(rows, row).join(QStringLiteral(", "));
}

records::RecordValues valuesOf(const PmNewWorkOrder &o, const QDateTime &createdAt)
{
    workorders::WorkOrderDraft d;
    d.id = o.id;
    d.siteId = o.siteId;
    d.assetId = o.assetId;
    d.contractId = o.contractId;
    d.type = QStringLiteral("preventive");
    d.priority = 3;
    d.requiredSkills = o.skills;
    d.durationMin = o.durationMin;
    d.windowStart = o.windowStart;
    d.windowEnd = o.windowEnd;
    d.createdAt = createdAt;
    d.slaDue = o.slaDue;
    d.status = QStringLiteral("open");
    d.summary = o.summary;
    d.description = o.description;
    d.cancelReason = QStringLiteral("");
    records::RecordValues v = workorders::WorkOrderIntake::values(d);
    v.insert(QStringLiteral("pm_plan_id"), o.planId);
    v.insert(QStringLiteral("pm_due"), timefmt::toSql(o.occurrence));
    return v;
}

} // namespace

const records::RecordSpec &preventiveWorkOrderSpec()
{
    static const records::RecordSpec spec = [] {
        records::RecordSpec s = records::workOrderSpec();
        s.columns << QStringLiteral("pm_plan_id") << QStringLiteral("pm_due");
        return s;
    }();
    return spec;
}

Status writePreventiveWorkOrders(Database &db, const QVector<PmNewWorkOrder> &orders, const QDateTime &createdAt)
{
    const records::RecordSpec &spec = preventiveWorkOrderSpec();
    const records::ChildList &skills = spec.children.front();
    const QString insertRows = QStringLiteral("INSERT INTO %1(%2, %3, version) VALUES ")
                                   .arg(spec.table, spec.keyColumn, spec.columns.join(QStringLiteral(", ")));
    for (qsizetype first = 0; first < orders.size(); first += kRowsPerStatement) {
        const qsizetype count = std::min(kRowsPerStatement, orders.size() - first);
        QVariantList binds;
        QVariantList skillBinds;
        for (qsizetype i = first; i < first + count; ++i) {
            const records::RecordValues v = valuesOf(orders[i], createdAt);
            binds << orders[i].id;
            for (const QString &c : spec.columns)
                binds << v.value(c);
            for (const QString &code : v.value(skills.field).toStringList())
                skillBinds << orders[i].id << code;
        }
        // The version column is the literal 1 of every new record.
        QString sql = insertRows + placeholders(count, spec.columns.size() + 1);
        sql.replace(QStringLiteral("?)"), QStringLiteral("?, 1)"));
        auto q = db.run(sql, binds);
        if (!q)
            return q.error();
        q->finish();
        if (!skillBinds.isEmpty()) {
            auto s = db.run(QStringLiteral("INSERT INTO %1(%2, %3) VALUES ").arg(skills.table, skills.ownerColumn, skills.valueColumn)
                                + placeholders(skillBinds.size() / 2, 2),
                            skillBinds);
            if (!s)
                return s.error();
            s->finish();
        }
    }
    return {};
}

} // namespace fieldops::planning
