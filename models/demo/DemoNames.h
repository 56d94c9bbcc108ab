#pragma once
// Brazilian people and business names, phone numbers, e-mail addresses and street
// addresses, drawn from the seeded random source.
#include "demo/DemoRandom.h"

#include <QString>

namespace fieldops::demo {

struct Neighbourhood;

QString personName(DemoRandom &rng);
// A customer's trading name for a kind of CustomerKind::key ("condominium", "hospital" …).
QString companyName(DemoRandom &rng, const char *kind, const Neighbourhood &where);
QString siteName(DemoRandom &rng, const QString &company, const char *kind, const Neighbourhood &where, int index);
QString streetAddress(DemoRandom &rng, const Neighbourhood &where);
QString landlinePhone(DemoRandom &rng);
QString mobilePhone(DemoRandom &rng);
// A plain-ASCII mailbox at a .com.br domain made from the name.
QString emailFor(DemoRandom &rng, const QString &company);
// A person's mailbox at the company's domain: "first.last@domain.com.br".
QString personalEmail(const QString &person, const QString &company);

} // namespace fieldops::demo
