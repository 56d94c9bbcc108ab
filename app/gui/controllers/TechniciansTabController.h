#pragma once
// The "Technicians" tab: the list with its filters, the technician's page and their
// absences. Reads and saves go through a TechnicianService on the session's worker; a
// saved edit (a technician created, changed, deactivated or reactivated; an absence
// added, changed or removed, with the visits it returned to the queue) lands on the
// console's undo stack as one command, so Ctrl+Z undoes it. Roles without
// editTechnicians / editAbsences see the page read-only, saying why.
#include "controllers/TabController.h"
#include "technicians/TechnicianDraft.h"
#include "technicians/TechnicianService.h"
#include "technicians/TechniciansView.h"

#include <QObject>
#include <QPointer>

namespace fieldops {
class ConsoleSession;
namespace records {
struct RecordEdit;
}
}
namespace fieldops::technicians {
class AbsenceFormModel;
}
namespace fieldops::widgets {
class AbsenceDialog;
}

namespace fieldops::gui {

class TechniciansTabController : public QObject, public TabController {
    Q_OBJECT
public:
    explicit TechniciansTabController(ConsoleSession *session, QObject *parent = nullptr);
    ~TechniciansTabController() override;
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;

    widgets::TechniciansView *view() const { return m_view; }
    technicians::TechnicianService *service() const { return m_service; }
    // The open absence editor, if any (tests).
    widgets::AbsenceDialog *absenceDialog() const;

public slots:
    void reloadList();
    void openTechnician(const QString &technicianId);
    void newTechnician();
    // An absence drawn on the board: the editor opens on it, listing the visits it covers.
    void markAbsent(const QString &technicianId, const QDateTime &start, const QDateTime &end);

signals:
    // The list was read again (tests wait for it).
    void listLoaded();
    // The page shows the technician read from the database.
    void technicianLoaded(const QString &technicianId);
    // An edit was saved and is on the undo stack.
    void saved(const QString &undoText);
    // A read for the board's absence failed (the status bar says it).
    void problem(const QString &message);

private:
    void loadCatalog();
    void applyPermissions();
    void save();
    void revert();
    void toggleActive();
    void openAbsence(const technicians::AbsenceDraft &absence, const QVector<technicians::AbsenceDraft> &others, const QString &name);
    void saveAbsence();
    void removeAbsence(const QString &absenceId);
    void push(const QString &text, const QVector<records::RecordEdit> &edits);
    void reloadShown();
    QString shownName() const;

    ConsoleSession *m_session;
    // The view is owned by the tab widget once added and owns the service, so answers
    // still on their way when either goes are dropped.
    QPointer<widgets::TechniciansView> m_view;
    QPointer<technicians::TechnicianService> m_service;
    technicians::TechnicianDraft m_before;
    QVector<technicians::AbsenceDraft> m_absences;
    QPointer<widgets::AbsenceDialog> m_absenceDialog;
    technicians::AbsenceFormModel *m_absenceModel = nullptr; // owned by the dialog
    technicians::AbsenceDraft m_absenceBefore;
    QString m_absenceName; // whose absence the editor holds
    quint64 m_listRequest = 0;
};

} // namespace fieldops::gui
