#pragma once
// When a contract's response time runs out: wall-clock hours for 24x7 coverage,
// business hours (Mon–Fri 08:00–18:00 São Paulo time) otherwise.
#include "demo/DemoTime.h"

namespace fieldops::demo {

inline constexpr int kBusinessOpenMin = 8 * 60;
inline constexpr int kBusinessCloseMin = 18 * 60;

Instant slaDue(const LocalClock &clock, Instant created, int responseHours, bool allHours);

} // namespace fieldops::demo
