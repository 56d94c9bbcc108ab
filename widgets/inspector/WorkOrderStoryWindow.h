#pragma once
// A work order's whole story in a window of its own, wide enough for its tables (the
// inspector dock is too narrow to read them): the page WorkOrderStoryPage writes, with
// Print… and Export PDF…. It shows what it is given; the controller keeps it on the
// selected work order and up to date.
#include "repositories/WorkOrderRepository.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace fieldops::widgets {

class WorkOrderStoryWindow : public QWidget {
    Q_OBJECT
public:
    explicit WorkOrderStoryWindow(QWidget *parent = nullptr);

    // The work order to tell; none: an empty page saying to select one.
    void setDetails(const std::optional<WorkOrderDetails> &details);
    QString workOrderId() const { return m_details ? m_details->order.id : QString(); }

    QTextBrowser *page() const { return m_page; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *printButton() const { return m_print; }
    // Writes the story as a PDF to `path`; the problem in words, empty when written.
    QString exportPdf(const QString &path) const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void chooseExportPath();
    void print();
    std::optional<WorkOrderDetails> m_details;
    QTextBrowser *m_page;
    QPushButton *m_export;
    QPushButton *m_print;
};

} // namespace fieldops::widgets
