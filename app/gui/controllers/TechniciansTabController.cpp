#include "controllers/TechniciansTabController.h"

#include "commands/RecordEditCommand.h"
#include "document/ScheduleDocument.h"
#include "repositories/Permissions.h"
#include "session/ConsoleSession.h"
#include "technicians/AbsenceDialog.h"
#include "technicians/TechnicianForm.h"
#include "technicians/TechnicianFormModel.h"
#include "technicians/TechnicianService.h"
#include "technicians/TechniciansView.h"

#include <QPushButton>
#include <QTimeZone>
#include <algorithm>

namespace fieldops::gui {

using namespace fieldops::technicians;

TechniciansTabController::TechniciansTabController(ConsoleSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    m_view = new widgets::TechniciansView;
    m_service = new TechnicianService(session, m_view);
    connect(m_view, &widgets::TechniciansView::filterChanged, this, &TechniciansTabController::reloadList);
    connect(m_view, &widgets::TechniciansView::technicianActivated, this, [this](const QString &id) {
        if (id != m_view->shownTechnicianId() || m_view->formModel()->isNew())
            openTechnician(id);
    });
    connect(m_view, &widgets::TechniciansView::newRequested, this, &TechniciansTabController::newTechnician);
    connect(m_view, &widgets::TechniciansView::saveRequested, this, &TechniciansTabController::save);
    connect(m_view, &widgets::TechniciansView::revertRequested, this, &TechniciansTabController::revert);
    connect(m_view, &widgets::TechniciansView::activeToggleRequested, this, &TechniciansTabController::toggleActive);
    connect(m_view, &widgets::TechniciansView::addAbsenceRequested, this, [this] {
        AbsenceDraft a;
        a.technicianId = m_before.id;
        // Tomorrow, the whole day in the console's zone: the usual case, adjusted from there.
        const QDate day = QDate::currentDate().addDays(1);
        a.start = QDateTime(day, QTime(0, 0)).toUTC();
        a.end = QDateTime(day.addDays(1), QTime(0, 0)).toUTC();
        openAbsence(a, m_absences, shownName());
    });
    connect(m_view, &widgets::TechniciansView::editAbsenceRequested, this, [this](const QString &id) {
        for (const AbsenceDraft &a : std::as_const(m_absences))
            if (a.id == id)
                openAbsence(a, m_absences, shownName());
    });
    connect(m_view, &widgets::TechniciansView::removeAbsenceRequested, this, &TechniciansTabController::removeAbsence);

    connect(session, &ConsoleSession::permissionsChanged, this, &TechniciansTabController::applyPermissions);
    connect(session, &ConsoleSession::stateChanged, this, [this] {
        applyPermissions();
        if (m_session->isUsable()) {
            loadCatalog();
            reloadList();
        }
    });
    // Undo and redo write technicians and absences: show what the database holds now.
    connect(session->document(), &ScheduleDocument::recordsWritten, this, [this](const QString &table) {
        if (table == QLatin1String("technicians") || table == QLatin1String("absences")) {
            reloadList();
            reloadShown();
        }
    });
    connect(session->document(), &ScheduleDocument::editRefused, this, [this](const Error &error) {
        if (!m_view)
            return;
        // Said where the dispatcher is looking; the other tabs say it their way.
        if (m_view->isVisible())
            m_view->showProblem(error.message);
        reloadList();
        reloadShown();
    });
    // Other consoles' changes.
    connect(session, &ConsoleSession::changesArrived, this, [this](const ChangeList &changes) {
        if (!m_view)
            return;
        bool list = false;
        bool shown = false;
        for (const Change &c : changes) {
            if (c.entity == QLatin1String("technicians") || c.entity == QLatin1String("technician_skills"))
                list = true;
            if (c.entity == QLatin1String("territories") || c.entity == QLatin1String("skills"))
                loadCatalog();
            // Absences are logged under their technician's id.
            if ((c.entity == QLatin1String("technicians") || c.entity == QLatin1String("absences")
                 || c.entity == QLatin1String("technician_skills"))
                && c.entityId == m_view->shownTechnicianId())
                shown = true;
        }
        if (list)
            reloadList();
        if (shown)
            reloadShown();
    });
    applyPermissions();
    if (m_session->isUsable()) {
        loadCatalog();
        reloadList();
    }
}

TechniciansTabController::~TechniciansTabController()
{
    // The view may outlive this controller (its tab widget owns it): no answer may reach
    // the controller after it is gone.
    delete m_service.data();
}

QString TechniciansTabController::id() const { return QStringLiteral("technicians"); }

QString TechniciansTabController::title() const { return tr("Technicians"); }

QWidget *TechniciansTabController::widget() { return m_view; }

widgets::AbsenceDialog *TechniciansTabController::absenceDialog() const { return m_absenceDialog; }

void TechniciansTabController::applyPermissions()
{
    if (!m_view)
        return;
    const Permissions p = m_session->permissions();
    const bool usable = m_session->isUsable();
    m_view->setPermissions(p.editTechnicians,
                           usable ? tr("Your role may read technicians but not change them; administrators do.")
                                  : tr("Not connected to a database."),
                           p.editAbsences,
                           usable ? tr("Your role may read absences but not change them; dispatchers and administrators do.")
                                  : tr("Not connected to a database."));
}

void TechniciansTabController::loadCatalog()
{
    if (!m_service)
        return;
    m_service->catalog([this](Result<TechnicianCatalog> r) {
        if (r)
            m_view->setCatalog(*r);
    });
}

void TechniciansTabController::reloadList()
{
    if (!m_service)
        return;
    const quint64 request = ++m_listRequest;
    m_service->list(m_view->filter(), [this, request](Result<QVector<TechnicianRow>> r) {
        if (request != m_listRequest)
            return; // the filter changed meanwhile: a newer answer is on its way
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        m_view->setRows(*r);
        emit listLoaded();
    });
}

void TechniciansTabController::openTechnician(const QString &technicianId)
{
    if (technicianId.isEmpty() || !m_service)
        return;
    m_service->load(technicianId, [this, technicianId](Result<TechnicianToEdit> r) {
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        m_before = r->draft;
        m_absences = r->absences;
        m_view->formModel()->startEdit(r->draft);
        m_view->showTechnician(technicianId);
        m_view->setAbsences(r->absences);
        emit technicianLoaded(technicianId);
    });
}

void TechniciansTabController::reloadShown()
{
    if (!m_service)
        return;
    const QString id = m_view->shownTechnicianId();
    if (id.isEmpty())
        return;
    m_service->load(id, [this, id](Result<TechnicianToEdit> r) {
        if (m_view->shownTechnicianId() != id)
            return;
        if (!r) {
            // Undoing "New technician" removed them.
            if (r.error().kind == Error::Kind::NotFound)
                m_view->showNothing();
            return;
        }
        m_absences = r->absences;
        m_view->setAbsences(r->absences);
        // Edits not saved yet stay; the version they are made against does not move.
        if (!m_view->formModel()->isDirty()) {
            m_before = r->draft;
            m_view->formModel()->startEdit(r->draft);
            m_view->showTechnician(id);
        }
        emit technicianLoaded(id);
    });
}

void TechniciansTabController::newTechnician()
{
    m_before = TechnicianDraft();
    m_absences.clear();
    m_view->formModel()->startNew();
    m_view->showTechnician(QString());
    m_view->form()->findChild<QWidget *>(QStringLiteral("idField"))->setFocus();
}

void TechniciansTabController::revert()
{
    if (m_view->formModel()->isNew())
        newTechnician();
    else
        m_view->formModel()->startEdit(m_before);
}

QString TechniciansTabController::shownName() const { return m_before.name.isEmpty() ? m_before.id : m_before.name; }

void TechniciansTabController::push(const QString &text, const QVector<records::RecordEdit> &edits)
{
    if (edits.isEmpty())
        return;
    m_session->document()->push(RecordEditCommand::alreadyApplied(m_session->editTarget(), text, edits));
    emit saved(text);
}

void TechniciansTabController::save()
{
    TechnicianFormModel *model = m_view->formModel();
    if (!model->canSave())
        return;
    m_view->setSaving(true);
    m_view->showProblem(QString());
    const bool isNew = model->isNew();
    m_service->save(model->draft(), isNew, m_before, [this, isNew](Result<SavedTechnician> r) {
        m_view->setSaving(false);
        if (!r) {
            m_view->showProblem(r.error().message);
            return;
        }
        if (!r->issues.isEmpty()) {
            m_view->formModel()->setServerIssues(r->issues);
            m_view->showProblem(r->issues.front().text());
            return;
        }
        const QString id = r->draft.id;
        push(isNew ? tr("New technician %1").arg(id) : tr("Edit technician %1").arg(id), r->edits);
        m_before = r->draft;
        m_view->formModel()->startEdit(r->draft);
        m_view->showTechnician(id);
        m_view->showStatus(tr("Saved."));
        reloadList();
    });
}

void TechniciansTabController::toggleActive()
{
    if (m_before.id.isEmpty() || m_view->formModel()->isDirty())
        return;
    const bool activate = !m_before.active;
    const QString id = m_before.id;
    m_service->setActive(id, m_before.version, activate, [this, id, activate](Result<SavedTechnician> r) {
        if (!r) {
            m_view->showProblem(r.error().message);
            reloadShown();
            return;
        }
        push(activate ? tr("Reactivate technician %1").arg(id) : tr("Deactivate technician %1").arg(id), r->edits);
        if (m_view->shownTechnicianId() == id) {
            m_before = r->draft;
            m_view->formModel()->startEdit(r->draft);
            m_view->showTechnician(id);
        }
        m_view->showStatus(activate ? tr("%1 may get new work again.").arg(r->draft.name)
                                    : tr("%1 is inactive: kept with their history, given no new work.").arg(r->draft.name));
        reloadList();
    });
}

void TechniciansTabController::markAbsent(const QString &technicianId, const QDateTime &start, const QDateTime &end)
{
    if (!m_service)
        return;
    AbsenceDraft a;
    a.technicianId = technicianId;
    a.start = start;
    a.end = end;
    // Read that technician's absences (the dialog checks the new one against them) without
    // changing the page the Technicians tab shows, where edits may be under way.
    m_service->load(technicianId, [this, a](Result<TechnicianToEdit> r) {
        if (!r) {
            emit problem(r.error().message);
            return;
        }
        openAbsence(a, r->absences, r->draft.name.isEmpty() ? r->draft.id : r->draft.name);
    });
}

void TechniciansTabController::openAbsence(const AbsenceDraft &absence, const QVector<AbsenceDraft> &others, const QString &name)
{
    if (m_absenceDialog)
        m_absenceDialog->close();
    auto *model = new AbsenceFormModel;
    m_absenceModel = model;
    m_absenceBefore = absence;
    m_absenceName = name;
    model->start(absence, others);
    m_absenceDialog = new widgets::AbsenceDialog(model, name, m_view);
    model->setParent(m_absenceDialog);
    m_absenceDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_absenceDialog, &QObject::destroyed, this, [this] { m_absenceModel = nullptr; });
    const auto readCovered = [this] {
        AbsenceFormModel *m = m_absenceModel;
        if (!m || !m->issue(QStringLiteral("end")).isEmpty())
            return;
        const AbsenceDraft d = m->draft();
        m_service->coveredVisits(d.technicianId, d.start, d.end, [this, d](Result<CoveredVisits> r) {
            if (!m_absenceModel)
                return;
            if (!r) {
                m_absenceDialog->showProblem(r.error().message);
                return;
            }
            m_absenceModel->setCoveredVisits(d.start, d.end, *r);
        });
    };
    connect(model, &AbsenceFormModel::intervalChanged, this, readCovered);
    connect(m_absenceDialog, &widgets::AbsenceDialog::saveRequested, this, &TechniciansTabController::saveAbsence);
    m_absenceDialog->open();
    readCovered();
}

void TechniciansTabController::saveAbsence()
{
    AbsenceFormModel *model = m_absenceModel;
    if (!model || !model->canSave())
        return;
    m_absenceDialog->setSaving(true);
    m_absenceDialog->showProblem(QString());
    const bool isNew = model->isNew();
    const QString name = m_absenceName;
    m_service->saveAbsence(model->draft(), m_absenceBefore, model->visitsToReturn(), [this, isNew, name](Result<SavedAbsence> r) {
        if (m_absenceDialog)
            m_absenceDialog->setSaving(false);
        if (!r) {
            if (m_absenceDialog)
                m_absenceDialog->showProblem(r.error().message);
            return;
        }
        if (!r->issues.isEmpty()) {
            if (m_absenceDialog)
                m_absenceDialog->showProblem(r->issues.front().text());
            return;
        }
        const int returned = int(std::count_if(r->edits.begin(), r->edits.end(), [](const records::RecordEdit &e) {
            return e.spec->table == QLatin1String("appointments");
        }));
        const QString text = returned == 1 ? tr("Absence of %1, 1 visit back to the queue").arg(name)
                             : returned > 1 ? tr("Absence of %1, %2 visits back to the queue").arg(name).arg(returned)
                             : isNew        ? tr("Absence of %1").arg(name)
                                            : tr("Edit absence of %1").arg(name);
        push(text, r->edits);
        if (m_absenceDialog)
            m_absenceDialog->accept();
        reloadShown();
    });
}

void TechniciansTabController::removeAbsence(const QString &absenceId)
{
    int version = 0;
    for (const AbsenceDraft &a : std::as_const(m_absences))
        if (a.id == absenceId)
            version = a.version;
    const QString name = shownName();
    m_service->removeAbsence(absenceId, version, [this, name](Result<SavedAbsence> r) {
        if (!r) {
            m_view->showProblem(r.error().message);
            reloadShown();
            return;
        }
        push(tr("Remove absence of %1").arg(name), r->edits);
        reloadShown();
    });
}

} // namespace fieldops::gui
