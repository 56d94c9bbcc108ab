#pragma once
// What a customer, a site or an asset must satisfy, field by field, for the console's
// forms and the services that save them: the interchange's column rules (required
// columns, latitude and longitude ranges, IANA time zones, dates), plus what a form adds
// (an email that looks like one, a warranty that ends after the installation), and the
// references only the database can answer (a free id, the site's customer, the asset's site).
#include "records/RecordFormModel.h"

namespace fieldops {
class Database;
}

namespace fieldops::customers {

workorders::FieldIssues customerRules(const records::RecordValues &values, bool isNew);
workorders::FieldIssues siteRules(const records::RecordValues &values, bool isNew);
workorders::FieldIssues assetRules(const records::RecordValues &values, bool isNew);
// A contact person: a name, and a phone or an email that looks like one.
workorders::FieldIssues contactRules(const records::RecordValues &values, bool isNew);
// The rules of a spec (customers, sites, assets or contacts).
records::RecordRules rulesFor(const records::RecordSpec &spec);

// The database's part: the id is free (new records) and what the record refers to exists.
Result<workorders::FieldIssues> checkReferences(Database &db, const records::RecordSpec &spec, const QString &id,
                                                const records::RecordValues &values, bool isNew);

} // namespace fieldops::customers
