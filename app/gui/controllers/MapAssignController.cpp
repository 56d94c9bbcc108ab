#include "controllers/MapAssignController.h"

#include "commands/AssignWorkOrderCommand.h"
#include "document/ScheduleDocument.h"
#include "session/ConsoleSession.h"
#include "session/QueryWorker.h"
#include "storage/Database.h"

#include <QLocale>
#include <QMessageBox>
#include <optional>

namespace fieldops::gui {

MapAssignController::MapAssignController(ConsoleSession *session, QWidget *dialogParent)
    : QObject(dialogParent), m_session(session), m_dialogParent(dialogParent)
{
    m_confirm = [this](const map::SlotProposal &, const QString &text) {
        return QMessageBox::question(m_dialogParent, tr("Assign from the map"), text, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::Yes)
               == QMessageBox::Yes;
    };
}

MapAssignController::~MapAssignController() = default;

QString MapAssignController::describe(const map::SlotProposal &p, const QString &technicianName)
{
    const QLocale locale;
    QString text = tr("Assign %1 to %2 at their next free slot:\n%3 – %4")
                       .arg(p.workOrderId, technicianName, locale.toString(p.start.toLocalTime(), QLocale::ShortFormat),
                            locale.toString(p.end.toLocalTime().time(), QLocale::ShortFormat));
    if (p.verdict.clean())
        return text + QLatin1Char('\n') + tr("No conflicts.");
    for (const auto &v : p.verdict.soft)
        text += QLatin1Char('\n') + QStringLiteral("• ") + v.detail;
    return text;
}

void MapAssignController::assign(const QString &workOrderId, const QString &technicianId)
{
    if (m_session->state() != ConsoleSession::State::Connected || !m_session->worker()) {
        emit problem(tr("Not connected for editing: the assignment was not made."));
        return;
    }
    // The slot is found on the session's worker, like every other read of the console;
    // the booking is the schedule board's own command on the one undo stack.
    struct Found {
        map::SlotProposal slot;
        QString technicianName;
    };
    const QDateTime now = m_clockOverride.isValid() ? m_clockOverride : QDateTime::currentDateTimeUtc();
    m_session->worker()->submit<Found>(
        this,
        [workOrderId, technicianId, now](Database &db) -> Result<Found> {
            auto slot = map::findNextFeasibleSlot(db, workOrderId, technicianId, now);
            if (!slot)
                return slot.error();
            auto name = db.scalar(QStringLiteral("SELECT name FROM technicians WHERE id = ?"), {technicianId});
            return Found{*slot, name.ok() && name->isValid() ? name->toString() : technicianId};
        },
        [this](Result<Found> found) {
            if (!found) {
                emit problem(found.error().message);
                return;
            }
            book(found->slot, found->technicianName);
        });
}

void MapAssignController::book(const map::SlotProposal &slot, const QString &technicianName)
{
    if (!m_confirm(slot, describe(slot, technicianName)))
        return;
    Appointment a;
    a.id = AssignWorkOrderCommand::newAppointmentId();
    a.workOrderId = slot.workOrderId;
    a.technicianId = slot.technicianId;
    a.start = slot.start;
    a.end = slot.end;
    a.status = QStringLiteral("scheduled");
    // A refused command deletes itself inside push(): hear the refusal from the document.
    ScheduleDocument *doc = m_session->document();
    std::optional<Error> refusal;
    const auto watch = connect(doc, &ScheduleDocument::editRefused, this, [&refusal](const Error &e, const QStringList &) { refusal = e; });
    doc->push(new AssignWorkOrderCommand(m_session->editTarget(), a));
    disconnect(watch);
    if (refusal) {
        emit problem(refusal->message);
        return;
    }
    emit assigned(slot.workOrderId, slot.technicianId);
}

} // namespace fieldops::gui
