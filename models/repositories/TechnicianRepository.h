#pragma once
// Technicians as the console lists them (board rows, pickers, the inspector). Prepared
// statements only; skills come from the link table so a technician's list is complete.
#include "domain/Entities.h"
#include "util/Result.h"

#include <vector>

namespace fieldops {
class Database;

class TechnicianRepository {
public:
    explicit TechnicianRepository(Database &db) : m_db(db) {}
    // Every technician, by name then id.
    Result<std::vector<Technician>> list();

private:
    Database &m_db;
};

} // namespace fieldops
