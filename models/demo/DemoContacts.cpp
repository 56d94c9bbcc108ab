#include "demo/DemoContacts.h"

#include "demo/DemoNames.h"

namespace fieldops::demo {

void generateContacts(DemoRandom &rng, DemoDataSet &data)
{
    // Job titles as a São Paulo office writes them (the demo's data is Brazilian).
    static const char *const roles[] = {"Síndico", "Zelador", "Gerente de manutenção", "Facilities", "Compras", "Administração predial"};
    data.contacts.reserve(data.customers.size() * 3 / 2);
    for (int c = 0; c < int(data.customers.size()); ++c) {
        const int count = rng.chance(0.4) ? 2 : 1;
        for (int i = 0; i < count; ++i) {
            ContactRow row;
            row.customer = c;
            row.name = personName(rng);
            row.role = QString::fromUtf8(roles[rng.between(0, int(std::size(roles)) - 1)]);
            row.phone = mobilePhone(rng);
            row.email = personalEmail(row.name, data.customers[size_t(c)].name);
            data.contacts.push_back(std::move(row));
        }
    }
}

} // namespace fieldops::demo
