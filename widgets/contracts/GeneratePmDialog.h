#pragma once
// Generating preventive work orders from the planner's desk: choose the horizon, see what
// a run would create and skip (a dry run, nothing written) and the load it adds per week
// and territory against the technicians' free hours, as due and levelled, then generate.
// The owner runs the dry run, the capacity preview and the generation (signals) and hands
// the reports back.
#include "planning/CapacityLeveller.h"
#include "planning/PmGenerator.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace fieldops::widgets {
class CapacityPreviewPanel;

class GeneratePmDialog : public QDialog {
    Q_OBJECT
public:
    explicit GeneratePmDialog(int horizonDays, QWidget *parent = nullptr);

    int horizonDays() const;
    void showPreview(const planning::PmGenerateReport &report);
    void showGenerated(const planning::PmGenerateReport &report);
    void showProblem(const QString &message);
    void setBusy(bool busy);
    void showCapacity(const planning::CapacityLevelling &levelling);
    CapacityPreviewPanel *capacity() const { return m_capacity; }

    QSpinBox *horizonField() const { return m_horizon; }
    QTableWidget *createdTable() const { return m_created; }
    QTableWidget *skippedTable() const { return m_skipped; }
    QPushButton *generateButton() const { return m_generate; }
    QLabel *summary() const { return m_summary; }

signals:
    void previewRequested(int horizonDays);
    void generateRequested(int horizonDays);

private:
    void fill(const planning::PmGenerateReport &report);
    QSpinBox *m_horizon;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTableWidget *m_created;
    QTableWidget *m_skipped;
    CapacityPreviewPanel *m_capacity;
    QPushButton *m_preview;
    QPushButton *m_generate;
    QDialogButtonBox *m_buttons;
    bool m_previewed = false;
};

} // namespace fieldops::widgets
