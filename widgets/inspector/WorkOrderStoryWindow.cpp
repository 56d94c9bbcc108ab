#include "inspector/WorkOrderStoryWindow.h"

#include "repositories/WorkOrderStoryPage.h"
#include "settings/ConsoleSettings.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollBar>
#include <QSaveFile>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fieldops::widgets {

WorkOrderStoryWindow::WorkOrderStoryWindow(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("workOrderStoryWindow"));
    setWindowTitle(tr("Work order story"));
    m_page = new QTextBrowser(this);
    m_page->setObjectName(QStringLiteral("storyPage"));
    m_page->setOpenLinks(false);

    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("&Export PDF…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("storyExport"));
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("storyPrint"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_export, &QPushButton::clicked, this, &WorkOrderStoryWindow::chooseExportPath);
    connect(m_print, &QPushButton::clicked, this, &WorkOrderStoryWindow::print);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    auto *printKey = new QShortcut(QKeySequence::Print, this);
    connect(printKey, &QShortcut::activated, this, &WorkOrderStoryWindow::print);
    auto *closeKey = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(closeKey, &QShortcut::activated, this, &QWidget::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_page, 1);
    layout->addWidget(buttons);

    // Wide enough for the visits and time tables; where the user left it after that.
    resize(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 150, fontMetrics().lineSpacing() * 45);
    restoreGeometry(settings::storyWindowGeometry().get());
    setDetails(std::nullopt);
}

void WorkOrderStoryWindow::setDetails(const std::optional<WorkOrderDetails> &details)
{
    m_details = details;
    const bool shown = m_details.has_value();
    m_export->setEnabled(shown);
    m_print->setEnabled(shown);
    if (!shown) {
        setWindowTitle(tr("Work order story"));
        m_page->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Select a work order to see its story.").toHtmlEscaped()));
        return;
    }
    setWindowTitle(tr("Story of work order %1").arg(m_details->order.id));
    // The reader's place stays when the same work order is told again after a change.
    const int scroll = m_page->verticalScrollBar()->value();
    m_page->setHtml(workOrderStoryHtml(*m_details));
    m_page->verticalScrollBar()->setValue(scroll);
}

QString WorkOrderStoryWindow::exportPdf(const QString &path) const
{
    if (!m_details)
        return tr("No work order is shown.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    file.write(workOrderStoryPdf(*m_details));
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void WorkOrderStoryWindow::chooseExportPath()
{
    if (!m_details)
        return;
    const QString suggested = QDir::home().filePath(tr("work-order-%1.pdf").arg(m_details->order.id));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the story as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const QString problem = exportPdf(path); !problem.isEmpty())
        QMessageBox::warning(this, tr("Export PDF"), problem);
}

void WorkOrderStoryWindow::print()
{
    if (!m_details)
        return;
    QPrinter printer;
    printer.setDocName(tr("Work order %1").arg(m_details->order.id));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_page->document()->print(&printer);
}

void WorkOrderStoryWindow::closeEvent(QCloseEvent *event)
{
    settings::storyWindowGeometry().set(saveGeometry());
    QWidget::closeEvent(event);
}

} // namespace fieldops::widgets
