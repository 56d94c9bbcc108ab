#pragma once
// The contact persons of the demo's customers: one or two each (the caretaker or building
// manager, maintenance, purchasing), with a mobile number and a mailbox at the customer's
// domain. Drawn from a random stream of their own, so adding them changed no other row.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

namespace fieldops::demo {

void generateContacts(DemoRandom &rng, DemoDataSet &data);

} // namespace fieldops::demo
