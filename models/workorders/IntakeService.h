#pragma once
// The intake form's way to the database: every read (customers, a customer's file,
// skills, possible duplicates, a work order to edit) and every save runs on the console
// session's worker thread, and the answer comes back to the caller's thread. A save
// checks the draft again on the server's side of the wire (references, a free id), writes
// it in one transaction with the version check and returns the record edits it made, so
// the caller can put them on the undo stack.
#include "records/RecordEdit.h"
#include "util/Result.h"
#include "workorders/CustomerDirectory.h"
#include "workorders/IntakeCatalog.h"
#include "workorders/WorkOrderDraft.h"
#include "workorders/WorkOrderIntake.h"

#include <QObject>
#include <functional>
#include <memory>

namespace fieldops {
class ConsoleSession;
}

namespace fieldops::workorders {

struct WorkOrderToEdit {
    WorkOrderDraft draft;
    CustomerFile file;
    QString customerName;
};

class IntakeService : public QObject {
    Q_OBJECT
public:
    explicit IntakeService(ConsoleSession *session, QObject *parent = nullptr);

    template <typename T>
    using Done = std::function<void(Result<T>)>;

    void customers(Done<std::shared_ptr<CustomerDirectory>> done);
    void customerFile(const QString &customerId, Done<CustomerFile> done);
    void skills(Done<QVector<Skill>> done);
    void duplicates(const QString &siteId, const QString &assetId, const QDateTime &now, int days,
                    Done<QVector<PossibleDuplicate>> done);
    void load(const QString &workOrderId, Done<WorkOrderToEdit> done);
    // `before`: the work order as loaded (for an edit), ignored for a new one.
    void save(const WorkOrderDraft &draft, bool isNew, const WorkOrderDraft &before, const QDateTime &now,
              Done<SavedWorkOrder> done);
    // `now`: the console's clock, for the notices to the technicians of today's visits cancelled with it.
    void cancel(const QString &workOrderId, int seenVersion, const QString &reason, const QDateTime &now, Done<SavedWorkOrder> done);
    // The visits a cancellation would cancel too, for asking the dispatcher first.
    void activeVisits(const QString &workOrderId, Done<QVector<QPair<QString, int>>> done);

private:
    template <typename T, typename Job>
    void run(Job job, Done<T> done);
    ConsoleSession *m_session;
};

} // namespace fieldops::workorders
