#pragma once
// Moving stock: the part, where it comes from, where it goes and how many, each problem
// under its field as it is typed (Save waits until there is none), what the source holds
// of the part, and the database's refusal in words when the move fails. Non-modal: the
// owner moves the stock on saveRequested() and closes it with accept().
#include <QDialog>
#include <QSet>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fieldops::parts {
class TransferFormModel;
}

namespace fieldops::widgets {

class TransferDialog : public QDialog {
    Q_OBJECT
public:
    // The model is the caller's (reparent it to the dialog), already started.
    explicit TransferDialog(parts::TransferFormModel *model, QWidget *parent = nullptr);

    QComboBox *partField() const { return m_part; }
    QComboBox *fromField() const { return m_from; }
    QComboBox *toField() const { return m_to; }
    QLineEdit *quantityField() const { return m_quantity; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *issueLabel(const QString &field) const;
    QLabel *problemLabel() const { return m_problem; }
    void setSaving(bool saving);
    void showProblem(const QString &message);

signals:
    void saveRequested();

private:
    void fill();
    void refresh();
    parts::TransferFormModel *m_model;
    QSet<QString> m_touched; // fields the dispatcher has set: only their problems show
    bool m_saving = false;
    QComboBox *m_part;
    QComboBox *m_from;
    QComboBox *m_to;
    QLineEdit *m_quantity;
    QLabel *m_partIssue;
    QLabel *m_fromIssue;
    QLabel *m_toIssue;
    QLabel *m_quantityIssue;
    QLabel *m_sourceNote;
    QLabel *m_problem;
    QPushButton *m_save;
};

} // namespace fieldops::widgets
