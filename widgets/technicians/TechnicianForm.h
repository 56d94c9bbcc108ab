#pragma once
// The technician form, bound to a TechnicianFormModel: id, name, employment, skills
// (a checklist), territory, home base (latitude and longitude), time zone, shift start
// and end, working days, hourly cost and whether the technician is active. Every field
// shows its problem beneath it as the user types; the owner enables Save with the
// model's canSave().
#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace fieldops::technicians {
class TechnicianFormModel;
}

namespace fieldops::widgets {

class TechnicianForm : public QWidget {
    Q_OBJECT
public:
    explicit TechnicianForm(technicians::TechnicianFormModel *model, QWidget *parent = nullptr);

    // Read-only: every field disabled, with the reason shown at the top.
    void setReadOnly(bool readOnly, const QString &why = {});
    bool isReadOnly() const { return m_readOnly; }
    // The label that shows a field's problem, by the field's column name.
    QLabel *issueLabel(const QString &field) const { return m_issueLabels.value(field); }

private:
    void refresh(); // model → widgets
    QWidget *addField(QFormLayout *layout, const QString &label, QWidget *field, const QStringList &columns);
    void emitSkills();
    void emitWorkDays();

    technicians::TechnicianFormModel *m_model;
    bool m_refreshing = false;
    bool m_readOnly = false;
    QLabel *m_readOnlyNote;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QComboBox *m_employment;
    QListWidget *m_skills;
    QComboBox *m_territory;
    QLineEdit *m_homeLat;
    QLineEdit *m_homeLon;
    QComboBox *m_timeZone;
    QLineEdit *m_shiftStart;
    QLineEdit *m_shiftEnd;
    QList<QCheckBox *> m_days;
    QLineEdit *m_hourlyCost;
    QCheckBox *m_active;
    QHash<QString, QLabel *> m_issueLabels;
};

} // namespace fieldops::widgets
