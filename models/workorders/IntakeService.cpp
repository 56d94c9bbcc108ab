#include "workorders/IntakeService.h"

#include "audit/LostRaceExplainer.h"
#include "field/TechnicianNotices.h"
#include "session/SessionJob.h"
#include "session/QueryWorker.h"
#include "storage/Database.h"
#include "workorders/WorkOrderIntake.h"

#include <QCoreApplication>

namespace fieldops::workorders {

IntakeService::IntakeService(ConsoleSession *session, QObject *parent) : QObject(parent), m_session(session) {}

template <typename T, typename Job>
void IntakeService::run(Job job, Done<T> done)
{
    runSessionJob<T>(m_session, this, std::move(job), std::move(done));
}

void IntakeService::customers(Done<std::shared_ptr<CustomerDirectory>> done)
{
    run<std::shared_ptr<CustomerDirectory>>(
        [](Database &db) -> Result<std::shared_ptr<CustomerDirectory>> {
            auto list = IntakeCatalog(db).customers();
            if (!list)
                return list.error();
            return std::make_shared<CustomerDirectory>(std::move(*list));
        },
        std::move(done));
}

void IntakeService::customerFile(const QString &customerId, Done<CustomerFile> done)
{
    run<CustomerFile>([customerId](Database &db) { return IntakeCatalog(db).customerFile(customerId); }, std::move(done));
}

void IntakeService::skills(Done<QVector<Skill>> done)
{
    run<QVector<Skill>>([](Database &db) { return IntakeCatalog(db).skills(); }, std::move(done));
}

void IntakeService::duplicates(const QString &siteId, const QString &assetId, const QDateTime &now, int days,
                               Done<QVector<PossibleDuplicate>> done)
{
    run<QVector<PossibleDuplicate>>(
        [=](Database &db) { return IntakeCatalog(db).openOnSite(siteId, assetId, now, days); }, std::move(done));
}

void IntakeService::load(const QString &workOrderId, Done<WorkOrderToEdit> done)
{
    run<WorkOrderToEdit>(
        [workOrderId](Database &db) -> Result<WorkOrderToEdit> {
            auto draft = WorkOrderIntake(db).load(workOrderId);
            if (!draft)
                return draft.error();
            auto file = IntakeCatalog(db).customerFile(draft->customerId);
            if (!file)
                return file.error();
            auto name = db.scalar(QStringLiteral("SELECT name FROM customers WHERE id = ?"), {draft->customerId});
            if (!name)
                return name.error();
            return WorkOrderToEdit{*draft, *file, name->toString()};
        },
        std::move(done));
}

void IntakeService::save(const WorkOrderDraft &draft, bool isNew, const WorkOrderDraft &before, const QDateTime &now,
                         Done<SavedWorkOrder> done)
{
    run<SavedWorkOrder>([=](Database &db) { return WorkOrderIntake::save(db, draft, isNew, before, now); }, std::move(done));
}

void IntakeService::cancel(const QString &workOrderId, int seenVersion, const QString &reason, const QDateTime &now, Done<SavedWorkOrder> done)
{
    run<SavedWorkOrder>(
        [=](Database &db) -> Result<SavedWorkOrder> {
            Transaction tx(db);
            if (!tx.status())
                return tx.status().error();
            WorkOrderIntake intake(db);
            auto loaded = intake.load(workOrderId);
            if (!loaded)
                return loaded.error();
            WorkOrderDraft seen = *loaded;
            seen.version = seenVersion; // a change since the user looked is a lost race
            auto edits = intake.cancelEdits(seen, reason);
            if (!edits)
                return edits.error();
            SavedWorkOrder saved;
            saved.draft = *loaded;
            saved.edits = *edits;
            // Today's visits cancelled with the job: their technicians are told, in the same transaction.
            QStringList visits;
            for (const records::RecordEdit &e : saved.edits)
                if (e.spec->table == QLatin1String("appointments"))
                    visits << e.id;
            Status s = field::writeWithNotices(
                db, [&visits] { return visits; }, [&] { return records::applyEdits(db, saved.edits, true); }, now);
            if (s)
                s = tx.commit();
            if (!s)
                return s.error();
            return saved;
        },
        std::move(done));
}

void IntakeService::activeVisits(const QString &workOrderId, Done<QVector<QPair<QString, int>>> done)
{
    run<QVector<QPair<QString, int>>>([workOrderId](Database &db) { return WorkOrderIntake(db).activeVisits(workOrderId); },
                                      std::move(done));
}

} // namespace fieldops::workorders
