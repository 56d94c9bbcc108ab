#pragma once
// What the connected role may do, as the server grants it, so the console can hide what
// would only be refused. The server still decides: this is a courtesy, never a guard.
#include "util/Result.h"

#include <QMetaType>

namespace fieldops {
class Database;

struct Permissions {
    bool editSchedule = false;  // appointments: assign, move, unassign, status, lock
    bool editContracts = false; // contracts, maintenance plans, assets, customers, sites
    bool editTargets = false;   // KPI targets
    bool manageUsers = false;   // fieldops-cli user add
    bool editWorkOrders = false; // open, change and cancel work orders (dispatchers, planners)
    bool editCustomers = false;  // customers, sites and assets (planners)
    bool editTechnicians = false; // technicians (admins)
    bool editAbsences = false;   // absences (dispatchers)
    bool reviewTime = false;     // approve and correct time entries (dispatchers)
    bool moveStock = false;      // transfer stock between warehouses and vans (dispatchers, planners)
    bool editReorderPoints = false; // a part's reorder point at a location (admins on PostgreSQL)

    static Permissions all() { return {true, true, true, true, true, true, true, true, true, true, true}; }
    static Permissions none() { return {}; }
    bool any() const
    {
        return editSchedule || editContracts || editTargets || manageUsers || editWorkOrders || editCustomers
            || editTechnicians || editAbsences || reviewTime || moveStock || editReorderPoints;
    }
    friend bool operator==(const Permissions &, const Permissions &) = default;
};

// On PostgreSQL from the current user's table and function privileges and role
// memberships (nothing on a read-only standby); on SQLite everything unless the file is
// read-only. Before the schema exists: what an empty database allows (init decides).
Result<Permissions> readPermissions(Database &db);

} // namespace fieldops

Q_DECLARE_METATYPE(fieldops::Permissions)
