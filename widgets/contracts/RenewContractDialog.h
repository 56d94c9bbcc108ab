#pragma once
// Asks for a renewal's id and dates, proposed from the contract being renewed (the day
// after it ends, as long again); OK only when the id is usable and the dates are in order.
#include "contracts/ContractRenewal.h"

#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace fieldops::widgets {

class RenewContractDialog : public QDialog {
    Q_OBJECT
public:
    RenewContractDialog(const QString &contractId, const contracts::RenewalRequest &proposal, int plans, QWidget *parent = nullptr);
    contracts::RenewalRequest request() const;
    QLineEdit *idField() const { return m_id; }
    QDateEdit *startField() const { return m_start; }
    QDateEdit *endField() const { return m_end; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void check();
    QLineEdit *m_id;
    QDateEdit *m_start;
    QDateEdit *m_end;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace fieldops::widgets
