#pragma once
// Adding or changing one absence of a technician: from, to and reason (vacation, sick,
// training, other, or any short text), each problem under its field, and the visits the
// absence covers once read, with the offer to return them to the queue in the same step.
// Non-modal: the owner saves on saveRequested() and closes it with accept().
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace fieldops::technicians {
class AbsenceFormModel;
}

namespace fieldops::widgets {

class AbsenceDialog : public QDialog {
    Q_OBJECT
public:
    // `technicianName` for the title; the model is the caller's (reparent it to the dialog).
    AbsenceDialog(technicians::AbsenceFormModel *model, const QString &technicianName, QWidget *parent = nullptr);

    QPushButton *saveButton() const { return m_save; }
    QLabel *issueLabel(const QString &field) const;
    QCheckBox *returnVisitsBox() const { return m_return; }
    void setSaving(bool saving);
    void showProblem(const QString &message);

signals:
    void saveRequested();

private:
    void refresh();
    technicians::AbsenceFormModel *m_model;
    bool m_refreshing = false;
    bool m_saving = false;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QComboBox *m_reason;
    QLabel *m_startIssue;
    QLabel *m_endIssue;
    QLabel *m_reasonIssue;
    QLabel *m_visits;
    QCheckBox *m_return;
    QLabel *m_problem;
    QPushButton *m_save;
};

} // namespace fieldops::widgets
