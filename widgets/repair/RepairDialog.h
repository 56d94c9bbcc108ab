#pragma once
// A repair of the day, shown for the dispatcher to choose: what changed, the work it
// displaces, and each option (cheapest first) with its cost and what it moves — a visit
// from one technician and time to another, or back to the queue. Apply (Enter, or a double
// click on an option) writes the chosen one as one undo step. It only shows and asks: the
// controller works the options out and writes them (widgets never touch the database).
#include "dayplan/DayRepair.h"

#include <QDialog>
#include <QHash>
#include <QTimeZone>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace fieldops::widgets {

class RepairDialog : public QDialog {
    Q_OBJECT
public:
    explicit RepairDialog(const QString &title, QWidget *parent = nullptr);

    // The options are being worked out: `text` says what.
    void showWorking(const QString &text);
    // The options; `names` technician id → name, `summaries` work order id → summary, times in `zone`.
    void showRepair(const dayplan::DayRepair &repair, const QHash<QString, QString> &names, const QHash<QString, QString> &summaries,
                    const QTimeZone &zone);
    // No options (a failed read, a refused write): `text` says why.
    void showMessage(const QString &text);

    // The option under the cursor (its index in the repair's options), or -1.
    int chosenOption() const;
    QTreeWidget *optionList() const { return m_options; }
    QPushButton *applyButton() const { return m_apply; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void applyRequested(int option);

private:
    void updateApply();
    QLabel *m_message;
    QTreeWidget *m_options;
    QPushButton *m_apply;
    bool m_working = false;
};

} // namespace fieldops::widgets
