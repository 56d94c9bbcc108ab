#include "demo/DemoSeeder.h"

#include "demo/DemoGenerator.h"
#include "demo/DemoGeography.h"
#include "demo/DemoWriter.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace fieldops {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DemoSeeder)
};

Error cancelled()
{
    return Error{Error::Kind::Cancelled, Text::tr("Seeding cancelled; nothing was written."), {}};
}

DemoSummary summarise(const demo::DemoDataSet &data, const demo::DemoCalendar &cal)
{
    DemoSummary s;
    s.technicians = int(data.technicians.size());
    s.customers = int(data.customers.size());
    s.sites = int(data.sites.size());
    s.workOrders = int(data.workOrders.size());
    s.appointments = int(data.appointments.size());
    s.assets = int(data.assets.size());
    s.contracts = int(data.contracts.size());
    s.plans = int(data.plans.size());
    for (const demo::WorkOrderRow &w : data.workOrders)
        s.openWorkOrders += w.status == QLatin1String("open") ? 1 : 0;
    s.ratings = int(data.ratings.size());
    s.timeEntries = int(data.timeEntries.size());
    s.absences = int(data.absences.size());
    s.positions = int(data.positions.size());
    s.rows = demo::rowCount(data);
    s.today = cal.today;
    return s;
}

} // namespace

DemoOptions demoOptionsAt(const QDateTime &instant)
{
    const QDateTime local = instant.toTimeZone(QTimeZone(demo::kTimeZone));
    DemoOptions o;
    o.today = local.date();
    o.nowLocal = QTime(local.time().hour(), local.time().minute());
    return o;
}

Status DemoSeeder::validate(const DemoOptions &o)
{
    if (o.technicians < 1 || o.technicians > 5000)
        return Error::invalid(Text::tr("the number of technicians must be between 1 and 5000"));
    if (o.days < 0 || o.days > 3650)
        return Error::invalid(Text::tr("the days of history must be between 0 and 3650"));
    if (o.futureDays < 0 || o.futureDays > 60)
        return Error::invalid(Text::tr("the days ahead must be between 0 and 60"));
    if (o.customers < 1 || o.customers > 200000)
        return Error::invalid(Text::tr("the number of customers must be between 1 and 200000"));
    if (!o.nowLocal.isValid())
        return Error::invalid(Text::tr("the demo's current time is not a valid clock time"));
    return {};
}

Result<DemoSummary> DemoSeeder::seed(const DemoOptions &options, const Progress &progress)
{
    if (Status s = validate(options); !s)
        return s.error();

    // Demo rows next to real ones would be a mess nobody can untangle: empty databases only.
    auto existing = m_db.scalar(QStringLiteral(
        "SELECT (SELECT count(*) FROM technicians) + (SELECT count(*) FROM customers) + (SELECT count(*) FROM work_orders)"));
    if (!existing)
        return existing.error();
    if (existing->toLongLong() > 0)
        return Error::other(Text::tr("the database already holds technicians, customers or work orders; "
                               "demo data goes into an empty database only"));

    const auto report = [&](int percent, const char *stage) {
        return !progress || progress(percent, Text::tr(stage));
    };

    demo::DemoDataSet data;
    const demo::DemoCalendar cal = demo::demoCalendar(options);
    if (!demo::generateDemo(options, data, [&](int p) { return report(p * 30 / 100, QT_TRANSLATE_NOOP("DemoSeeder", "Generating the demo operation")); }))
        return cancelled();

    // A seed rewrites the same index pages over and over; with SQLite's default 2 MB page
    // cache they spill to the WAL again and again. A bigger cache for this one
    // connection, for the seed only.
    struct CacheSize {
        Database &db;
        QVariant before;
        explicit CacheSize(Database &d) : db(d)
        {
            if (db.isPostgres())
                return;
            auto v = db.scalar(QStringLiteral("PRAGMA cache_size"));
            if (v && db.execDirect(QStringLiteral("PRAGMA cache_size = -262144")).ok())
                before = *v;
        }
        ~CacheSize()
        {
            if (before.isValid())
                (void)db.execDirect(QStringLiteral("PRAGMA cache_size = %1").arg(before.toLongLong()));
        }
    } cacheSize(m_db);

    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    Status written = demo::writeDataSet(m_db, data, [&](int p) {
        return report(30 + p * 69 / 100, QT_TRANSLATE_NOOP("DemoSeeder", "Writing the demo data"));
    });
    if (!written)
        return written.error();
    if (!report(99, QT_TRANSLATE_NOOP("DemoSeeder", "Saving")))
        return cancelled();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (progress)
        progress(100, Text::tr("Done"));
    return summarise(data, cal);
}

} // namespace fieldops
