#pragma once
// Fills a database with a deterministic demo operation (a real metro area: São Paulo):
// technicians in territories with skills, shifts and employment types, customers, sites,
// assets, contracts with preventive plans, 90 days of history so every KPI has values,
// today's and the next days' queue, latest positions. Same seed and `today` → same rows.
#include "util/Result.h"

#include <QDate>
#include <QString>
#include <functional>

namespace fieldops {
class Database;

struct DemoOptions {
    int technicians = 60;
    int days = 90;      // days of history before `today`
    int futureDays = 5; // queue and schedule after `today`
    int customers = 2000;
    quint32 seed = 1;
    QDate today; // null → the current local date
};

struct DemoSummary {
    int technicians = 0;
    int customers = 0;
    int sites = 0;
    int workOrders = 0;
    int appointments = 0;
};

class DemoSeeder {
public:
    explicit DemoSeeder(Database &db) : m_db(db) {}
    // progress(percent, stage) is called now and then; returning false cancels (nothing
    // is written: the whole seed is one transaction).
    using Progress = std::function<bool(int percent, const QString &stage)>;
    Result<DemoSummary> seed(const DemoOptions &options, const Progress &progress = {});

private:
    Database &m_db;
};

} // namespace fieldops
