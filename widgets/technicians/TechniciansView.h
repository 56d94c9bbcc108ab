#pragma once
// The "Technicians" tab: on the left the list with its filters (text, territory,
// employment, active or not) and New technician; on the right the chosen technician's
// page: the form with Save, Revert and Deactivate/Reactivate, and their absences with
// Add, Edit and Remove. The view only shows and asks; its owner reads and saves.
#include "technicians/TechnicianDraft.h"

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace fieldops::technicians {
class TechnicianFormModel;
class TechnicianListModel;
}

namespace fieldops::widgets {
class TechnicianForm;

class TechniciansView : public QWidget {
    Q_OBJECT
public:
    explicit TechniciansView(QWidget *parent = nullptr);

    technicians::TechnicianListModel *listModel() const { return m_list; }
    technicians::TechnicianFormModel *formModel() const { return m_model; }
    TechnicianForm *form() const { return m_form; }
    QTableView *table() const { return m_table; }
    QTableWidget *absencesTable() const { return m_absences; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *activeButton() const { return m_activeButton; }
    QPushButton *addAbsenceButton() const { return m_addAbsence; }
    QPushButton *editAbsenceButton() const { return m_editAbsence; }
    QPushButton *removeAbsenceButton() const { return m_removeAbsence; }
    QLineEdit *textFilter() const { return m_text; }

    technicians::TechnicianFilter filter() const;
    void setCatalog(const technicians::TechnicianCatalog &catalog);
    void setRows(const QVector<technicians::TechnicianRow> &rows);
    // The technician on the page (empty: none, or a new one not saved yet).
    QString shownTechnicianId() const { return m_shownId; }
    void showTechnician(const QString &technicianId); // after the model was started
    void showNothing();
    void setAbsences(const QVector<technicians::AbsenceDraft> &absences);
    const QVector<technicians::AbsenceDraft> &absences() const { return m_absenceRows; }
    QString selectedAbsenceId() const;
    // What the role may change; `why` is shown on the read-only page.
    void setPermissions(bool mayEditTechnicians, const QString &whyNotTechnicians, bool mayEditAbsences,
                        const QString &whyNotAbsences);
    void setSaving(bool saving);
    void showProblem(const QString &message);
    void showStatus(const QString &message);

signals:
    void filterChanged();
    void technicianActivated(const QString &technicianId);
    void newRequested();
    void saveRequested();
    void revertRequested();
    void activeToggleRequested();
    void addAbsenceRequested();
    void editAbsenceRequested(const QString &absenceId);
    void removeAbsenceRequested(const QString &absenceId);

private:
    void updateButtons();
    technicians::TechnicianListModel *m_list;
    technicians::TechnicianFormModel *m_model;
    QLineEdit *m_text;
    QComboBox *m_territory;
    QComboBox *m_employment;
    QComboBox *m_activity;
    QPushButton *m_new;
    QTableView *m_table;
    QWidget *m_page;
    QLabel *m_placeholder;
    QLabel *m_title;
    TechnicianForm *m_form;
    QLabel *m_problem;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_activeButton;
    QGroupBox *m_absenceBox;
    QTableWidget *m_absences;
    QLabel *m_absenceNote;
    QPushButton *m_addAbsence;
    QPushButton *m_editAbsence;
    QPushButton *m_removeAbsence;
    QVector<technicians::AbsenceDraft> m_absenceRows;
    QString m_shownId;
    bool m_mayEditTechnicians = false;
    bool m_mayEditAbsences = false;
    QString m_whyNotTechnicians;
    QString m_whyNotAbsences;
    bool m_saving = false;
};

} // namespace fieldops::widgets
