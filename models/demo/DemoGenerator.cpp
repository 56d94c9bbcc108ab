#include "demo/DemoGenerator.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoConditions.h"
#include "demo/DemoContacts.h"
#include "demo/DemoCustomerBase.h"
#include "demo/DemoFleet.h"
#include "demo/DemoGeography.h"
#include "demo/DemoOperations.h"
#include "demo/DemoWorkforce.h"

namespace fieldops::demo {

namespace {
// Distinct, fixed streams per stage derived from the user's seed.
quint32 stageSeed(quint32 seed, quint32 stage) { return seed * 2654435761u + stage * 40503u + 1u; }
} // namespace

DemoCalendar demoCalendar(const DemoOptions &options)
{
    DemoCalendar cal;
    cal.today = options.today.isValid() ? options.today : QDate::currentDate();
    cal.historyDays = options.days;
    cal.futureDays = options.futureDays;
    const LocalClock clock(kTimeZone);
    const QTime now = options.nowLocal.isValid() ? options.nowLocal : QTime(10, 0);
    cal.now = clock.at(cal.today, now.hour() * 60 + now.minute());
    return cal;
}

bool generateDemo(const DemoOptions &options, DemoDataSet &data, const std::function<bool(int)> &tick)
{
    const DemoCalendar cal = demoCalendar(options);
    const LocalClock clock(kTimeZone);

    DemoRandom crew(stageSeed(options.seed, 1));
    generateWorkforce(crew, cal, clock, options.technicians, data);
    if (tick && !tick(5))
        return false;

    std::vector<bool> servable(SkillCount, false);
    for (const TechnicianRow &t : data.technicians) {
        for (int s : t.skills)
            servable[s] = true;
    }
    DemoRandom customers(stageSeed(options.seed, 2));
    generateCustomerBase(customers, cal, options.customers, servable, data);
    if (tick && !tick(15))
        return false;

    DemoRandom operations(stageSeed(options.seed, 3));
    const bool done = simulateOperations(operations, cal, clock, data, [&](int percent) {
        return !tick || tick(15 + percent * 80 / 100);
    });
    if (!done)
        return false;

    DemoRandom fleet(stageSeed(options.seed, 4));
    generateStock(fleet, data);
    generatePositions(fleet, cal, clock, data);
    DemoRandom contacts(stageSeed(options.seed, 5));
    generateContacts(contacts, data);
    DemoRandom sensors(stageSeed(options.seed, 6));
    generateConditionMonitoring(sensors, cal, clock, data);
    DemoRandom partNeeds(stageSeed(options.seed, 7));
    generatePartNeeds(partNeeds, data);
    return !tick || tick(100);
}

} // namespace fieldops::demo
