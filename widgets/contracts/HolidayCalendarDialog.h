#pragma once
// The holiday calendars of the territories: pick a territory, see its days, add or remove
// one, or import a CSV list (day, name; the interchange's holidays.csv works as is), then
// save the calendar as one undoable step. The owner reads and writes (signals, setters).
#include "contracts/ContractPage.h"
#include "contracts/HolidayCalendar.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace fieldops::widgets {

class HolidayCalendarDialog : public QDialog {
    Q_OBJECT
public:
    explicit HolidayCalendarDialog(const QVector<contracts::PickItem> &territories, bool editable, QWidget *parent = nullptr);

    QString territoryId() const;
    // The calendar as stored (what Save replaces).
    void setHolidays(const QString &territoryId, const contracts::HolidayList &days);
    contracts::HolidayList holidays() const { return m_days; }
    // Reads a CSV file into the list (not saved until Save); false with the reason shown.
    bool importFile(const QString &path);
    void showProblem(const QString &message);

    QComboBox *territoryField() const { return m_territory; }
    QTableWidget *table() const { return m_table; }
    QDateEdit *dayField() const { return m_day; }
    QLineEdit *nameField() const { return m_name; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *saveButton() const { return m_save; }

signals:
    void territoryChosen(const QString &territoryId);
    void saveRequested(const QString &territoryId, const contracts::HolidayList &before, const contracts::HolidayList &after);

private:
    void fill();
    void updateButtons();
    QComboBox *m_territory;
    QTableWidget *m_table;
    QDateEdit *m_day;
    QLineEdit *m_name;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_import;
    QPushButton *m_save;
    QLabel *m_problem;
    QString m_loadedFor;
    contracts::HolidayList m_stored;
    contracts::HolidayList m_days;
    bool m_editable;
};

} // namespace fieldops::widgets
