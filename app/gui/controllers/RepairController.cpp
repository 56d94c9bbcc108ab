#include "controllers/RepairController.h"

#include "board/BoardToolbar.h"
#include "board/SchedulePage.h"
#include "commands/BoardEditor.h"
#include "dayplan/DayPlanLoader.h"
#include "repair/RepairDialog.h"
#include "scheduling/PlanningTravelTime.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "session/SessionJob.h"
#include "settings/DisplayZone.h"

#include <QAction>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLocale>
#include <QMainWindow>
#include <QtConcurrent/QtConcurrentRun>

namespace fieldops::gui {

namespace {
// A repair plans a handful of visits: a moment of search is enough (`fieldops-cli repair`'s defaults).
constexpr double kRepairSeconds = 0.5;
constexpr long long kRepairIterations = 4000;
constexpr int kDefaultOverrunMinutes = 30;
} // namespace

RepairController::RepairController(QMainWindow *window, ConsoleSession *session)
    : QObject(window), m_window(window), m_session(session), m_urgent(new QAction(tr("Make room for the &urgent job…"), this)),
      m_watcher(new QFutureWatcher<Result<dayplan::DayRepair>>(this))
{
    m_urgent->setObjectName(QStringLiteral("repairUrgentAction"));
    m_urgent->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_urgent->setShortcutContext(Qt::WindowShortcut);
    m_urgent->setToolTip(tr("Book the selected work order on the board's day, bumping a lower-priority visit if nothing is free (Ctrl+Shift+U)."));
    window->addAction(m_urgent);
    connect(m_urgent, &QAction::triggered, this, [this] {
        const QString id = m_session->selection()->workOrderId();
        if (id.isEmpty()) {
            emit problem(tr("Select the urgent work order in the queue first."));
            return;
        }
        repairUrgent(id);
    });
    connect(m_watcher, &QFutureWatcher<Result<dayplan::DayRepair>>::finished, this, [this] {
        if (!m_dialog)
            return;
        const Result<dayplan::DayRepair> r = m_watcher->result();
        if (!r) {
            m_dialog->showMessage(r.error().message);
            emit optionsShown();
            return;
        }
        m_repair = *r;
        QHash<QString, QString> names, summaries;
        for (const Technician &t : m_input.snapshot.technicians)
            names.insert(t.id, t.name.isEmpty() ? t.id : t.name);
        for (const WorkOrder &w : m_input.snapshot.workOrders)
            summaries.insert(w.id, w.summary);
        m_dialog->showRepair(m_repair, names, summaries, settings::displayZone());
        emit optionsShown();
    });
}

RepairController::~RepairController()
{
    m_watcher->disconnect(this);
    m_watcher->waitForFinished();
}

void RepairController::attach(BoardEditor *editor, widgets::SchedulePage *page)
{
    m_editor = editor;
    m_page = page;
}

void RepairController::detach()
{
    m_editor = nullptr;
    m_page = nullptr;
    if (m_dialog)
        m_dialog->reject();
}

void RepairController::repairAbsence(const QString &technicianId)
{
    dayplan::Disruption d;
    d.kind = dayplan::Disruption::Kind::Absence;
    d.technicianId = technicianId;
    // Off from now on the day in progress; a day to come is off whole.
    d.from = m_session->now();
    start(d, tr("Technician off sick"));
}

void RepairController::repairOverrun(const QString &appointmentId)
{
    bool ok = false;
    const int minutes = QInputDialog::getInt(m_window, tr("Visit runs long"), tr("The visit will end this many minutes late:"),
                                             kDefaultOverrunMinutes, 5, 12 * 60, 5, &ok);
    if (!ok)
        return;
    dayplan::Disruption d;
    d.kind = dayplan::Disruption::Kind::Overrun;
    d.appointmentId = appointmentId;
    d.extraMinutes = minutes;
    start(d, tr("Visit runs long"));
}

void RepairController::repairUrgent(const QString &workOrderId)
{
    dayplan::Disruption d;
    d.kind = dayplan::Disruption::Kind::UrgentJob;
    d.workOrderId = workOrderId;
    start(d, tr("Make room for the urgent job"));
}

void RepairController::start(const dayplan::Disruption &disruption, const QString &title)
{
    if (!m_editor || !m_page) {
        emit problem(tr("Open the schedule to repair its day."));
        return;
    }
    const quint64 generation = ++m_generation;
    const QDate day = m_page->toolbar()->date();
    m_title = title;
    if (m_dialog)
        m_dialog->deleteLater();
    m_dialog = new widgets::RepairDialog(tr("%1 — %2").arg(title, QLocale().toString(day, QLocale::LongFormat)), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &widgets::RepairDialog::applyRequested, this, &RepairController::apply);
    m_dialog->showWorking(tr("Working out the options…"));
    m_dialog->open();
    // Planned with the speeds the history teaches (read on the worker, with the day), as
    // `fieldops-cli repair` plans.
    auto travel = std::make_shared<const scheduling::PlanningTravelTime>(QUrl(), day);
    runSessionJob<dayplan::DayPlanInput>(
        m_session, this,
        [day, travel](Database &db) -> Result<dayplan::DayPlanInput> {
            if (auto learned = travel->learnSpeeds(db); !learned)
                return learned.error();
            return dayplan::DayPlanLoader(db).load(day, QString());
        },
        [this, generation, disruption, travel](Result<dayplan::DayPlanInput> input) {
            if (generation != m_generation || !m_dialog)
                return;
            if (!input) {
                m_dialog->showMessage(input.error().message);
                emit optionsShown();
                return;
            }
            m_input = std::move(*input);
            dayplan::DayPlanOptions options;
            options.timeLimitSeconds = kRepairSeconds;
            options.maxIterations = kRepairIterations;
            options.travel = travel;
            m_watcher->setFuture(QtConcurrent::run([input = m_input, disruption, options] { return dayplan::repairDay(input, disruption, options); }));
        });
}

void RepairController::apply(int option)
{
    if (!m_editor || !m_dialog || option < 0 || size_t(option) >= m_repair.options.size())
        return;
    const dayplan::RepairOption &chosen = m_repair.options[size_t(option)];
    std::vector<Appointment> before;
    for (const dayplan::RepairMove &m : chosen.moves)
        for (const Appointment &a : m_input.snapshot.appointments)
            if (!m.appointmentId.isEmpty() && a.id == m.appointmentId)
                before.push_back(a);
    //: Undo text of a repair of the day: what changed, then the option chosen.
    const QString text = tr("%1: %2").arg(m_title, dayplan::repairKindText(chosen.kind));
    if (Status s = m_editor->repairDay(text, chosen, m_repair.absence, before, m_input.changeSeq); !s) {
        m_dialog->showMessage(s.error().message);
        emit problem(s.error().message);
        return;
    }
    m_dialog->accept();
    emit applied();
}

} // namespace fieldops::gui
