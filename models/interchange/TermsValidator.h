#pragma once
// The import's checks of contract terms and plan rules that no single cell can make:
// a contract covers only its own customer's sites and assets and does not renew itself;
// a plan's recurrence and seasonal months can be read (else generate-pm would skip it
// as invalid_plan). Sites and assets are looked up in the directory first, then in the
// database. Reads the database, never writes it.
#include "interchange/ParsedFile.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::interchange {

class TermsValidator {
public:
    TermsValidator(Database &db, IssueSink &issues) : m_db(db), m_issues(issues) {}
    // `files` in import order.
    Status validate(const QVector<ParsedFile> &files);

private:
    Status checkContracts(const QVector<ParsedFile> &files, const ParsedFile &contracts);
    void checkPlans(const ParsedFile &plans);

    Database &m_db;
    IssueSink &m_issues;
};

} // namespace fieldops::interchange
