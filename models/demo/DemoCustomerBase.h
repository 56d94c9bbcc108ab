#pragma once
// The customers: companies of many kinds with sites in real neighbourhoods, their
// equipment (only trades some technician can serve), maintenance contracts with SLA
// terms, and preventive plans for the covered equipment.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

namespace fieldops::demo {

// `servable[skill]`: at least one technician holds the skill.
void generateCustomerBase(DemoRandom &rng, const DemoCalendar &cal, int count, const std::vector<bool> &servable,
                          DemoDataSet &data);

// Whether the contract covers `date`.
inline bool contractActive(const ContractRow &c, const QDate &date) { return c.startsOn <= date && date <= c.endsOn; }

} // namespace fieldops::demo
