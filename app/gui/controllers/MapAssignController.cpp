#include "controllers/MapAssignController.h"

#include "commands/AssignWorkOrderCommand.h"
#include "document/ScheduleDocument.h"
#include "session/ConsoleSession.h"
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
    // A new connection means a new database: forget the old write connection.
    connect(session, &ConsoleSession::stateChanged, this, [this](ConsoleSession::State s) {
        if (s == ConsoleSession::State::Disconnected || s == ConsoleSession::State::Connecting)
            m_db.reset();
    });
}

MapAssignController::~MapAssignController() = default;

Database *MapAssignController::database()
{
    if (!m_db) {
        auto db = Database::open(m_session->url());
        if (!db) {
            emit problem(db.error().message);
            return nullptr;
        }
        m_db = std::move(db).value();
    }
    return m_db.get();
}

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
    if (m_session->state() != ConsoleSession::State::Connected) {
        emit problem(tr("Not connected for editing: the assignment was not made."));
        return;
    }
    Database *db = database();
    if (!db)
        return;
    const QDateTime now = m_clockOverride.isValid() ? m_clockOverride : QDateTime::currentDateTimeUtc();
    auto slot = map::findNextFeasibleSlot(*db, workOrderId, technicianId, now);
    if (!slot) {
        emit problem(slot.error().message);
        return;
    }
    auto nameQ = db->scalar(QStringLiteral("SELECT name FROM technicians WHERE id = ?"), {technicianId});
    const QString name = nameQ.ok() ? nameQ->toString() : technicianId;
    if (!m_confirm(*slot, describe(*slot, name)))
        return;
    Appointment a;
    a.id = AssignWorkOrderCommand::newAppointmentId();
    a.workOrderId = workOrderId;
    a.technicianId = technicianId;
    a.start = slot->start;
    a.end = slot->end;
    a.status = QStringLiteral("scheduled");
    // A refused command deletes itself inside push(): hear the refusal from the document.
    std::optional<Error> refusal;
    const auto watch = connect(m_session->document(), &ScheduleDocument::editRefused, this,
                               [&refusal](const Error &e, const QStringList &) { refusal = e; });
    m_session->document()->push(new AssignWorkOrderCommand(EditTarget{db, m_session->document()}, a));
    disconnect(watch);
    if (refusal) {
        emit problem(refusal->message);
        return;
    }
    emit assigned(workOrderId, technicianId);
}

} // namespace fieldops::gui
