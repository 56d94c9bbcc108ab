#pragma once
// Fills a database with a deterministic demo operation (a real metro area: São Paulo):
// technicians in territories with skills, shifts and employment types, customers, sites,
// assets, contracts with preventive plans, 90 days of history so every KPI has values,
// today's and the next days' queue, latest positions. Same seed and `today` → same rows.
#include "util/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
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
    // The demo's "now" on `today`, São Paulo time: visits before it are done, one may be
    // under way, later ones are planned. Fixed (not the wall clock) so seeds reproduce.
    QTime nowLocal{10, 0};
};

// The demo as of `instant`: `today` and `nowLocal` are that instant's date and time in the
// demo's city, so everything before it has happened (visits done, queue created, last
// positions) and nothing after it has. The console seeds its demo this way; the CLI keeps
// the fixed 10:00 unless --now says otherwise, so its seeds reproduce.
DemoOptions demoOptionsAt(const QDateTime &instant);

struct DemoSummary {
    int technicians = 0;
    int customers = 0;
    int sites = 0;
    int workOrders = 0;
    int appointments = 0;
    int assets = 0;
    int contracts = 0;
    int plans = 0;
    int openWorkOrders = 0; // status open: the dispatchers' unassigned queue
    int ratings = 0;
    int timeEntries = 0;
    int absences = 0;
    int positions = 0;
    qint64 rows = 0; // every row written, all tables
    QDate today;
};

class DemoSeeder {
public:
    explicit DemoSeeder(Database &db) : m_db(db) {}
    // progress(percent, stage) is called now and then; returning false cancels (nothing
    // is written: the whole seed is one transaction).
    using Progress = std::function<bool(int percent, const QString &stage)>;
    // Refuses (Error::Kind::Other, nothing written) a database that already holds
    // technicians, customers or work orders; Error::Kind::Invalid for options out of range.
    Result<DemoSummary> seed(const DemoOptions &options, const Progress &progress = {});
    static Status validate(const DemoOptions &options);

private:
    Database &m_db;
};

} // namespace fieldops
