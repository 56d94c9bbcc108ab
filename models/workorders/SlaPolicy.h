#pragma once
// When a work order's SLA runs out, and the rule that says so in words. A contract
// covering the customer sets the response hours and whether the clock runs around the
// clock (24x7) or only in business hours (Monday to Friday, 08:00–18:00 in the site's
// time zone); without a contract (or a contract without response hours) the priority's
// default response time applies. The intake form, the CLI and their tests use this one
// rule; the form shows the rule's text beside the computed time.
#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace fieldops::workorders {

struct SlaContractTerms {
    QString id;
    QString name;
    std::optional<int> responseHours;
    bool businessHours = true;
};

struct SlaQuote {
    QDateTime due;
    QString rule; // e.g. "Contract k12 (Gold): 8 business hours"
};

class SlaPolicy {
public:
    static constexpr int kBusinessOpenMinute = 8 * 60;
    static constexpr int kBusinessCloseMinute = 18 * 60;
    // Urgent 4 h, high 8 h, normal 24 h, low 72 h.
    static int defaultResponseHours(int priority);
    static SlaQuote quote(const QDateTime &createdAt, int priority, const std::optional<SlaContractTerms> &contract,
                          const QTimeZone &siteZone);
    // `hours` of business time after `from`, counted in `zone`.
    static QDateTime addBusinessHours(const QDateTime &from, int hours, const QTimeZone &zone);
};

} // namespace fieldops::workorders
