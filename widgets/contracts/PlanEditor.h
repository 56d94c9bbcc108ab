#pragma once
// The preventive plans of one contract: the list, and the editor of the chosen plan (task,
// asset, skills, visit length, recurrence, first occurrence, season, preferred start, lead
// time, what a missed visit does) beside a small calendar marking the next occurrences as
// the generator will create them, recomputed as the planner types.
#include "contracts/ContractPage.h"

#include <QWidget>

class QCalendarWidget;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {
class CoverageList;
class RecordFormWidget;

class PlanEditor : public QWidget {
    Q_OBJECT
public:
    explicit PlanEditor(QWidget *parent = nullptr);

    // The contract's plans and what they may name; keeps the plan being edited when it
    // is still there.
    // keepEdits leaves a plan being edited as it is (a re-read after someone's change).
    void setContract(const contracts::ContractPage &page, const QDate &today, bool keepEdits = false);
    void clear();
    void setEditable(bool editable, const QString &why);
    void newPlan();

    records::RecordFormModel *form() const { return m_form; }
    RecordFormWidget *formWidget() const { return m_formWidget; }
    QTableWidget *plansTable() const { return m_table; }
    QCalendarWidget *calendar() const { return m_calendar; }
    QListWidget *occurrences() const { return m_occurrences; }
    QPushButton *saveButton() const { return m_save; }

signals:
    void saveRequested(records::RecordFormModel *form);

private:
    void showPlan(int row);
    void preview();
    void updateButtons();

    records::RecordFormModel *m_form;
    RecordFormWidget *m_formWidget;
    CoverageList *m_skills;
    QTableWidget *m_table;
    QCalendarWidget *m_calendar;
    QListWidget *m_occurrences;
    QLabel *m_previewProblem;
    QPushButton *m_new;
    QPushButton *m_save;
    QString m_contractId;
    QDate m_contractEnds;
    QString m_zone;
    QDate m_today;
    QVector<records::RecordRow> m_plans;
    QVector<std::pair<QString, QString>> m_assets;
    bool m_editable = true;
};

} // namespace fieldops::widgets
