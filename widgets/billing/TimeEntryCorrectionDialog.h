#pragma once
// A reviewer's correction of one time entry: start, end, billable and the comment of what
// was done. Each field shows its problem under it as the reviewer types (the review's own
// rules, billing::correctionIssues); Save stays disabled until there is none. The dialog
// only edits; saving is its owner's job (saveRequested).
#include "billing/TimeEntryReview.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fieldops::widgets {

class TimeEntryCorrectionDialog : public QDialog {
    Q_OBJECT
public:
    // `technicianName` and the entry name it in the title and the header line.
    TimeEntryCorrectionDialog(const billing::TimeEntry &entry, const QString &technicianName, QWidget *parent = nullptr);

    const billing::TimeEntry &entry() const { return m_entry; }
    // The correction as entered, at the version the dialog was opened on.
    billing::Correction correction() const;
    bool canSave() const;
    // A refusal from the database (someone changed the entry, the server said no).
    void showRefusal(const QString &message);

    QDateTimeEdit *startEdit() const { return m_start; }
    QDateTimeEdit *endEdit() const { return m_end; }
    QCheckBox *billableBox() const { return m_billable; }
    QLineEdit *commentEdit() const { return m_comment; }
    QLabel *issueLabel(const QString &field) const { return m_issues.value(field); }
    QPushButton *saveButton() const;

signals:
    void saveRequested();

private:
    void revalidate();
    QLabel *issueUnder(const QString &field);

    billing::TimeEntry m_entry;
    QDateTimeEdit *m_start, *m_end;
    QCheckBox *m_billable;
    QLineEdit *m_comment;
    QLabel *m_refusal;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_issues;
};

} // namespace fieldops::widgets
