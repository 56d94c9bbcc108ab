#include "billing/TimeReviewService.h"

#include "billing/BillingCalculator.h"
#include "billing/BillingExport.h"
#include "billing/BillingLoader.h"
#include "session/SessionJob.h"
#include "storage/Database.h"

namespace fieldops::billing {

TimeReviewService::TimeReviewService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void TimeReviewService::load(const QDate &from, const QDate &to, const QString &technicianId, Done<TimeReviewPage> done)
{
    runSessionJob<TimeReviewPage>(
        m_session, this, [=](Database &db) { return loadTimeReviewPage(db, from, to, technicianId); }, std::move(done));
}

void TimeReviewService::approve(const QList<qint64> &ids, const QDateTime &now, Done<ApproveResult> done)
{
    runSessionJob<ApproveResult>(m_session, this, [=](Database &db) { return TimeEntryReview(db, now).approve(ids); }, std::move(done));
}

void TimeReviewService::correct(const Correction &correction, const QDateTime &now, Done<records::RecordEdits> done)
{
    runSessionJob<records::RecordEdits>(
        m_session, this, [=](Database &db) { return TimeEntryReview(db, now).writeCorrection(correction); }, std::move(done));
}

void TimeReviewService::exportBilling(const QDate &from, const QDate &to, const QString &directory, Done<BillingExportDone> done)
{
    runSessionJob<BillingExportDone>(
        m_session, this,
        [=](Database &db) -> Result<BillingExportDone> {
            if (Status s = checkOutputDirectory(directory); !s)
                return s.error();
            auto input = BillingLoader(db).load(from, to);
            if (!input)
                return input.error();
            if (Status s = writeBillingFiles(directory, computeBilling(*input)); !s)
                return s.error();
            return BillingExportDone{directory, billingFileNames()};
        },
        std::move(done));
}

} // namespace fieldops::billing
