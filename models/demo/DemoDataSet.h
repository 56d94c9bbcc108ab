#pragma once
// Everything the seeder will write, held in memory first so generation (pure, seeded)
// and writing (batched SQL in one transaction) stay separate and each testable. Rows
// refer to each other by index; ids are the text the database will hold.
#include "conditions/ConditionRule.h"
#include "demo/DemoTime.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fieldops::demo {

struct TechnicianRow {
    QString id;
    QString name;
    QString employment;
    int territory = 0;
    std::vector<int> skills; // catalogue skill indexes, main trade first
    double homeLat = 0, homeLon = 0;
    int shiftStartMin = 8 * 60, shiftEndMin = 17 * 60; // local minutes of day
    quint8 workDayMask = 0x1F;                          // bit 0 = Monday … bit 6 = Sunday
    double hourlyCost = 0;
    double quality = 0.5; // 0…1: how good this technician is (fixes, punctuality, ratings)
    // The on-call crew (DemoWorkforce): nights and weekend days, emergency call-outs on
    // 24×7 contracts only. A shift ending before it starts runs past midnight.
    bool onCall = false;
    std::vector<bool> absentDay; // indexed by day offset from the first simulated day
};

struct AbsenceRow {
    int technician;
    Instant start, end;
    QString reason;
};

struct CustomerRow {
    QString id;
    QString name;
    QString phone;
    QString email;
    int kind = 0;
    int territory = 0;
    int contract = -1;
};

// A person at a customer's office the dispatcher may call.
struct ContactRow {
    int customer = 0; // index into customers
    QString name;
    QString role;
    QString phone;
    QString email;
};

struct SiteRow {
    QString id;
    int customer;
    QString name;
    QString address;
    double lat, lon;
    int territory;
};

struct AssetRow {
    QString id;
    int site;
    QString serial;
    QString model;
    QDate installedOn;
    QDate warrantyUntil;
    int skill;
};

struct ContractRow {
    QString id;
    int customer;
    QString name;
    QDate startsOn, endsOn;
    int responseHours; // > 0
    bool allHours;     // 24x7, else business hours
    double monthlyFee = 0;
    double includedHours = 0; // per month
    double hourlyRate = 0;
};

struct PlanRow {
    QString id;
    int contract;
    int asset;
    int task; // index into preventiveTasks()
    int intervalDays;
    int durationMin;
    int skill;
    int phase;     // occurrences fall on day offsets ≡ phase (mod intervalDays)
    QDate nextDue; // first occurrence after the simulated horizon
};

struct WorkOrderRow {
    QString id;
    int site;
    int asset = -1;
    int contract = -1;
    QString type;
    int priority = 3;
    int skill = 0;
    int secondSkill = -1;
    int durationMin = 60;
    Instant windowStart = kNoInstant, windowEnd = kNoInstant;
    Instant createdAt = kNoInstant;
    Instant slaDue = kNoInstant;
    QString status;
    QString summary;
};

struct AppointmentRow {
    QString id;
    int workOrder;
    int technician;
    Instant start, end;
    QString status;
    Instant arrivedAt = kNoInstant, completedAt = kNoInstant;
    bool resolved = false;
    // When the technician drove off (completed visits): in time for the next visit's drive,
    // not before the work ended.
    Instant departedAt = kNoInstant;
};

struct RatingRow {
    int workOrder;
    int score;
    QString comment;
    Instant ratedAt;
};

struct TimeEntryRow {
    int technician;
    int workOrder;
    Instant start, end;
    bool billable;
    QString activity;
    QString comment;
};

struct StockRow {
    int part; // index into parts()
    QString location;
    double quantity;
    double minQuantity = 0; // the reorder point
};

// A part a work order needs (DemoFleet): part indexes parts().
struct WorkOrderPartRow {
    int workOrder;
    int part;
    double quantity;
};

struct PositionRow {
    int technician;
    Instant at;
    double lat, lon;
    double speedKmh;
    double headingDeg; // < 0: unknown (stationary)
};

// One reading of a connected unit (DemoSensors): profile indexes sensorProfiles().
struct ReadingRow {
    int asset;
    Instant at;
    int profile;
    double value;
};

struct DemoDataSet {
    std::vector<TechnicianRow> technicians;
    std::vector<AbsenceRow> absences;
    std::vector<CustomerRow> customers;
    std::vector<ContactRow> contacts;
    std::vector<SiteRow> sites;
    std::vector<AssetRow> assets;
    std::vector<ContractRow> contracts;
    std::vector<PlanRow> plans;
    std::vector<WorkOrderRow> workOrders;
    std::vector<AppointmentRow> appointments;
    std::vector<RatingRow> ratings;
    std::vector<TimeEntryRow> timeEntries;
    std::vector<StockRow> stock;
    std::vector<WorkOrderPartRow> workOrderParts;
    std::vector<PositionRow> positions;
    std::vector<conditions::ConditionRule> conditionRules;
    std::vector<ReadingRow> readings;
};

// The simulated calendar: day offsets run from -historyDays (the first simulated day)
// to +futureDays; `now` is a fixed local time on `today`, so the result never depends on
// the wall clock.
struct DemoCalendar {
    QDate today;
    int historyDays = 90;
    int futureDays = 5;
    Instant now = 0;
    QDate dateAt(int offset) const { return today.addDays(offset); }
    int dayCount() const { return historyDays + futureDays + 1; }
    int indexOf(int offset) const { return offset + historyDays; }
};

// Zero-padded ids of a width that fits `count`, so text order is creation order.
inline QString makeId(const char *prefix, int n, int count)
{
    int width = 3;
    for (int c = count; c >= 1000; c /= 10)
        ++width;
    return QLatin1String(prefix) + QString::number(n).rightJustified(width, QLatin1Char('0'));
}

} // namespace fieldops::demo
