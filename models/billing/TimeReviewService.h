#pragma once
// The Time tab's way to the database: reading a period's entries, approving and
// correcting them (TimeEntryReview, written in one transaction each) and the billing
// export all run on the console session's worker thread; each answer comes back on the
// caller's thread, the decisions with the record edits written, for the caller to put on
// the undo stack.
#include "billing/TimeEntryReview.h"
#include "billing/TimeReviewPage.h"

#include <QObject>
#include <functional>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::billing {

// What a billing export wrote: the folder and its files' names.
struct BillingExportDone {
    QString directory;
    QStringList files;
};

class TimeReviewService : public QObject {
    Q_OBJECT
public:
    explicit TimeReviewService(ConsoleSession *session, QObject *parent = nullptr);

    template <typename T>
    using Done = std::function<void(Result<T>)>;

    void load(const QDate &from, const QDate &to, const QString &technicianId, Done<TimeReviewPage> done);
    void approve(const QList<qint64> &ids, const QDateTime &now, Done<ApproveResult> done);
    void correct(const Correction &correction, const QDateTime &now, Done<records::RecordEdits> done);
    void exportBilling(const QDate &from, const QDate &to, const QString &directory, Done<BillingExportDone> done);

private:
    ConsoleSession *m_session;
};

} // namespace fieldops::billing
