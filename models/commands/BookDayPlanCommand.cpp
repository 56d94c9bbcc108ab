#include "commands/BookDayPlanCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlQuery>

namespace fieldops {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BookDayPlanCommand)
};
} // namespace

BookDayPlanCommand::BookDayPlanCommand(const EditTarget &target, const QDate &day, std::vector<Appointment> visits,
                                       qint64 changeSeq)
    : ScheduleEditCommand(target, textFor(day, int(visits.size()))), m_visits(std::move(visits)),
      m_scheduled(m_visits.size(), false), m_changeSeq(changeSeq)
{
    for (Appointment &a : m_visits)
        a.version = 1;
}

int BookDayPlanCommand::id() const { return int(UndoCommandId::BookDayPlan); }

QString BookDayPlanCommand::textFor(const QDate &day, int visits)
{
    return QCoreApplication::translate("UndoCommands", "Optimize %1: %n visit(s)", nullptr, visits)
        .arg(QLocale().toString(day, QStringLiteral("ddd d MMM")));
}

const QStringList &BookDayPlanCommand::relevantTables()
{
    static const QStringList tables{QStringLiteral("appointments"), QStringLiteral("work_orders"),
                                    QStringLiteral("work_order_skills"), QStringLiteral("technicians"),
                                    QStringLiteral("technician_skills"), QStringLiteral("absences")};
    return tables;
}

QStringList BookDayPlanCommand::appointmentIds() const
{
    QStringList ids;
    for (const Appointment &a : m_visits)
        ids << a.id;
    return ids;
}

Status BookDayPlanCommand::checkUnchangedSince(Database &db, qint64 changeSeq, const QString &refusal)
{
    // Table names come from the list above, never from input.
    const QString sql = QStringLiteral("SELECT count(*) FROM change_log WHERE seq > ? AND entity IN ('%1')")
                            .arg(relevantTables().join(QStringLiteral("', '")));
    auto changed = db.scalar(sql, {changeSeq});
    if (!changed)
        return changed.error();
    if (changed->toLongLong() > 0)
        return Error{Error::Kind::StaleVersion, refusal, {}};
    return {};
}

Status BookDayPlanCommand::apply(bool forward)
{
    AppointmentWriter w(db());
    if (forward) {
        if (!m_checkedFreshness) {
            if (Status s = checkUnchangedSince(db(), m_changeSeq,
                                               Text::tr("The schedule changed since this day was optimized: nothing was booked."));
                !s)
                return s;
        }
        for (size_t i = 0; i < m_visits.size(); ++i) {
            Appointment &a = m_visits[i];
            a.version = 1;
            if (Status s = w.insert(a); !s)
                return s;
            AppointmentRef ref{a.id, 1};
            wrote(ref, 1);
            auto changed = w.transitionWorkOrder(a.workOrderId, QStringLiteral("open"), QStringLiteral("scheduled"));
            if (!changed)
                return changed.error();
            // Someone else booked or closed it meanwhile: a second visit would not be what was accepted.
            if (!*changed && !m_checkedFreshness)
                return Error{Error::Kind::StaleVersion,
                             Text::tr("Work order %1 is no longer open: nothing was booked.").arg(a.workOrderId), {}};
            m_scheduled[i] = *changed;
        }
        return {};
    }
    for (size_t i = m_visits.size(); i-- > 0;) {
        const Appointment &a = m_visits[i];
        if (Status s = w.remove(a.id, expectedVersion({a.id, a.version})); !s)
            return s;
        if (m_scheduled[i]) {
            auto changed = w.transitionWorkOrder(a.workOrderId, QStringLiteral("scheduled"), QStringLiteral("open"));
            if (!changed)
                return changed.error();
        }
    }
    return {};
}

} // namespace fieldops
