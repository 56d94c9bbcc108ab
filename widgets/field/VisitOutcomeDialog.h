#pragma once
// How a visit ended, as a dispatcher records it: arrival, end of work and departure, fixed
// or not (and why not), notes and who signed on site. Each field shows its problem under
// it as the dispatcher types (field::checkOutcome); Save stays disabled until there is
// none. The dialog only edits; saving is its owner's job (saveRequested).
#include "field/VisitOutcomeRecorder.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace fieldops::widgets {

class VisitOutcomeDialog : public QDialog {
    Q_OBJECT
public:
    VisitOutcomeDialog(const field::VisitToRecord &visit, const QDateTime &now, QWidget *parent = nullptr);

    field::VisitOutcome outcome() const;
    const field::VisitToRecord &visit() const { return m_visit; }
    bool canSave() const;
    // A refusal from the database (someone changed the visit, the server said no).
    void showRefusal(const QString &message);

    QDateTimeEdit *arrivedEdit() const { return m_arrived; }
    QDateTimeEdit *completedEdit() const { return m_completed; }
    QDateTimeEdit *departedEdit() const { return m_departed; }
    QCheckBox *departedKnown() const { return m_departedKnown; }
    QRadioButton *resolvedButton() const { return m_resolved; }
    QRadioButton *unresolvedButton() const { return m_unresolved; }
    QComboBox *reasonBox() const { return m_reason; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QLineEdit *signedByEdit() const { return m_signedBy; }
    QLineEdit *partsEdit() const { return m_parts; }
    QLabel *issueLabel(const QString &field) const { return m_issues.value(field); }

signals:
    // Save was pressed on a valid outcome; the owner writes it, then accepts or refuses.
    void saveRequested();

private:
    void revalidate();
    // checkOutcome() and what the parts' text cannot be read as.
    workorders::FieldIssues issues() const;
    QLabel *issueUnder(const QString &field);

    field::VisitToRecord m_visit;
    QDateTime m_now;
    QDateTimeEdit *m_arrived, *m_completed, *m_departed;
    QCheckBox *m_departedKnown;
    QRadioButton *m_resolved, *m_unresolved;
    QComboBox *m_reason;
    QPlainTextEdit *m_notes;
    QLineEdit *m_signedBy;
    QLineEdit *m_parts;
    QLabel *m_refusal;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_issues;
};

} // namespace fieldops::widgets
