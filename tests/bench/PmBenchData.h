#pragma once
// The maintenance plans the preventive-work benchmarks run on: 20,000 plans by default
// (weekly, monthly on the 31st and on the last Friday, quarterly in season, every 90 and 365
// days; half with a preferred local start; holidays in every territory), ten plans a site,
// ten sites a customer, sites spread over ten territories t1 … t10.
#include "storage/Database.h"

#include <QDate>
#include <QStringList>

namespace fieldops::bench {

constexpr int kPlansPerSite = 10;
constexpr int kSitesPerCustomer = 10;
constexpr int kTerritories = 10;

inline Status exec(Database &db, QSqlQuery &q, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    return db.exec(q);
}

inline Status fillMaintenancePlans(Database &db, int plans)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    if (Status s = db.execDirect(QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('elec', 'Electrical')")); !s)
        return s;
    auto territory = db.prepare(QStringLiteral("INSERT INTO territories(id, name) VALUES (?, ?)"));
    auto holiday = db.prepare(QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES (?, ?, ?)"));
    auto customer = db.prepare(QStringLiteral("INSERT INTO customers(id, name) VALUES (?, ?)"));
    auto contract = db.prepare(QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) "
                                              "VALUES (?, ?, ?, '2026-01-01', '2027-12-31', ?, ?)"));
    auto site = db.prepare(QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone, territory_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    auto asset = db.prepare(QStringLiteral("INSERT INTO assets(id, site_id) VALUES (?, ?)"));
    auto plan = db.prepare(QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, "
                                          "recurrence, preferred_start, seasonal_months, shift_on_miss) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto skill = db.prepare(QStringLiteral("INSERT INTO maintenance_plan_skills(plan_id, skill_code) VALUES (?, ?)"));
    for (auto *q : {&territory, &holiday, &customer, &contract, &site, &asset, &plan, &skill})
        if (!*q)
            return q->error();
    const QStringList holidays{QStringLiteral("2026-01-01"), QStringLiteral("2026-02-16"), QStringLiteral("2026-02-17"), QStringLiteral("2026-04-03"),
                               QStringLiteral("2026-04-21"), QStringLiteral("2026-05-01"), QStringLiteral("2026-06-04")};
    for (int t = 0; t < kTerritories; ++t) {
        const QString id = QStringLiteral("t%1").arg(t + 1);
        if (Status s = exec(db, *territory, {id, QStringLiteral("Territory %1").arg(t + 1)}); !s)
            return s;
        for (const QString &h : holidays)
            if (Status s = exec(db, *holiday, {id, h, QStringLiteral("Holiday")}); !s)
                return s;
    }
    const int sites = (plans + kPlansPerSite - 1) / kPlansPerSite;
    const int customers = (sites + kSitesPerCustomer - 1) / kSitesPerCustomer;
    const bool pg = db.isPostgres();
    for (int c = 0; c < customers; ++c) {
        const QString id = QStringLiteral("c%1").arg(c + 1);
        if (Status s = exec(db, *customer, {id, QStringLiteral("Customer %1").arg(c + 1)}); !s)
            return s;
        if (Status s = exec(db, *contract, {QStringLiteral("k%1").arg(c + 1), id, QStringLiteral("Plan contract"), c % 3 == 0 ? 4 : 8,
                                            c % 3 == 0 ? QStringLiteral("24x7") : QStringLiteral("business_hours")});
            !s)
            return s;
    }
    for (int i = 0; i < sites; ++i) {
        const QString zone = i % 4 == 0 ? QStringLiteral("America/New_York") : QStringLiteral("America/Sao_Paulo");
        if (Status s = exec(db, *site, {QStringLiteral("s%1").arg(i + 1), QStringLiteral("c%1").arg(i / kSitesPerCustomer + 1),
                                        QStringLiteral("Site %1").arg(i + 1), -23.5 - (i % 100) * 0.001, -46.6 - (i / 100) * 0.001, zone,
                                        QStringLiteral("t%1").arg(i % kTerritories + 1)});
            !s)
            return s;
    }
    for (int i = 0; i < plans; ++i) {
        const QString id = QStringLiteral("p%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        const QString assetId = QStringLiteral("a%1").arg(i + 1);
        const int siteIndex = i / kPlansPerSite;
        if (Status s = exec(db, *asset, {assetId, QStringLiteral("s%1").arg(siteIndex + 1)}); !s)
            return s;
        // Empty text, not NULL: the columns are NOT NULL with '' meaning "none".
        QString rule = QStringLiteral("");
        QString months = QStringLiteral("");
        int interval = 30;
        switch (i % 10) {
        case 0: rule = QStringLiteral("every 1 weeks on Mon"); interval = 7; break;
        case 1: case 2: case 3: rule = QStringLiteral("every 1 months on day 31"); break;
        case 4: case 5: rule = QStringLiteral("every 1 months on last Fri"); break;
        case 6: case 7: interval = 90; break; // the old form: every interval_days from next_due
        case 8: rule = QStringLiteral("every 3 months on day 15"); months = QStringLiteral("3;4;5;6;7;8"); break;
        default: interval = 365; break;
        }
        const QVariant start = i % 2 == 0 ? QVariant(QStringLiteral("08:00")) : QVariant(QMetaType::fromType<QString>());
        if (Status s = exec(db, *plan, {id, QStringLiteral("k%1").arg(siteIndex / kSitesPerCustomer + 1), assetId, QStringLiteral("Service %1").arg(i % 7 + 1),
                                        interval, 30 + (i % 4) * 15, QDate(2026, 1, 1).addDays(i % 60).toString(Qt::ISODate), rule, start, months,
                                        pg ? QVariant(i % 50 == 0) : QVariant(i % 50 == 0 ? 1 : 0)});
            !s)
            return s;
        if (Status s = exec(db, *skill, {id, i % 3 == 0 ? QStringLiteral("elec") : QStringLiteral("hvac")}); !s)
            return s;
    }
    return tx.commit();
}


} // namespace fieldops::bench
