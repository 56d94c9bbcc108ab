#pragma once
// The Time tab's view: the period, technician and review-state filters, the table of time
// entries (TimeEntryTableModel) with the flagged ones in the alarm colour, the totals of
// what is shown, and the reviewer's buttons: Approve (Ctrl+Enter), Correct…, Export
// billing…. It reads and writes nothing itself; its owner answers its signals.
#include <QDate>
#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace fieldops {
class TimeEntryTableModel;
}

namespace fieldops::widgets {
class ElidedLabel;

class TimeReviewView : public QWidget {
    Q_OBJECT
public:
    explicit TimeReviewView(TimeEntryTableModel *model, QWidget *parent = nullptr);

    void setPeriod(const QDate &from, const QDate &to);
    QDate from() const;
    QDate to() const;
    // (id, name) pairs; the choice is kept when its technician is still there.
    void setTechnicians(const QVector<QPair<QString, QString>> &technicians);
    QString technicianId() const; // empty: every technician
    // Whether the role may review: without it the buttons are off and `reason` says why.
    void setReviewable(bool reviewable, const QString &reason);
    void showMessage(const QString &message, bool problem);
    // Fits the columns to what was read (after a load).
    void fitColumns();

    QList<qint64> selectedEntryIds() const;
    bool selectEntry(qint64 id);

    QTableView *table() const { return m_table; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QComboBox *technicianBox() const { return m_technician; }
    QComboBox *stateBox() const { return m_state; }
    QPushButton *approveButton() const { return m_approveButton; }
    QPushButton *correctButton() const { return m_correctButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    QAction *approveAction() const { return m_approve; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *messageLabel() const { return m_message; }
    ElidedLabel *readOnlyLabel() const { return m_readOnly; }

signals:
    void filtersChanged(); // period or technician: the entries must be read again
    void stateFilterChanged(const QString &state);
    void approveRequested(const QList<qint64> &ids);
    void correctRequested(qint64 id);
    void exportRequested();
    void currentWorkOrderChanged(const QString &workOrderId);

private:
    void updateButtons();
    void updateTotals();

    TimeEntryTableModel *m_model;
    QDateEdit *m_from, *m_to;
    QComboBox *m_technician, *m_state;
    QPushButton *m_approveButton, *m_correctButton, *m_exportButton;
    QAction *m_approve;
    QTableView *m_table;
    QLabel *m_totals, *m_message;
    ElidedLabel *m_readOnly;
    bool m_reviewable = false;
};

} // namespace fieldops::widgets
