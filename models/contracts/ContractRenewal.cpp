#include "contracts/ContractRenewal.h"

#include "contracts/ContractRules.h"
#include "records/RecordSpec.h"
#include "storage/Database.h"

namespace fieldops::contracts {

namespace {

QDate dateOf(const records::RecordRow &row, const char *field)
{
    return QDate::fromString(row.values.value(QString::fromLatin1(field)).toString(), Qt::ISODate);
}

// The new contract's dates seen from the old one's: a whole number of months when the
// days of the month agree, else days.
QDate moved(const QDate &day, const QDate &oldStart, const QDate &newStart)
{
    if (!day.isValid() || !oldStart.isValid() || !newStart.isValid())
        return day;
    const int months = (newStart.year() - oldStart.year()) * 12 + newStart.month() - oldStart.month();
    if (oldStart.addMonths(months) == newStart)
        return day.addMonths(months);
    return day.addDays(oldStart.daysTo(newStart));
}

} // namespace

QString proposedRenewalId(const QString &oldId, const QDate &newStart)
{
    const QString year = QString::number(newStart.year());
    if (!oldId.endsWith(QLatin1Char('-') + year))
        return oldId + QLatin1Char('-') + year;
    return oldId + QStringLiteral("-R");
}

RenewalRequest proposedRenewal(const records::RecordRow &contract)
{
    const QDate oldStart = dateOf(contract, "starts_on");
    const QDate oldEnd = dateOf(contract, "ends_on");
    RenewalRequest r;
    r.startsOn = oldEnd.isValid() ? oldEnd.addDays(1) : QDate::currentDate();
    r.endsOn = moved(oldEnd, oldStart, r.startsOn);
    if (!r.endsOn.isValid() || r.endsOn < r.startsOn)
        r.endsOn = r.startsOn.addYears(1).addDays(-1);
    r.newId = proposedRenewalId(contract.id, r.startsOn);
    return r;
}

records::RecordEdits renewalEdits(const records::RecordRow &contract, const QVector<records::RecordRow> &plans, const RenewalRequest &request)
{
    const QDate oldStart = dateOf(contract, "starts_on");
    records::RecordValues values = contract.values;
    values.insert(QStringLiteral("starts_on"), request.startsOn.toString(Qt::ISODate));
    values.insert(QStringLiteral("ends_on"), request.endsOn.toString(Qt::ISODate));
    values.insert(QStringLiteral("renewed_from"), contract.id);
    records::RecordEdits edits = records::createEdit(records::contractSpec(), request.newId, values);
    int n = 0;
    for (const records::RecordRow &plan : plans) {
        records::RecordValues p = plan.values;
        p.insert(QStringLiteral("contract_id"), request.newId);
        QDate due = moved(dateOf(plan, "next_due"), oldStart, request.startsOn);
        if (due.isValid() && due < request.startsOn)
            due = request.startsOn;
        p.insert(QStringLiteral("next_due"), due.toString(Qt::ISODate));
        edits += records::createEdit(records::maintenancePlanSpec(), QStringLiteral("%1-P%2").arg(request.newId).arg(++n), p);
    }
    return edits;
}

Result<records::SavedRecord> saveRenewal(Database &db, records::RecordEdits edits)
{
    records::SavedRecord saved;
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    // The contract is checked and written first: the plans refer to it.
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const records::RecordEdit &e = edits[i];
        const bool isContract = e.spec == &records::contractSpec();
        const records::RecordChecks checks = isContract ? contractChecks() : planChecks();
        records::RecordValues all = e.after;
        all.insert(QStringLiteral("id"), e.id);
        saved.issues = checks.rules(all, true);
        if (saved.issues.isEmpty()) {
            auto refs = checks.references(db, *e.spec, e.id, all, true);
            if (!refs)
                return refs.error();
            saved.issues = *refs;
        }
        if (!saved.issues.isEmpty()) {
            if (!isContract)
                for (workorders::FieldIssue &issue : saved.issues)
                    issue.message = QStringLiteral("%1: %2").arg(e.id, issue.message);
            return saved;
        }
        records::RecordEdits one{e};
        if (Status s = records::applyEdits(db, one, true); !s)
            return s.error();
        edits[i] = one.front();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    saved.edits = edits;
    return saved;
}

} // namespace fieldops::contracts
