#include "interchange/InterchangeSchema.h"

#include "domain/Vocabulary.h"

#include <QCoreApplication>

namespace fieldops::interchange {

namespace {

// Small builder so each file below reads like the table in the README's interchange section.
struct Col {
    ColumnSpec s;
    Col(const char *name, CellType type)
    {
        s.name = QString::fromLatin1(name);
        s.type = type;
        s.dbColumn = s.name;
    }
    Col &req() { s.required = true; return *this; }
    Col &db(const char *c) { s.dbColumn = QString::fromLatin1(c); return *this; }
    Col &noDb() { s.dbColumn.clear(); return *this; }
    Col &def(const QString &d) { s.defaultText = d; return *this; }
    Col &defTz() { s.defaultTimeZone = true; return *this; }
    Col &range(double lo, double hi) { s.min = lo; s.max = hi; return *this; }
    Col &atLeast(double lo) { s.min = lo; return *this; }
    Col &above(double lo) { s.min = lo; s.minExclusive = true; return *this; }
    Col &oneOf(const QStringList &v) { s.allowed = v; return *this; }
    Col &refers(RefKind k) { s.ref = k; return *this; }
    operator ColumnSpec() const { return s; }
};

QString l1(const char *s) { return QString::fromLatin1(s); }

QVector<FileSpec> buildSpecs()
{
    using T = CellType;
    using R = RefKind;
    namespace voc = fieldops::vocabulary;
    QVector<FileSpec> files;

    auto keyed = [](const char *file, const char *table, const char *key, R defines) {
        FileSpec f;
        f.fileName = l1(file);
        f.table = l1(table);
        f.keyColumn = l1(key);
        f.keyDbColumn = l1(key);
        f.defines = defines;
        f.uniqueColumns = {f.keyColumn};
        f.exportOrderBy = f.keyDbColumn;
        return f;
    };
    auto owned = [](const char *file, const char *table, const char *owner, const char *orderBy) {
        FileSpec f;
        f.fileName = l1(file);
        f.table = l1(table);
        f.ownerColumn = l1(owner);
        f.exportOrderBy = l1(orderBy);
        return f;
    };

    {
        FileSpec f = keyed("skills.csv", "skills", "code", R::Skill);
        f.columns = {Col("code", T::Id).req(), Col("name", T::Text)};
        files << f;
    }
    {
        FileSpec f = keyed("territories.csv", "territories", "id", R::Territory);
        f.columns = {Col("id", T::Id).req(), Col("name", T::Text)};
        files << f;
    }
    {
        // A territory's holiday calendar: the days its sites' contract clocks and plans stop on.
        FileSpec f = owned("holidays.csv", "holidays", "territory_id", "territory_id, day");
        f.uniqueColumns = {l1("territory_id"), l1("day")};
        f.columns = {
            Col("territory_id", T::Id).req().refers(R::Territory),
            Col("day", T::Date).req(),
            Col("name", T::Text),
        };
        files << f;
    }
    {
        FileSpec f = keyed("technicians.csv", "technicians", "id", R::Technician);
        f.joinLists = {{l1("skills"), l1("technician_skills"), l1("technician_id"), l1("skill_code")}};
        f.columns = {
            Col("id", T::Id).req(),
            Col("name", T::Text).req(),
            Col("employment", T::Enum).oneOf(voc::employmentTypes()).def(l1("employee")),
            Col("skills", T::SkillList).noDb().refers(R::Skill),
            Col("territory_id", T::Id).refers(R::Territory),
            Col("home_lat", T::Real).req().range(-90, 90),
            Col("home_lon", T::Real).req().range(-180, 180),
            Col("time_zone", T::TimeZone).defTz(),
            Col("shift_start", T::Clock).def(l1("08:00")),
            Col("shift_end", T::Clock).def(l1("17:00")),
            Col("work_days", T::WorkDays).def(l1("Mon;Tue;Wed;Thu;Fri")),
            Col("hourly_cost", T::Real).atLeast(0),
        };
        files << f;
    }
    {
        FileSpec f = owned("absences.csv", "absences", "technician_id", "technician_id, start_at, end_at, id");
        f.orderRules = {{l1("start"), l1("end")}};
        f.columns = {
            Col("technician_id", T::Id).req().refers(R::Technician),
            Col("start", T::Timestamp).req().db("start_at"),
            Col("end", T::Timestamp).req().db("end_at"),
            Col("reason", T::Text),
        };
        files << f;
    }
    {
        FileSpec f = keyed("customers.csv", "customers", "id", R::Customer);
        f.columns = {Col("id", T::Id).req(), Col("name", T::Text).req(), Col("phone", T::Text), Col("email", T::Text)};
        files << f;
    }
    {
        FileSpec f = keyed("sites.csv", "sites", "id", R::Site);
        f.columns = {
            Col("id", T::Id).req(),
            Col("customer_id", T::Id).req().refers(R::Customer),
            Col("name", T::Text),
            Col("address", T::Text),
            Col("lat", T::Real).req().range(-90, 90),
            Col("lon", T::Real).req().range(-180, 180),
            Col("time_zone", T::TimeZone).defTz(),
            Col("territory_id", T::Id).refers(R::Territory), // whose holidays apply to the site
        };
        files << f;
    }
    {
        FileSpec f = keyed("assets.csv", "assets", "id", R::Asset);
        f.columns = {
            Col("id", T::Id).req(),
            Col("site_id", T::Id).req().refers(R::Site),
            Col("serial", T::Text),
            Col("model", T::Text),
            Col("installed_on", T::Date),
            Col("warranty_until", T::Date),
        };
        files << f;
    }
    {
        FileSpec f = keyed("contracts.csv", "contracts", "id", R::Contract);
        f.orderRules = {{l1("starts_on"), l1("ends_on"), true}, {l1("coverage_open"), l1("coverage_close")}};
        f.joinLists = {{l1("covered_sites"), l1("contract_sites"), l1("contract_id"), l1("site_id")},
                       {l1("covered_assets"), l1("contract_assets"), l1("contract_id"), l1("asset_id")}};
        f.columns = {
            Col("id", T::Id).req(),
            Col("customer_id", T::Id).req().refers(R::Customer),
            Col("name", T::Text),
            Col("starts_on", T::Date).req(),
            Col("ends_on", T::Date).req(),
            Col("response_hours", T::Integer).above(0),
            Col("coverage", T::Enum).oneOf(voc::coverageKinds()).def(l1("business_hours")),
            // Schema 9: the covered days and hours (site time) and the holiday calendar.
            Col("coverage_days", T::WorkDays).def(l1("Mon;Tue;Wed;Thu;Fri")),
            Col("coverage_open", T::Clock).def(l1("08:00")),
            Col("coverage_close", T::ClosingClock).def(l1("18:00")),
            Col("holiday_territory_id", T::Id).refers(R::Territory),
            Col("response_hours_p1", T::Integer).above(0),
            Col("response_hours_p2", T::Integer).above(0),
            Col("response_hours_p3", T::Integer).above(0),
            Col("response_hours_p4", T::Integer).above(0),
            Col("resolution_hours_p1", T::Integer).above(0),
            Col("resolution_hours_p2", T::Integer).above(0),
            Col("resolution_hours_p3", T::Integer).above(0),
            Col("resolution_hours_p4", T::Integer).above(0),
            Col("fixed_fee", T::Real).atLeast(0),
            Col("fee_period", T::Enum).oneOf(voc::feePeriods()).def(l1("month")),
            Col("included_hours", T::Real).atLeast(0),
            Col("hourly_rate", T::Real).atLeast(0),
            Col("parts_included", T::Boolean).def(l1("0")),
            Col("notes", T::Text),
            Col("renewed_from", T::Id).refers(R::Contract),
            Col("covered_sites", T::SkillList).noDb().refers(R::Site),
            Col("covered_assets", T::SkillList).noDb().refers(R::Asset),
        };
        files << f;
    }
    {
        FileSpec f = keyed("maintenance_plans.csv", "maintenance_plans", "id", R::Plan);
        f.joinLists = {{l1("skills"), l1("maintenance_plan_skills"), l1("plan_id"), l1("skill_code")}};
        f.columns = {
            Col("id", T::Id).req(),
            Col("contract_id", T::Id).req().refers(R::Contract),
            Col("asset_id", T::Id).refers(R::Asset),
            Col("task", T::Text).req(),
            Col("interval_days", T::Integer).req().above(0),
            Col("duration_min", T::Integer).req().above(0),
            Col("skills", T::SkillList).noDb().refers(R::Skill),
            Col("next_due", T::Date).req(),
            // Schema 8: the recurrence rule and how occurrences are placed.
            Col("recurrence", T::Text),
            Col("preferred_start", T::Clock),
            Col("lead_days", T::Integer).range(0, 365).def(l1("0")),
            Col("shift_on_miss", T::Boolean).def(l1("0")),
            Col("seasonal_months", T::Text),
        };
        files << f;
    }
    {
        FileSpec f = keyed("work_orders.csv", "work_orders", "id", R::WorkOrder);
        f.joinLists = {{l1("required_skills"), l1("work_order_skills"), l1("work_order_id"), l1("skill_code")}};
        f.orderRules = {{l1("window_start"), l1("window_end")}};
        f.columns = {
            Col("id", T::Id).req(),
            Col("site_id", T::Id).req().refers(R::Site),
            Col("asset_id", T::Id).refers(R::Asset),
            Col("contract_id", T::Id).refers(R::Contract),
            Col("type", T::Enum).oneOf(voc::workOrderTypes()).def(l1("corrective")),
            Col("priority", T::Integer).range(1, 4).def(l1("3")),
            Col("required_skills", T::SkillList).noDb().refers(R::Skill),
            Col("duration_min", T::Integer).req().above(0),
            Col("window_start", T::Timestamp),
            Col("window_end", T::Timestamp),
            Col("created_at", T::Timestamp).req(),
            Col("sla_due", T::Timestamp),
            Col("status", T::Enum).oneOf(voc::workOrderStatuses()).def(l1("open")),
            Col("summary", T::Text), // beyond §1: the console's one-line description
            Col("description", T::Text), // beyond §1: what the customer reported, at length
            Col("pm_plan_id", T::Id).refers(R::Plan), // the plan a preventive work order was generated from
            Col("pm_due", T::Date),                   // and the occurrence it stands for
            Col("response_due", T::Timestamp),
            Col("follow_up_of", T::Id).refers(R::WorkOrder), // the work order this one is the return visit of
        };
        files << f;
    }
    {
        FileSpec f = keyed("appointments.csv", "appointments", "id", R::None);
        f.orderRules = {{l1("start"), l1("end")}};
        f.columns = {
            Col("id", T::Id).req(),
            Col("work_order_id", T::Id).req().refers(R::WorkOrder),
            Col("technician_id", T::Id).req().refers(R::Technician),
            Col("start", T::Timestamp).req().db("start_at"),
            Col("end", T::Timestamp).req().db("end_at"),
            Col("status", T::Enum).oneOf(voc::appointmentStatuses()).def(l1("scheduled")),
            Col("arrived_at", T::Timestamp),
            Col("completed_at", T::Timestamp),
            Col("resolved", T::Boolean).def(l1("0")),
            Col("locked", T::Boolean).def(l1("0")), // beyond §1: pinned by the dispatcher
            // How the visit ended, as the field gateway reports it (fieldops-cli ingest).
            Col("departed_at", T::Timestamp),
            Col("outcome_reason", T::Enum).oneOf(voc::outcomeReasons()),
            Col("outcome_notes", T::Text),
            Col("signed_by", T::Text),
        };
        files << f;
    }
    {
        FileSpec f = owned("ratings.csv", "ratings", "work_order_id", "work_order_id, rated_at, score, id");
        f.columns = {
            Col("work_order_id", T::Id).req().refers(R::WorkOrder),
            Col("score", T::Integer).req().range(1, 5),
            Col("comment", T::Text),
            Col("rated_at", T::Timestamp),
        };
        files << f;
    }
    {
        FileSpec f = owned("time_entries.csv", "time_entries", "technician_id", "technician_id, start_at, end_at, id");
        f.orderRules = {{l1("start"), l1("end")}};
        f.columns = {
            Col("technician_id", T::Id).req().refers(R::Technician),
            Col("work_order_id", T::Id).req().refers(R::WorkOrder),
            Col("start", T::Timestamp).req().db("start_at"),
            Col("end", T::Timestamp).req().db("end_at"),
            Col("billable", T::Boolean).def(l1("1")),
            Col("activity", T::Text),
            Col("comment", T::Text),
        };
        files << f;
    }
    {
        FileSpec f = keyed("parts.csv", "parts", "sku", R::Part);
        f.columns = {Col("sku", T::Id).req(), Col("name", T::Text).req(), Col("unit_cost", T::Real).atLeast(0)};
        files << f;
    }
    {
        FileSpec f = owned("stock.csv", "stock", "sku", "sku, location");
        f.uniqueColumns = {l1("sku"), l1("location")};
        f.columns = {
            Col("sku", T::Id).req().refers(R::Part),
            Col("location", T::StockLocation).req(),
            Col("quantity", T::Real).req(),
            Col("min_quantity", T::Real).atLeast(0).def(l1("0")), // the reorder point there
        };
        files << f;
    }
    {
        // The parts a work order needs, and where each is reserved for it (empty: nowhere).
        FileSpec f = owned("work_order_parts.csv", "work_order_parts", "work_order_id", "work_order_id, sku");
        f.uniqueColumns = {l1("work_order_id"), l1("sku")};
        f.columns = {
            Col("work_order_id", T::Id).req().refers(R::WorkOrder),
            Col("sku", T::Id).req().refers(R::Part),
            Col("quantity", T::Real).req().above(0),
            Col("reserved_location", T::StockLocation),
        };
        files << f;
    }
    {
        FileSpec f = owned("positions.csv", "positions", "technician_id", "technician_id, at, id");
        f.columns = {
            Col("technician_id", T::Id).req().refers(R::Technician),
            Col("at", T::Timestamp).req(),
            Col("lat", T::Real).req().range(-90, 90),
            Col("lon", T::Real).req().range(-180, 180),
            Col("speed_kmh", T::Real).atLeast(0),
            Col("heading_deg", T::Real).range(0, 360),
            Col("accuracy_m", T::Real).atLeast(0), // the phone's own estimate of its error, in metres
        };
        files << f;
    }
    {
        // Asset readings as the field gateway sends them (fieldops-cli ingest); the hourly
        // sums are not a file of their own but rebuilt from these on import.
        FileSpec f = owned("readings.csv", "asset_readings", "asset_id", "asset_id, kind, at, id");
        f.columns = {
            Col("asset_id", T::Id).req().refers(R::Asset),
            Col("at", T::Timestamp).req(),
            Col("kind", T::Id).req(),
            Col("value", T::Real).req(),
            Col("unit", T::Text),
            Col("source", T::Text),
        };
        files << f;
    }
    return files;
}

} // namespace

int FileSpec::indexOf(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

const ColumnSpec *FileSpec::column(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &columns.at(i);
}

QStringList FileSpec::dbColumns() const
{
    QStringList out;
    for (const ColumnSpec &c : columns) {
        if (!c.dbColumn.isEmpty())
            out << c.dbColumn;
    }
    return out;
}

const JoinList *FileSpec::joinList(const QString &name) const
{
    for (const JoinList &j : joinLists)
        if (j.column == name)
            return &j;
    return nullptr;
}

const QVector<FileSpec> &interchangeFiles()
{
    static const QVector<FileSpec> files = buildSpecs();
    return files;
}

const FileSpec *fileSpec(const QString &fileName)
{
    for (const FileSpec &f : interchangeFiles()) {
        if (f.fileName == fileName)
            return &f;
    }
    return nullptr;
}

QString refKindName(RefKind kind)
{
    switch (kind) {
    case RefKind::Skill: return QCoreApplication::translate("interchange", "skill");
    case RefKind::Territory: return QCoreApplication::translate("interchange", "territory");
    case RefKind::Technician: return QCoreApplication::translate("interchange", "technician");
    case RefKind::Customer: return QCoreApplication::translate("interchange", "customer");
    case RefKind::Site: return QCoreApplication::translate("interchange", "site");
    case RefKind::Asset: return QCoreApplication::translate("interchange", "asset");
    case RefKind::Contract: return QCoreApplication::translate("interchange", "contract");
    case RefKind::Plan: return QCoreApplication::translate("interchange", "maintenance plan");
    case RefKind::WorkOrder: return QCoreApplication::translate("interchange", "work order");
    case RefKind::Part: return QCoreApplication::translate("interchange", "part");
    case RefKind::None: break;
    }
    return {};
}

} // namespace fieldops::interchange
