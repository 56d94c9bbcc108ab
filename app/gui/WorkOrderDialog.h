#pragma once
// The window around the intake form: New work order (Ctrl+N) or Edit work order. Save
// (Ctrl+Return) is enabled only while the form has no problem; a refusal from the server
// (a lost race, a duplicate id, a lost connection) is shown above the buttons and the
// dialog stays open with what the user typed.
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace fieldops::workorders {
class WorkOrderFormModel;
}
namespace fieldops::widgets {
class WorkOrderForm;
}

namespace fieldops::gui {

class WorkOrderDialog : public QDialog {
    Q_OBJECT
public:
    WorkOrderDialog(workorders::WorkOrderFormModel *model, QWidget *parent = nullptr);

    widgets::WorkOrderForm *form() const { return m_form; }
    QPushButton *saveButton() const { return m_save; }
    void showProblem(const QString &message);
    void setSaving(bool saving);
    // Someone else changed the work order being edited: say who, offer Reload (their
    // version, dropping the edits here) or Overwrite (keep these edits, saved on top).
    void showConflict(const QString &message);
    void hideConflict();
    QWidget *conflictBar() const { return m_conflict; }

signals:
    void saveRequested();
    void reloadRequested();
    void overwriteRequested();

private:
    void updateSave();
    workorders::WorkOrderFormModel *m_model;
    widgets::WorkOrderForm *m_form;
    QLabel *m_problem;
    QWidget *m_conflict;
    QLabel *m_conflictText;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    bool m_saving = false;
};

} // namespace fieldops::gui
