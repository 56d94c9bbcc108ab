#pragma once
// Plain value types for every entity of the README's CSV interchange. Times are UTC QDateTime;
// optional columns are std::optional so "empty" and "zero" never get confused.
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTime>
#include <optional>

namespace fieldops {

struct Skill {
    QString code;
    QString name;
};

struct Territory {
    QString id;
    QString name;
    int version = 1;
};

struct Technician {
    QString id;
    QString name;
    QString employment = QStringLiteral("employee"); // employee | part_time | contractor
    QStringList skills;
    QString territoryId;
    double homeLat = 0;
    double homeLon = 0;
    QString timeZone = QStringLiteral("UTC");
    QTime shiftStart{8, 0};
    QTime shiftEnd{17, 0};
    QStringList workDays{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"),
                         QStringLiteral("Thu"), QStringLiteral("Fri")};
    std::optional<double> hourlyCost;
    // Deactivated technicians keep their history (visits, ratings) but take no new work.
    bool active = true;
    int version = 1;
};

struct Absence {
    qint64 rowId = 0;
    QString technicianId;
    QDateTime start;
    QDateTime end;
    QString reason;
};

struct Customer {
    QString id;
    QString name;
    QString phone;
    QString email;
    int version = 1;
};

struct Site {
    QString id;
    QString customerId;
    QString name;
    QString address;
    double lat = 0;
    double lon = 0;
    QString timeZone;
    int version = 1;
};

struct Asset {
    QString id;
    QString siteId;
    QString serial;
    QString model;
    QDate installedOn;
    QDate warrantyUntil;
    int version = 1;
};

struct Contract {
    QString id;
    QString customerId;
    QString name;
    QDate startsOn;
    QDate endsOn;
    std::optional<int> responseHours;
    QString coverage = QStringLiteral("business_hours"); // 24x7 | business_hours
    int version = 1;
};

struct MaintenancePlan {
    QString id;
    QString contractId;
    QString assetId;
    QString task;
    int intervalDays = 0;
    int durationMin = 0;
    QStringList skills;
    QDate nextDue;
    int version = 1;
};

struct WorkOrder {
    QString id;
    QString siteId;
    QString assetId;
    QString contractId;
    QString type = QStringLiteral("corrective"); // install | corrective | preventive | inspection
    int priority = 3;                             // 1 urgent … 4 low
    QStringList requiredSkills;
    int durationMin = 60;
    QDateTime windowStart;
    QDateTime windowEnd;
    QDateTime createdAt;
    QDateTime slaDue;
    QString status = QStringLiteral("open"); // open | scheduled | in_progress | done | cancelled
    QString summary;
    int version = 1;
};

struct Appointment {
    QString id;
    QString workOrderId;
    QString technicianId;
    QDateTime start;
    QDateTime end;
    QString status = QStringLiteral("scheduled"); // tentative | scheduled | en_route | on_site | completed | cancelled
    QDateTime arrivedAt;
    QDateTime completedAt;
    bool resolved = false;
    bool locked = false;
    int version = 1;
};

struct Rating {
    qint64 rowId = 0;
    QString workOrderId;
    int score = 0;
    QString comment;
    QDateTime ratedAt;
};

struct TimeEntry {
    qint64 rowId = 0;
    QString technicianId;
    QString workOrderId;
    QDateTime start;
    QDateTime end;
    bool billable = true;
    QString activity;
    QString comment;
};

struct Part {
    QString sku;
    QString name;
    std::optional<double> unitCost;
    int version = 1;
};

struct StockLevel {
    QString sku;
    QString location; // warehouse:<id> | van:<technician_id>
    double quantity = 0;
};

struct Position {
    qint64 rowId = 0;
    QString technicianId;
    QDateTime at;
    double lat = 0;
    double lon = 0;
    std::optional<double> speedKmh;
    std::optional<double> headingDeg;
};

} // namespace fieldops
