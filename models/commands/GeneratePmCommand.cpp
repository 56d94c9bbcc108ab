#include "commands/GeneratePmCommand.h"

#include "document/ScheduleDocument.h"
#include "planning/PmWorkOrderWriter.h"
#include "storage/Database.h"

#include <QCoreApplication>

namespace fieldops {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(GeneratePmCommand)
};

// Ids per statement when checking and deleting: well inside every backend's limit on
// bound values, few statements for a large run.
constexpr qsizetype kIdsPerStatement = 500;

QString marks(qsizetype n)
{
    QString m = QStringLiteral("?,").repeated(n);
    m.chop(1);
    return m;
}

QVariantList slice(const QStringList &ids, qsizetype from)
{
    QVariantList out;
    for (qsizetype i = from; i < std::min(ids.size(), from + kIdsPerStatement); ++i)
        out << ids.at(i);
    return out;
}

Error refusal(const QString &why)
{
    return {Error::Kind::StaleVersion, Text::tr("Cannot undo the preventive generation: %1. Nothing was removed.").arg(why), {}};
}

} // namespace

GeneratePmCommand::GeneratePmCommand(const EditTarget &target, QVector<planning::PmNewWorkOrder> created, const QDateTime &createdAt)
    : ScheduleEditCommand(target, QCoreApplication::translate("UndoCommands", "Generate %n preventive work order(s)", nullptr, int(created.size()))),
      m_created(std::move(created)), m_createdAt(createdAt)
{
}

GeneratePmCommand *GeneratePmCommand::alreadyApplied(const EditTarget &target, const planning::PmGenerateReport &run)
{
    return new GeneratePmCommand(target, run.created, run.createdAt);
}

QStringList GeneratePmCommand::workOrderIds() const
{
    QStringList ids;
    ids.reserve(m_created.size());
    for (const planning::PmNewWorkOrder &w : m_created)
        ids << w.id;
    return ids;
}

Status GeneratePmCommand::apply(bool forward)
{
    if (forward && m_skipNextRedo) {
        m_skipNextRedo = false; // written by the generator already: only reported
        return {};
    }
    if (!forward)
        return remove();
    // The same rows again. The writer's rows start at version 1 and open, as the run's did.
    Status s = planning::writePreventiveWorkOrders(db(), m_created, m_createdAt);
    if (!s)
        return Error{s.error().kind,
                     Text::tr("Cannot redo the preventive generation: %1. Nothing was written.").arg(s.error().message), s.error().detail};
    return {};
}

Status GeneratePmCommand::remove()
{
    const QStringList ids = workOrderIds();
    // First look at every one of them: the undo removes all or none.
    QSet<QString> found;
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        const QVariantList batch = slice(ids, from);
        auto q = db().run(QStringLiteral("SELECT w.id, w.version, w.status, "
                                         "(SELECT count(*) FROM appointments a WHERE a.work_order_id = w.id) "
                                         "FROM work_orders w WHERE w.id IN (%1) ORDER BY w.id")
                              .arg(marks(batch.size())),
                          batch);
        if (!q)
            return q.error();
        while (q->next()) {
            const QString id = q->value(0).toString();
            const QString status = q->value(2).toString();
            found.insert(id);
            if (q->value(3).toInt() > 0)
                return refusal(Text::tr("work order %1 has been scheduled since (it has a visit)").arg(id));
            if (status != QLatin1String("open"))
                return refusal(Text::tr("work order %1 is %2 now, no longer open").arg(id, status));
            if (q->value(1).toInt() != 1)
                return refusal(Text::tr("work order %1 has been changed since it was generated").arg(id));
        }
    }
    for (const QString &id : ids)
        if (!found.contains(id))
            return refusal(Text::tr("work order %1 has been deleted since").arg(id));
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        const QVariantList batch = slice(ids, from);
        // Skills first: they refer to the work orders. Everything else that could (visits,
        // time entries) was ruled out above or is refused by its foreign key.
        if (auto q = db().run(QStringLiteral("DELETE FROM work_order_skills WHERE work_order_id IN (%1)").arg(marks(batch.size())), batch); !q)
            return q.error();
        auto q = db().run(QStringLiteral("DELETE FROM work_orders WHERE version = 1 AND id IN (%1)").arg(marks(batch.size())), batch);
        if (!q)
            return q.error();
        if (q->numRowsAffected() != batch.size())
            return refusal(Text::tr("another console changed one of its work orders meanwhile"));
    }
    return {};
}

void GeneratePmCommand::committed() { document()->reportRecordsWritten(QStringLiteral("work_orders"), workOrderIds()); }

} // namespace fieldops
